import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runValidate } from './validate';

function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
      readFile: async (p: string) => {
        if (p in files) return files[p];
        return readFile(p, 'utf8');
      },
    },
  };
}

describe('evsim validate', () => {
  it('accepts the default example', async () => {
    const { io, out } = fakeIo({});
    expect(await runValidate(['public/examples/order-flow.json'], io)).toBe(0);
    expect(out[0]).toMatch(/valid scenario/);
  });

  it('names the path and the bound of an out-of-range value', async () => {
    const doc = JSON.parse(await readFile('public/examples/order-flow.json', 'utf8'));
    const q = doc.nodes.findIndex((n: { kind: string }) => n.kind === 'sqsQueue');
    doc.nodes[q].props.VisibilityTimeout = 50000;
    const { io, err } = fakeIo({ 'bad.json': JSON.stringify(doc) });
    expect(await runValidate(['bad.json'], io)).toBe(2);
    expect(err.join('\n')).toContain(`/nodes/${q}/props/VisibilityTimeout`);
    expect(err.join('\n')).toMatch(/43200/);
  });

  it('reports malformed JSON with a position', async () => {
    const { io, err } = fakeIo({ 'broken.json': '{"nodes": [' });
    expect(await runValidate(['broken.json'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/line|position|column/i);
  });
});
