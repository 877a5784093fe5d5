import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseExampleIndex } from './ExamplesMenu';

describe('parseExampleIndex', () => {
  it('lists the shipped examples', () => {
    const entries = parseExampleIndex(JSON.parse(readFileSync('public/examples/index.json', 'utf8')));
    expect(entries.map((e) => e.file)).toContain('order-flow.json');
    expect(entries.every((e) => e.title)).toBe(true);
  });
  it('never follows an entry outside examples/', () => {
    expect(parseExampleIndex([{ file: '../secret.json', title: 'x' }, { file: 'https://evil/x.json' }, { file: 'ok.json', title: 'OK' }])).toEqual([{ file: 'ok.json', title: 'OK', description: undefined }]);
    expect(parseExampleIndex('junk')).toEqual([]);
  });
});
