// A plain-text rendering of an explanation, for the CLI and logs.

import type { ExplainField, ExplainGroup, ExplainItem, Explanation, FieldVerdict } from './explain';

const VERDICT_TEXT: Record<FieldVerdict, string> = {
  matched: 'matched',
  'absent-as-required': 'absent, as required',
  missing: 'missing from the event',
  'not-a-leaf': 'present, but an object or empty array, not a value',
  'wrong-type': 'present, but of the wrong type',
  'value-mismatch': 'present, but no value satisfies a condition',
  'present-but-must-be-absent': 'present, but must not exist',
};

/** Renders an explanation as indented lines: `✓`/`✗` per field, condition and `$or` branch. */
export function formatExplanation(e: Explanation): string {
  const lines: string[] = [e.matched ? 'match' : 'no-match'];
  group(e.root, 1, lines);
  for (const n of e.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');
const pad = (depth: number) => '  '.repeat(depth);

function group(g: ExplainGroup, depth: number, lines: string[]): void {
  for (const it of g.items) item(it, depth, lines);
}

function item(it: ExplainItem, depth: number, lines: string[]): void {
  if (it.kind === 'field') return field(it, depth, lines);
  const which = it.matchedBranch === null ? 'no branch matched' : `branch ${it.matchedBranch + 1} matched`;
  lines.push(`${pad(depth)}${mark(it.matched)} ${it.path} (${which})`);
  it.branches.forEach((b, i) => {
    lines.push(`${pad(depth + 1)}${mark(b.matched)} branch ${i + 1}`);
    group(b, depth + 2, lines);
  });
}

function field(f: ExplainField, depth: number, lines: string[]): void {
  const where = f.range ? ` (line ${f.range.line}, column ${f.range.column})` : '';
  if (f.overridden) {
    lines.push(`${pad(depth)}- ${f.field}: ignored, a later "${f.field.split('.').pop()}" key replaces it${where}`);
    return;
  }
  const found = f.found.length === 0 ? '' : `; event has ${f.found.slice(0, 5).map((v) => JSON.stringify(v)).join(', ')}${f.found.length > 5 ? ', …' : ''}`;
  lines.push(`${pad(depth)}${mark(f.matched)} ${f.field}: ${VERDICT_TEXT[f.verdict]}${found}${where}`);
  for (const c of f.conditions) {
    const by = c.matched && c.matchedValue !== undefined ? ` (by ${JSON.stringify(c.matchedValue)})` : '';
    lines.push(`${pad(depth + 1)}${mark(c.matched)} ${c.condition}${by}`);
  }
}
