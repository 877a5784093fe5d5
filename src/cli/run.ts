/**
 * `evsim run SCENARIO.json [--seed N] [--until DURATION] [--json]`: runs a scenario headless
 * (trace kept as a hash only) and prints a summary, or one JSON object with --json.
 * Exit codes: 0 ran, 1 bad usage or unreadable file, 2 invalid scenario, 3 stopped at the
 * event budget (a probable loop).
 */
import { createSimulation, type SimStats } from '../engine/index';
import { parseScenarioText } from '../model/restoreScenario';
import type { Scenario } from '../model/types';

import type { CliIo as CommandIo } from './commands';

const USAGE = 'Usage: evsim run SCENARIO.json [--seed N] [--until DURATION] [--json]\n  DURATION: 90s, 15m, 1h, 2d, or milliseconds. Default: the scenario\'s settings.durationMs.';

const NODE_FIELDS = ['received', 'invocations', 'succeeded', 'failed', 'retries', 'duplicates', 'throttled'] as const;

interface Args {
  file: string;
  seed?: number;
  untilMs?: number;
  json: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args = argv[0] === 'run' ? argv.slice(1) : argv;
  let file: string | undefined;
  let seed: number | undefined;
  let untilMs: number | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? args[i].split(/=(.*)/s) : [args[i], undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--json') json = true;
    else if (flag === '--seed') {
      const v = value();
      if (v === undefined || !/^\d+$/.test(v) || Number(v) > 0xffffffff) return `--seed needs an integer 0..4294967295, got ${v ?? 'nothing'}.`;
      seed = Number(v);
    } else if (flag === '--until') {
      const v = value();
      const ms = v === undefined ? null : parseDuration(v);
      if (ms === null) return `--until needs a duration like 90s, 15m, 1h, 2d; got ${v ?? 'nothing'}.`;
      untilMs = ms;
    } else if (flag === '--help' || flag === '-h') return '';
    else if (flag.startsWith('-')) return `Unknown option ${flag}.`;
    else if (file === undefined) file = flag;
    else return `Unexpected argument ${flag}.`;
  }
  if (file === undefined) return 'Missing SCENARIO.json.';
  return { file, seed, untilMs, json };
}

/** Runs the command; resolves to the exit code. */
export async function runScenarioCommand(argv: string[], io: CommandIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    if (args !== '') io.err(`${args}\n`);
    io.err(`${USAGE}\n`);
    return args === '' ? 0 : 1;
  }
  let text: string;
  try {
    text = await io.readFile(args.file);
  } catch (e) {
    io.err(`Cannot read ${args.file}: ${(e as Error).message}\n`);
    return 1;
  }
  const restored = parseScenarioText(text);
  if (!restored.ok) {
    io.err(`${args.file} is not a valid scenario:\n`);
    for (const e of restored.error) io.err(`  ${e.path || '/'}: ${e.message}${e.allowed ? ` (${e.allowed})` : ''}\n`);
    return 2;
  }
  const scenario: Scenario = restored.value;
  const seed = args.seed ?? scenario.settings.seed;
  const untilMs = args.untilMs ?? scenario.settings.durationMs;
  const sim = createSimulation(scenario, seed, { traceMode: 'hash' });
  for (const w of sim.warnings) io.err(`warning: ${w}\n`);
  sim.runUntil(untilMs);
  const st = sim.stats();
  if (args.json) io.out(`${JSON.stringify(toJson(seed, st))}\n`);
  else io.out(summary(scenario, seed, st));
  if (sim.status === 'budgetExhausted') {
    io.err(`${sim.statusMessage}\n`);
    return 3;
  }
  return 0;
}

function toJson(seed: number, st: SimStats) {
  const l = st.ledger;
  const nodes: Record<string, Record<(typeof NODE_FIELDS)[number], number>> = {};
  for (const [id, n] of Object.entries(st.nodes)) {
    nodes[id] = Object.fromEntries(NODE_FIELDS.map((f) => [f, n[f]])) as Record<(typeof NODE_FIELDS)[number], number>;
  }
  return {
    seed,
    simTimeMs: st.simTimeMs,
    ledger: { published: l.published, copies: l.copies, delivered: l.delivered, inFlight: l.inFlight, waiting: l.waiting, filteredOut: l.filteredOut, inDlq: l.inDlq, expired: l.expired, dropped: l.dropped },
    nodes,
    traceHash: st.traceHash,
  };
}

function summary(scenario: Scenario, seed: number, st: SimStats): string {
  const l = st.ledger;
  const lines: string[] = [];
  lines.push(`${scenario.name}: seed ${seed}, ${formatDuration(st.simTimeMs)} simulated, ${st.eventsProcessed} engine events (${st.status}).`);
  const reasons = Object.entries(st.reasons).map(([r, n]) => `${r} ${n}`).join(', ');
  lines.push(`${l.published} published, ${l.copies} copies: ${l.delivered} delivered, ${l.inFlight} in flight, ${l.waiting} waiting, ${l.filteredOut} filtered out, ${l.inDlq} in DLQ, ${l.expired} expired, ${l.dropped} dropped.`);
  if (reasons) lines.push(`Why: ${reasons}.`);
  const rows = Object.entries(st.nodes).filter(([, n]) => NODE_FIELDS.some((f) => n[f] > 0) || n.sent > 0);
  if (rows.length > 0) {
    const head = ['node', 'sent', ...NODE_FIELDS];
    const table = [head, ...rows.map(([id, n]) => [id, String(n.sent), ...NODE_FIELDS.map((f) => String(n[f]))])];
    const widths = head.map((_, c) => Math.max(...table.map((r) => r[c].length)));
    for (const r of table) lines.push(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  }
  lines.push(`Trace hash: ${st.traceHash} (${st.traceCount} facts).`);
  return `${lines.join('\n')}\n`;
}

/** Parses `90s`, `15m`, `1h`, `2d`, `250ms` or plain milliseconds; null when malformed. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!m) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(m[2] ?? 'ms') as 'ms'];
  return Math.round(Number(m[1]) * unit);
}

/** Formats ms compactly: `1h 30m`, `45s`, `250ms`. */
function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = Math.floor(ms / 1000);
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return parts.join(' ');
}
