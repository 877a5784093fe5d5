// One benchmark section, run by `bench/run.ts` in a process of its own: `tsx bench/section.ts NAME`.
// Prints one `name: value` line per figure. Only the named section's module is loaded.

type Figures = Array<[string, number]>;

/** The sections by name. */
const SECTIONS: Record<string, () => Promise<Figures>> = {
  bundle: async () => (await import('./bundle')).benchBundle(),
  links: async () => (await import('./links')).benchLinks(),
  patterns: async () => (await import('./patterns')).benchPatterns(),
  engine: async () => (await import('./engine')).benchEngine(),
  ui: async () => (await import('./ui')).benchUi(),
};

const section = process.argv[2];
const run = section === undefined ? undefined : SECTIONS[section];
if (run === undefined) {
  console.error(`usage: tsx bench/section.ts ${Object.keys(SECTIONS).join('|')}`);
  process.exit(2);
}
for (const [k, v] of await run()) console.log(`${k}: ${v}`);

export {};
