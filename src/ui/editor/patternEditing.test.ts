import { describe, expect, it } from 'vitest';
import { buildFieldCatalog, fieldAt, jsonPaths } from './fieldCatalog';
import { cursorContext, patternSpot } from './jsonCursor';
import { findProp, parseEnginePath, parseJsonTree, propAt } from './jsonTree';
import { suggest } from './patternCompletion';
import { hoverAt } from './patternHover';

const EVENT = { source: 'com.example.shop', 'detail-type': 'OrderPlaced', detail: { orderId: 'o-1', amount: 5, items: [{ sku: 'a' }, { sku: 'b', qty: 2 }] } };
const catalog = buildFieldCatalog([{ source: 'producer web-shop', value: EVENT }]);
const at = (text: string) => ({ text: text.replace('|', ''), offset: text.indexOf('|') });
const labels = (text: string, mode: 'eventbridge' | 'sns-attributes' | 'sns-body' = 'eventbridge') => {
  const t = at(text);
  return suggest(t.text, t.offset, { kind: 'pattern', mode, catalog }).map((s) => s.label);
};

describe('parseJsonTree', () => {
  it('keeps spans of keys and values, and reads half-typed text', () => {
    const text = '{"a": [1, {"prefix": "x"}], "b": {"c": ';
    const tree = parseJsonTree(text)!;
    const a = findProp(tree, ['a'])!;
    expect(text.slice(a.keyStart, a.keyEnd)).toBe('"a"');
    expect(a.value?.kind === 'array' && a.value.items.map((i) => text.slice(i.start, i.end))).toEqual(['1', '{"prefix": "x"}']);
    expect(findProp(tree, ['b', 'c'])?.value).toBeUndefined();
    expect(propAt(tree, text.indexOf('"prefix"'))?.key).toBe('prefix');
    expect(parseJsonTree('')).toBeNull();
    expect(() => parseJsonTree('['.repeat(100000))).not.toThrow();
  });

  it('reads the engine paths, quoted keys and $or included', () => {
    expect(parseEnginePath('detail.$or[1]["b.c"]')).toEqual(['detail', '$or', 1, 'b.c']);
    expect(parseEnginePath('a[0].numeric["1"]')).toEqual(['a', 0, 'numeric', '1']);
    const tree = parseJsonTree('{"d": {"$or": [{"x": [1]}, {"b.c": [2]}]}}');
    expect(findProp(tree, parseEnginePath('d.$or[1]["b.c"]'))?.key).toBe('b.c');
  });
});

describe('cursorContext and patternSpot', () => {
  it('tells keys from values and finds the field path', () => {
    const key = at('{"detail": {"am|');
    const c = cursorContext(key.text, key.offset);
    expect([c.where, c.prefix, c.quoted]).toEqual(['key', 'am', true]);
    expect(patternSpot(c.frames)).toMatchObject({ fieldPath: ['detail'], inValueList: false });
    const val = at('{"detail": {"state": ["run|"]}}');
    const v = cursorContext(val.text, val.offset);
    expect(v.where).toBe('value');
    expect(v.replaceEnd).toBe(val.text.indexOf('"]') + 1);
    expect(patternSpot(v.frames)).toMatchObject({ fieldPath: ['detail', 'state'], inValueList: true, inOperatorObject: false });
    const op = at('{"a": [{"anything-but": {"|"}}]}');
    expect(patternSpot(cursorContext(op.text, op.offset).frames)).toMatchObject({ fieldPath: ['a'], inOperatorObject: true, operator: 'anything-but' });
    const or = at('{"$or": [{"|"}]}');
    expect(patternSpot(cursorContext(or.text, or.offset).frames)).toMatchObject({ fieldPath: [], inValueList: false });
  });
});

describe('completion', () => {
  it('offers the event fields where fields go, with $or, from the examples', () => {
    expect(labels('{"|"}')).toEqual(['source', 'detail-type', 'detail', '$or']);
    expect(labels('{"detail": {"|"}}')).toEqual(['orderId', 'amount', 'items', '$or']);
    expect(labels('{"detail": {"items": {"|"}}}')).toEqual(['sku', 'qty', '$or']);
    expect(labels('{"source": ["x"], "|"}')).not.toContain('source');
  });

  it('offers the operators inside a value list, by mode', () => {
    expect(labels('{"source": [{"|"}]}')).toEqual(['prefix', 'suffix', 'anything-but', 'numeric', 'exists', 'equals-ignore-case', 'wildcard', 'cidr']);
    expect(labels('{"a": [{"|"}]}', 'sns-attributes')).not.toContain('wildcard');
    expect(labels('{"a": [{"anything-but": {"|"}}]}')).toEqual(['prefix', 'suffix', 'equals-ignore-case', 'wildcard']);
    expect(labels('{"a": [{"prefix": {"|"}}]}')).toEqual(['equals-ignore-case']);
  });

  it('offers example values and operator objects in a value list', () => {
    const l = labels('{"detail": {"amount": [|]}}');
    expect(l[0]).toBe('5');
    expect(l).toContain('{"numeric": …}');
    expect(labels('{"source": ["|"]}')).toEqual(['"com.example.shop"']);
  });

  it('replaces the typed token, quote included', () => {
    const t = at('{"sou|"}');
    const s = suggest(t.text, t.offset, { kind: 'pattern', mode: 'eventbridge', catalog }).find((x) => x.label === 'source')!;
    expect([s.replaceStart, s.replaceEnd, s.insert, s.filterText]).toEqual([1, 6, '"source": [$1]', '"source"']);
  });

  it('completes JSON paths in an InputPathsMap and variables in an InputTemplate', () => {
    const p = at('{"order": "|"}');
    const paths = suggest(p.text, p.offset, { kind: 'pathsMap', catalog }).map((s) => s.label);
    expect(paths).toEqual(expect.arrayContaining(['$.source', '$.detail.orderId', '$.detail.items.sku']));
    const k = at('{"|"}');
    expect(suggest(k.text, k.offset, { kind: 'pathsMap', catalog }).map((s) => s.label)).toContain('orderId → $.detail.orderId');
    const t = at('"Order <|>"');
    const vars = suggest(t.text, t.offset, { kind: 'template', paths: { order: '$.detail.orderId' }, catalog });
    expect(vars.map((v) => v.label)).toEqual(['order', 'aws.events.rule-arn', 'aws.events.rule-name', 'aws.events.event.ingestion-time', 'aws.events.event', 'aws.events.event.json']);
    expect(vars[0]).toMatchObject({ insert: 'order>', replaceStart: 8, replaceEnd: 9 });
    expect(suggest('"no placeholder"', 5, { kind: 'template', paths: {}, catalog })).toEqual([]);
  });
});

describe('hover', () => {
  it('explains operators, fields, variables and paths', () => {
    const text = '{"detail": {"amount": [{"numeric": [">", 1]}]}}';
    expect(hoverAt(text, text.indexOf('numeric') + 1, { kind: 'pattern', mode: 'eventbridge', catalog })?.markdown).toMatch(/^\*\*numeric\*\*/);
    expect(hoverAt(text, text.indexOf('amount') + 1, { kind: 'pattern', mode: 'eventbridge', catalog })?.markdown).toContain('In the examples: `5`');
    const w = '{"a": [{"wildcard": "*"}]}';
    expect(hoverAt(w, w.indexOf('wildcard'), { kind: 'pattern', mode: 'sns-body', catalog })?.markdown).toContain('Not accepted in this filter.');
    expect(hoverAt('"<x> <aws.events.rule-name>"', 2, { kind: 'template', paths: { x: '$.id' }, catalog })?.markdown).toContain('Replaced by `$.id`');
    expect(hoverAt('"<y>"', 2, { kind: 'template', paths: {}, catalog })?.markdown).toContain('PutTargets refuses it');
    const m = '{"o": "$.detail.orderId"}';
    expect(hoverAt(m, m.indexOf('$.detail'), { kind: 'pathsMap', catalog })?.markdown).toContain('`"o-1"`');
  });
});

describe('fieldCatalog', () => {
  it('walks lists transparently and keeps a few examples', () => {
    expect(fieldAt(catalog, ['detail', 'items'])?.children).toEqual(['sku', 'qty']);
    expect(fieldAt(catalog, ['detail', 'items', 'sku'])?.examples).toEqual(['a', 'b']);
    expect(jsonPaths(catalog).map((p) => p.path)).toContain('$.detail-type');
  });
});
