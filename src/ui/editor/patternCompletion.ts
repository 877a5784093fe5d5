/**
 * Completion for the pattern editors, as plain data (Monaco-free, so it is unit-tested):
 * operator names where operators go, event field names where fields go (from the example
 * events of the catalogue), example values in value lists, JSON paths in an InputPathsMap and
 * variables in an InputTemplate.
 */
import type { PatternMode } from '../../worker/protocolPatterns';
import type { EditorContext } from './editorContext';
import { fieldAt, jsonPaths, type FieldCatalog } from './fieldCatalog';
import { cursorContext, patternSpot } from './jsonCursor';
import { NESTED, operatorDoc, operatorsFor, OR_DOC, PREDEFINED_DOCS } from './operatorDocs';

/** One suggestion; offsets [replaceStart, replaceEnd) are replaced by `insert`. */
export interface Suggestion {
  label: string;
  insert: string;
  snippet: boolean;
  kind: 'operator' | 'field' | 'value' | 'path' | 'variable';
  detail?: string;
  doc?: string;
  filterText?: string;
  replaceStart: number;
  replaceEnd: number;
}

const MAX = 200;
const json = (v: unknown) => JSON.stringify(v) ?? 'null';

/** Suggestions at `offset` of `text` for an editor of context `ctx`. */
export function suggest(text: string, offset: number, ctx: EditorContext): Suggestion[] {
  switch (ctx.kind) {
    case 'pattern':
      return patternSuggestions(text, offset, ctx.mode, ctx.catalog).slice(0, MAX);
    case 'pathsMap':
      return pathSuggestions(text, offset, ctx.catalog).slice(0, MAX);
    case 'template':
      return variableSuggestions(text, offset, ctx.paths);
    default:
      return [];
  }
}

function patternSuggestions(text: string, offset: number, mode: PatternMode, catalog: FieldCatalog): Suggestion[] {
  const c = cursorContext(text, offset);
  const at = { replaceStart: c.replaceStart, replaceEnd: c.replaceEnd };
  const quotedFilter = (name: string) => (c.quoted ? `"${name}"` : name);
  const spot = patternSpot(c.frames);
  if (c.where === 'key') {
    if (spot.inOperatorObject) {
      const names = spot.operator && NESTED[spot.operator] ? NESTED[spot.operator] : operatorsFor(mode).map((o) => o.name);
      return names
        .map((n) => operatorDoc(n)!)
        .filter((o) => o && (!o.modes || o.modes.includes(mode)))
        .map((o) => ({ label: o.name, insert: o.keySnippet, snippet: true, kind: 'operator' as const, detail: o.detail, doc: o.doc, filterText: quotedFilter(o.name), ...at }));
    }
    if (spot.inValueList) return [];
    const info = fieldAt(catalog, spot.fieldPath);
    const existing = new Set(c.frames[c.frames.length - 1]?.keys ?? []);
    const fields: Suggestion[] = (info?.children ?? [])
      .filter((k) => !existing.has(k))
      .map((k) => {
        const child = fieldAt(catalog, [...spot.fieldPath, k]);
        const nested = child?.object === true;
        const examples = child?.examples.slice(0, 3).map(json).join(', ');
        return {
          label: k,
          insert: nested ? `${json(k)}: {$1}` : `${json(k)}: [$1]`,
          snippet: true,
          kind: 'field' as const,
          detail: nested ? 'object' : examples ? `e.g. ${examples}` : 'field',
          doc: `Event field \`${[...spot.fieldPath, k].join('.')}\`${child?.sources.length ? ` (seen in ${child.sources.join(', ')})` : ''}.`,
          filterText: quotedFilter(k),
          ...at,
        };
      });
    if (mode !== 'sns-attributes' || spot.fieldPath.length === 0) {
      fields.push({ label: OR_DOC.name, insert: OR_DOC.keySnippet, snippet: true, kind: 'operator', detail: OR_DOC.detail, doc: OR_DOC.doc, filterText: quotedFilter('$or'), ...at });
    }
    return fields;
  }
  if (c.where !== 'value') return [];
  if (spot.inOperatorObject) return [];
  if (!spot.inValueList) {
    const info = fieldAt(catalog, spot.fieldPath);
    return [
      { label: '[ values ]', insert: '[$1]', snippet: true, kind: 'value', detail: 'a list of values or operators', filterText: '[', ...at },
      ...(info?.object || mode !== 'sns-attributes' ? [{ label: '{ nested fields }', insert: '{$1}', snippet: true, kind: 'value' as const, detail: 'fields inside this one', filterText: '{', ...at }] : []),
    ];
  }
  const info = fieldAt(catalog, spot.fieldPath);
  const values: Suggestion[] = (info?.examples ?? []).map((v) => ({ label: json(v), insert: json(v), snippet: false, kind: 'value' as const, detail: `seen in ${info?.sources.join(', ') || 'an example'}`, filterText: json(v), ...at }));
  if (c.quoted) return values;
  const ops: Suggestion[] = operatorsFor(mode).map((o) => ({ label: `{"${o.name}": …}`, insert: o.valueSnippet, snippet: true, kind: 'operator' as const, detail: o.detail, doc: o.doc, filterText: o.name, ...at }));
  return [...values, ...ops];
}

function pathSuggestions(text: string, offset: number, catalog: FieldCatalog): Suggestion[] {
  const c = cursorContext(text, offset);
  const at = { replaceStart: c.replaceStart, replaceEnd: c.replaceEnd };
  const paths = jsonPaths(catalog).filter((p) => p.path !== '$');
  if (c.where === 'value' && c.frames.length === 1) {
    return paths.map((p) => ({
      label: p.path,
      insert: json(p.path),
      snippet: false,
      kind: 'path' as const,
      detail: p.object ? 'object' : p.example === undefined ? '' : `e.g. ${json(p.example)}`,
      filterText: c.quoted ? json(p.path) : p.path,
      ...at,
    }));
  }
  if (c.where === 'key' && c.frames.length === 1) {
    // Offer a variable per leaf, named after its last key, already mapped to its path.
    const taken = new Set(c.frames[0].keys);
    return paths
      .filter((p) => !p.object)
      .map((p) => ({ name: p.path.split('.').pop()!, path: p.path, example: p.example }))
      .filter((p) => !taken.has(p.name))
      .map((p) => ({ label: `${p.name} → ${p.path}`, insert: `${json(p.name)}: ${json(p.path)}`, snippet: false, kind: 'variable' as const, detail: p.example === undefined ? '' : `e.g. ${json(p.example)}`, filterText: c.quoted ? json(p.name) : p.name, ...at }));
  }
  return [];
}

function variableSuggestions(text: string, offset: number, paths: Record<string, string>): Suggestion[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const m = /<([A-Za-z0-9_.-]*)$/.exec(text.slice(lineStart, offset));
  if (!m) return [];
  const replaceStart = offset - m[1].length;
  const closes = text[offset] === '>';
  const replaceEnd = closes ? offset + 1 : offset;
  const vars = [
    ...Object.entries(paths).map(([name, path]) => ({ name, detail: String(path), doc: `InputPathsMap variable: \`${String(path)}\` of the event.` })),
    ...Object.entries(PREDEFINED_DOCS).map(([name, doc]) => ({ name, detail: 'predefined', doc })),
  ];
  return vars.map((v) => ({ label: v.name, insert: `${v.name}>`, snippet: false, kind: 'variable' as const, detail: v.detail, doc: v.doc, replaceStart, replaceEnd }));
}
