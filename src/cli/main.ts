// Entry of `npm run --silent evsim -- <command>`; run by tsx, so no build step is needed.
import { readFile } from 'node:fs/promises';
import { COMMANDS, type CliIo } from './commands';
import { loadValidator } from '../model/validator';

const io: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  readFile: (p) => readFile(p, 'utf8'),
};

/** Usage text listing every command. */
export function usage(): string {
  const lines = COMMANDS.map((c) => `  ${c.usage.padEnd(64)} ${c.summary}`);
  return ['evsim: simulate event-driven AWS architectures', '', 'Usage: npm run --silent evsim -- <command> [options]', '', 'Commands:', ...lines, ''].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`Unknown command '${name}'.\n\n${usage()}`);
    return 2;
  }
  await loadValidator();
  return cmd.run(rest, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.err(`evsim: ${(e as Error).stack ?? String(e)}`);
    process.exitCode = 70;
  },
);
