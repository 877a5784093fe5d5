/**
 * An explanation (the worker's verdict per field, condition and `$or` branch) laid onto the
 * pattern text: which key and which value-list element passed or failed, with a hover text,
 * and one short note per line. Pure (offsets and lines); the Monaco adapter draws it.
 */
import type { ConditionVerdict, Explanation, ExplainField, ExplainGroup, ExplainItem } from '../../worker/protocolPatterns';
import { findProp, parseEnginePath, parseJsonTree, propAt, type JNode, type JProp } from '../editor/jsonTree';

/** How a mark is drawn. */
export type Tone = 'pass' | 'fail' | 'muted';

/** One decorated span of the pattern. */
export interface ExplainMark {
  start: number;
  end: number;
  tone: Tone;
  hover: string;
}

/** The verdict of one line: a glyph and a short note at its end. */
export interface LineNote {
  line: number;
  tone: Tone;
  text: string;
}

/** Everything drawn for one explanation. */
export interface ExplainLayout {
  marks: ExplainMark[];
  lines: LineNote[];
}

const VERDICT: Record<ExplainField['verdict'], string> = {
  matched: 'matched',
  'absent-as-required': 'absent, as required',
  missing: 'missing from the event',
  'not-a-leaf': 'an object or empty list in the event, not a value',
  'wrong-type': 'of another type in the event',
  'value-mismatch': 'no value satisfies a condition',
  'present-but-must-be-absent': 'present, but must not exist',
};

const show = (v: unknown) => JSON.stringify(v) ?? 'null';

/** Lays an explanation onto `text` (the pattern it was computed for). */
export function explainLayout(text: string, e: Explanation): ExplainLayout {
  const tree = parseJsonTree(text);
  const lineOf = lineIndex(text);
  const marks: ExplainMark[] = [];
  const notes = new Map<number, { tone: Tone; parts: string[] }>();
  const note = (offset: number, tone: Tone, part: string) => {
    const line = lineOf(offset);
    const n = notes.get(line);
    if (!n) notes.set(line, { tone, parts: [part] });
    else {
      n.parts.push(part);
      if (tone === 'fail' || (tone === 'pass' && n.tone === 'muted')) n.tone = tone;
    }
  };

  const field = (f: ExplainField) => {
    const prop = (f.range ? propAt(tree, f.range.offset) : null) ?? findProp(tree, parseEnginePath(f.path));
    if (!prop) return;
    const tone: Tone = f.overridden ? 'muted' : f.matched ? 'pass' : 'fail';
    const found = f.found.length ? `; the event has ${f.found.slice(0, 5).map(show).join(', ')}${f.found.length > 5 ? ', …' : ''}` : '';
    const head = f.overridden ? `${f.field}: ignored, a later key of the same name replaces it` : `${f.field}: ${VERDICT[f.verdict]}${found}`;
    const conds = f.conditions.map((c) => `${c.matched ? '✓' : '✗'} ${c.condition}${c.matched && c.matchedValue !== undefined ? ` (by ${show(c.matchedValue)})` : ''}`);
    marks.push({ start: prop.keyStart, end: prop.keyEnd, tone, hover: [head, ...conds].join('\n') });
    const by = f.conditions.find((c) => c.matched && c.matchedValue !== undefined);
    note(prop.keyStart, tone, f.overridden ? `${lastKey(f.field)}: ignored` : `${lastKey(f.field)} ${tone === 'pass' ? '✓' : '✗'} ${f.matched ? (by ? `by ${show(by.matchedValue)}` : VERDICT[f.verdict]) : VERDICT[f.verdict]}`);
    if (!f.overridden) conditionMarks(prop, f.conditions, marks);
  };

  const item = (it: ExplainItem) => {
    if (it.kind === 'field') return field(it);
    const prop = findProp(tree, parseEnginePath(it.path));
    const which = it.matchedBranch === null ? 'no branch matched' : `branch ${it.matchedBranch + 1} matched`;
    if (prop) {
      marks.push({ start: prop.keyStart, end: prop.keyEnd, tone: it.matched ? 'pass' : 'fail', hover: `$or: ${which}` });
      note(prop.keyStart, it.matched ? 'pass' : 'fail', `$or ${it.matched ? '✓' : '✗'} ${which}`);
    }
    const branches = prop?.value?.kind === 'array' ? prop.value.items : [];
    it.branches.forEach((b, i) => {
      const node = branches[i];
      if (node) {
        const chosen = it.matchedBranch === i;
        marks.push({ start: node.start, end: node.start + 1, tone: chosen ? 'pass' : b.matched ? 'muted' : 'fail', hover: `$or branch ${i + 1}: ${chosen ? 'matched (the branch that decided)' : b.matched ? 'holds' : 'does not hold'}` });
      }
      group(b);
    });
  };
  const group = (g: ExplainGroup) => g.items.forEach(item);
  group(e.root);

  const lines = [...notes].sort((a, b) => a[0] - b[0]).map(([line, n]) => ({ line, tone: n.tone, text: n.parts.join(' · ') }));
  return { marks, lines };
}

/**
 * Value-list elements against the field's conditions: the conditions follow the elements in
 * order, except `{"exists": false}`, which the engine reports last as "does not exist".
 */
function conditionMarks(prop: JProp, conditions: readonly ConditionVerdict[], marks: ExplainMark[]): void {
  const list = prop.value;
  if (!list || list.kind !== 'array') return;
  const absent = conditions.length > 0 && conditions[conditions.length - 1].condition === 'does not exist' ? conditions[conditions.length - 1] : null;
  let k = 0;
  for (const el of list.items) {
    const c = isExistsFalse(el) ? absent : conditions[k++];
    if (!c) continue;
    marks.push({ start: el.start, end: el.end, tone: c.matched ? 'pass' : 'fail', hover: `${c.matched ? '✓' : '✗'} ${c.condition}${c.matched && c.matchedValue !== undefined ? ` (by ${show(c.matchedValue)})` : ''}` });
  }
}

function isExistsFalse(n: JNode): boolean {
  return n.kind === 'object' && n.props.length === 1 && n.props[0].key === 'exists' && n.props[0].value?.kind === 'scalar' && n.props[0].value.value === false;
}

const lastKey = (field: string) => field.split('.').pop() ?? field;

/** Offset -> 1-based line number, by binary search over line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
