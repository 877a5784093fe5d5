/**
 * `evsim patterns <test|conformance|bench>`: event patterns from the command line.
 *
 * - `test --pattern FILE --event FILE [--explain] [--mode MODE]`: prints `match` (exit 0) or
 *   `no-match` (exit 1), or AWS's error for an invalid pattern (exit 2). MODE is `eventbridge`
 *   (default), `sns-attributes` or `sns-body`.
 * - `conformance FILE`: runs a case file (format of shared/conformance/event-patterns.json),
 *   prints each failing case and `N passed, M failed`; exit 1 if any case fails.
 * - `bench --rules RULES.json --events EVENTS.ndjson [--objects] [--seconds S]`: matches every
 *   event against all rules repeatedly (3 s by default) and prints `matched_per_pass: N` and
 *   `events_per_s: N`. Without --objects each event is matched from its JSON text (parsing is
 *   part of the timed work); with it, events are parsed first and only matching is timed.
 *
 * Bad usage or unreadable input exits 2.
 */
import { compileRuleSet, explain, formatExplanation, formatPatternError, matches, parsePattern, readCases, runCase, type PatternError, type PatternMode } from '../engine/patterns/index';

/** Where the command reads and writes; `now` (milliseconds) defaults to performance.now. */
export interface PatternsIo {
  out(s: string): void;
  err(s: string): void;
  readFile(path: string): Promise<string>;
  now?(): number;
}

const USAGE = [
  'Usage: evsim patterns test --pattern FILE --event FILE [--explain] [--mode eventbridge|sns-attributes|sns-body]',
  '       evsim patterns conformance FILE',
  '       evsim patterns bench --rules RULES.json --events EVENTS.ndjson [--objects] [--seconds S]',
].join('\n');

const MODES: readonly PatternMode[] = ['eventbridge', 'sns-attributes', 'sns-body'];

type Flags = { named: Map<string, string>; bools: Set<string>; positional: string[] };

function parseFlags(argv: string[], valued: string[], booleans: string[]): Flags | string {
  const f: Flags = { named: new Map(), bools: new Set(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    if (valued.includes(flag)) {
      const v = inline ?? argv[++i];
      if (v === undefined) return `${flag} needs a value.`;
      f.named.set(flag, v);
    } else if (booleans.includes(flag)) f.bools.add(flag);
    else if (flag.startsWith('-')) return `Unknown option ${flag}.`;
    else f.positional.push(flag);
  }
  return f;
}

/** Runs `patterns <subcommand>`; resolves to the exit code. */
export async function runPatterns(argv: string[], io: PatternsIo): Promise<number> {
  const [sub, ...rest] = argv[0] === 'patterns' ? argv.slice(1) : argv;
  const usage = (why: string) => {
    io.err(`${why}\n${USAGE}`);
    return 2;
  };
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(USAGE);
    return sub === undefined ? 2 : 0;
  }
  try {
    if (sub === 'test') return await testCommand(rest, io, usage);
    if (sub === 'conformance') return await conformanceCommand(rest, io, usage);
    if (sub === 'bench') return await benchCommand(rest, io, usage);
  } catch (e) {
    io.err(`evsim patterns ${sub}: ${(e as Error).message}`);
    return 2;
  }
  return usage(`Unknown patterns command '${sub}'.`);
}

function describeError(e: PatternError): string {
  const where = e.range ? `line ${e.range.line}, column ${e.range.column}` : '';
  const path = e.path ? `at ${e.path}` : '';
  return [path, where].filter(Boolean).join(', ');
}

async function testCommand(argv: string[], io: PatternsIo, usage: (why: string) => number): Promise<number> {
  const f = parseFlags(argv, ['--pattern', '--event', '--mode'], ['--explain']);
  if (typeof f === 'string') return usage(f);
  const patternFile = f.named.get('--pattern') ?? f.positional[0];
  const eventFile = f.named.get('--event') ?? f.positional[1];
  if (!patternFile || !eventFile) return usage('patterns test needs --pattern FILE and --event FILE.');
  const mode = (f.named.get('--mode') ?? 'eventbridge') as PatternMode;
  if (!MODES.includes(mode)) return usage(`--mode must be one of ${MODES.join(', ')}.`);
  const patternText = await io.readFile(patternFile);
  const eventText = await io.readFile(eventFile);
  let event: unknown;
  try {
    event = JSON.parse(eventText);
  } catch (e) {
    io.err(`${eventFile} is not valid JSON: ${(e as Error).message}`);
    return 2;
  }
  const p = parsePattern(patternText.trimEnd(), { mode });
  if (!p.ok) {
    io.out(formatPatternError(p.error[0], mode));
    for (const e of p.error) io.out(`  ${e.message} (${describeError(e)})`);
    return 2;
  }
  if (f.bools.has('--explain')) {
    const e = explain(p.value, event);
    io.out(formatExplanation(e));
    return e.matched ? 0 : 1;
  }
  const m = matches(p.value, event);
  io.out(m ? 'match' : 'no-match');
  return m ? 0 : 1;
}

async function conformanceCommand(argv: string[], io: PatternsIo, usage: (why: string) => number): Promise<number> {
  const f = parseFlags(argv, [], []);
  if (typeof f === 'string') return usage(f);
  if (f.positional.length !== 1) return usage('patterns conformance needs one case FILE.');
  const loaded = readCases(JSON.parse(await io.readFile(f.positional[0])));
  if (!loaded.ok) {
    io.err(`${f.positional[0]}: ${loaded.message}`);
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const c of loaded.cases) {
    const r = runCase(c);
    if (r.passed) {
      passed++;
      continue;
    }
    failed++;
    io.out(`${r.id}: expected ${r.expect}, got ${r.got}${r.detail ? ` (${r.detail})` : ''}`);
  }
  io.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

async function benchCommand(argv: string[], io: PatternsIo, usage: (why: string) => number): Promise<number> {
  const f = parseFlags(argv, ['--rules', '--events', '--seconds'], ['--objects']);
  if (typeof f === 'string') return usage(f);
  const rulesFile = f.named.get('--rules');
  const eventsFile = f.named.get('--events');
  if (!rulesFile || !eventsFile) return usage('patterns bench needs --rules RULES.json and --events EVENTS.ndjson.');
  const seconds = Number(f.named.get('--seconds') ?? 3);
  if (!(seconds > 0)) return usage('--seconds needs a positive number.');
  const rules: unknown = JSON.parse(await io.readFile(rulesFile));
  if (!Array.isArray(rules)) return usage(`${rulesFile} must hold a JSON array of patterns.`);
  const rs = compileRuleSet(rules.map((pattern, i) => ({ id: String(i), pattern: pattern as string | object })), { maxLength: Infinity });
  if (!rs.ok) {
    for (const e of rs.error) io.out(`rule ${e.id}: ${formatPatternError(e.errors[0])}`);
    return 2;
  }
  // copy each line into a string of its own, as an event arriving alone would be
  const lines = (await io.readFile(eventsFile)).split('\n').filter((l) => l.trim() !== '').map((l) => [...l].join(''));
  if (lines.length === 0) return usage(`${eventsFile} holds no events.`);
  const set = rs.value;
  const objects = f.bools.has('--objects') ? lines.map((l) => JSON.parse(l) as unknown) : null;
  const onePass = objects ? () => objects.reduce<number>((n, o) => n + set.match(o).length, 0) : () => lines.reduce((n, l) => n + set.matchJsonText(l).length, 0);
  const now = io.now ?? (() => (globalThis as unknown as { performance: { now(): number } }).performance.now());
  const matched = onePass();
  onePass(); // warm-up
  let passes = 0;
  const start = now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    onePass();
    passes++;
    elapsed = now() - start;
  }
  io.out(`matched_per_pass: ${matched}`);
  io.out(`events_per_s: ${Math.round((passes * lines.length) / (elapsed / 1000))}`);
  return 0;
}
