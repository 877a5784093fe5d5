/** Output and file access given to every command, so commands are testable without a process. */
export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  readFile(path: string): Promise<string>;
}

/** One CLI command. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Returns the exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Every command; each module is imported only when its command runs. */
export const COMMANDS: CliCommand[] = [
  {
    name: 'validate',
    usage: 'validate SCENARIO.json',
    summary: 'check a scenario file and list every problem with its JSON path',
    run: async (argv, io) => (await import('./validate')).runValidate(argv, io),
  },
  {
    name: 'run',
    usage: 'run SCENARIO.json [--seed N] [--until DURATION] [--json]',
    summary: 'run a scenario headless and print a summary (or one JSON object)',
    run: async (argv, io) => (await import('./run')).runScenarioCommand(argv, io),
  },
  {
    name: 'patterns',
    usage: 'patterns test|conformance|bench …',
    summary: 'test an event pattern against an event, run a conformance file, or benchmark rules',
    run: async (argv, io) => (await import('./patterns')).runPatterns(argv, io),
  },
];
