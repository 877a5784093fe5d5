/**
 * Hover help for the pattern editors, as plain data: what an operator does, what an event field
 * holds in the examples, what a template variable or a mapped path stands for. Monaco-free.
 */
import type { EditorContext } from './editorContext';
import { fieldAt } from './fieldCatalog';
import { cursorContext, patternSpot } from './jsonCursor';
import { parseJsonTree, type JNode, type JProp } from './jsonTree';
import { operatorDoc, PREDEFINED_DOCS } from './operatorDocs';

/** Markdown to show over [start, end). */
export interface HoverInfo {
  start: number;
  end: number;
  markdown: string;
}

const json = (v: unknown) => JSON.stringify(v) ?? 'null';

/** The hover at `offset`, if something there has help. */
export function hoverAt(text: string, offset: number, ctx: EditorContext): HoverInfo | null {
  if (ctx.kind === 'template') return templateHover(text, offset, ctx.paths);
  if (ctx.kind === 'event') return null;
  const tree = parseJsonTree(text);
  const hit = keyOrValueAt(tree, offset);
  if (!hit) return null;
  if (ctx.kind === 'pathsMap') {
    const v = hit.prop.value;
    if (hit.on !== 'value' || !v || v.kind !== 'scalar' || typeof v.value !== 'string') return null;
    const steps = v.value.replace(/^\$\.?/, '').split('.').filter(Boolean);
    const info = fieldAt(ctx.catalog, steps);
    const ex = info?.examples.length ? `\n\nIn the examples: ${info.examples.slice(0, 3).map((e) => `\`${json(e)}\``).join(', ')}` : info?.object ? '\n\nAn object in the examples.' : '\n\nNot seen in the examples.';
    return { start: v.start, end: v.end, markdown: `Variable \`<${hit.prop.key}>\` takes \`${v.value}\` of the event.${ex}` };
  }
  if (hit.on !== 'key') return null;
  const op = operatorDoc(hit.prop.key);
  if (op && (!op.modes || op.modes.includes(ctx.mode))) return { start: hit.prop.keyStart, end: hit.prop.keyEnd, markdown: op.doc };
  if (op) return { start: hit.prop.keyStart, end: hit.prop.keyEnd, markdown: `${op.doc}\n\nNot accepted in this filter.` };
  const spot = patternSpot(cursorContext(text, hit.prop.keyStart + 1).frames);
  if (spot.inOperatorObject) return null;
  const path = [...spot.fieldPath, hit.prop.key];
  const info = fieldAt(ctx.catalog, path);
  const lines = [`Event field \`${path.join('.')}\``];
  if (!info) lines.push('Not seen in the example events.');
  else if (info.examples.length) lines.push(`In the examples: ${info.examples.slice(0, 5).map((e) => `\`${json(e)}\``).join(', ')}`);
  else if (info.object) lines.push(`An object with ${info.children.slice(0, 8).map((k) => `\`${k}\``).join(', ')}${info.children.length > 8 ? ', …' : ''}`);
  return { start: hit.prop.keyStart, end: hit.prop.keyEnd, markdown: lines.join('\n\n') };
}

function keyOrValueAt(node: JNode | null, offset: number): { prop: JProp; on: 'key' | 'value' } | null {
  if (!node || node.kind === 'scalar' || offset < node.start || offset > node.end) return null;
  const children = node.kind === 'array' ? node.items.map((v) => ({ v, p: null as JProp | null })) : node.props.map((p) => ({ v: p.value ?? null, p }));
  for (const { v, p } of children) {
    if (p && offset >= p.keyStart && offset < p.keyEnd) return { prop: p, on: 'key' };
    if (p && v && v.kind === 'scalar' && offset >= v.start && offset < v.end) return { prop: p, on: 'value' };
    const deeper = keyOrValueAt(v, offset);
    if (deeper) return deeper;
  }
  return null;
}

function templateHover(text: string, offset: number, paths: Record<string, string>): HoverInfo | null {
  const re = /<([A-Za-z0-9_.-]+)>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (offset < m.index || offset > m.index + m[0].length) continue;
    const name = m[1];
    const doc = PREDEFINED_DOCS[name] ?? (name in paths ? `Replaced by \`${paths[name]}\` of the event.` : 'Not in InputPathsMap and not a predefined variable: PutTargets refuses it.');
    return { start: m.index, end: m.index + m[0].length, markdown: `\`<${name}>\` — ${doc}` };
  }
  return null;
}
