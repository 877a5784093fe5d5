import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPatterns } from './patterns';

const CORPUS = fileURLToPath(new URL('../../../shared/conformance/event-patterns.json', import.meta.url));

/** Runs the command against an in-memory file system; returns exit code and output lines. */
async function run(argv: string[], files: Record<string, string> = {}, now?: () => number) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    out: (s: string) => out.push(...s.split('\n')),
    err: (s: string) => err.push(...s.split('\n')),
    readFile: async (p: string) => {
      if (p in files) return files[p];
      if (p === CORPUS) return readFileSync(CORPUS, 'utf8');
      throw new Error(`ENOENT: no such file, open '${p}'`);
    },
    now,
  };
  const code = await runPatterns(argv, io);
  return { code, out, err };
}

describe('evsim patterns test', () => {
  const files = {
    'p.json': '{"source": ["aws.ec2"], "detail": {"state": [{"anything-but": "pending"}]}}',
    'yes.json': '{"source": "aws.ec2", "detail": {"state": "running"}}',
    'no.json': '{"source": "aws.ec2", "detail": {"state": "pending"}}',
    'bad.json': '{"detail": {"state": "running"}}',
    'attrs.json': '{"store": {"Type": "String", "Value": "x"}}',
    'policy.json': '{"store": ["x"]}',
  };

  it('prints match / no-match with exit 0 / 1', async () => {
    expect(await run(['test', '--pattern', 'p.json', '--event', 'yes.json'], files)).toMatchObject({ code: 0, out: ['match'] });
    expect(await run(['patterns', 'test', '--pattern=p.json', '--event=no.json'], files)).toMatchObject({ code: 1, out: ['no-match'] });
  });

  it("prints AWS's error with exit 2", async () => {
    const r = await run(['test', '--pattern', 'bad.json', '--event', 'yes.json'], files);
    expect(r.code).toBe(2);
    expect(r.out[0]).toBe('Event pattern is not valid. Reason: "state" must be an object or an array');
    expect(r.out[1]).toBe('  "state" must be an object or an array (at detail.state, line 1, column 13)');
  });

  it('explains', async () => {
    const r = await run(['test', '--pattern', 'p.json', '--event', 'no.json', '--explain'], files);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      'no-match',
      '  ✓ source: matched; event has "aws.ec2" (line 1, column 2)',
      '    ✓ equals "aws.ec2" (by "aws.ec2")',
      '  ✗ detail.state: present, but no value satisfies a condition; event has "pending" (line 1, column 36)',
      '    ✗ is anything but "pending"',
    ]);
  });

  it('tests SNS filter policies', async () => {
    expect((await run(['test', '--pattern', 'policy.json', '--event', 'attrs.json', '--mode', 'sns-attributes'], files)).out).toEqual(['match']);
  });

  it('rejects bad usage and unreadable files with exit 2', async () => {
    expect((await run(['test', '--pattern', 'p.json'], files)).code).toBe(2);
    expect((await run(['test', '--pattern', 'p.json', '--event', 'missing.json'], files)).code).toBe(2);
    expect((await run(['test', '--pattern', 'p.json', '--event', 'p.json', '--mode', 'x'], files)).code).toBe(2);
    expect((await run(['frobnicate'], files)).code).toBe(2);
    expect((await run(['test', '--bogus'], files)).code).toBe(2);
  });
});

describe('evsim patterns conformance', () => {
  it('passes the whole shared corpus', async () => {
    const r = await run(['conformance', CORPUS]);
    expect(r.out).toEqual(['275 passed, 0 failed']);
    expect(r.code).toBe(0);
  });

  it('lists failing cases and exits 1', async () => {
    const cases = JSON.stringify([
      { id: 'ok', pattern: { a: ['x'] }, event: { a: 'x' }, expect: 'match' },
      { id: 'wrong', pattern: { a: ['x'] }, event: { a: 'y' }, expect: 'match' },
      { id: 'invalid', pattern: '{"a": 1}', event: {}, expect: 'no-match' },
    ]);
    const r = await run(['conformance', 'cases.json'], { 'cases.json': cases });
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['wrong: expected match, got no-match', 'invalid: expected no-match, got invalid-pattern ("a" must be an object or an array)', '1 passed, 2 failed']);
  });

  it('refuses a malformed case file', async () => {
    expect((await run(['conformance', 'x.json'], { 'x.json': '{"not": "cases"}' })).code).toBe(2);
  });
});

describe('evsim patterns bench', () => {
  const files = {
    'rules.json': JSON.stringify([{ a: ['x'] }, { a: [{ prefix: 'x' }] }, '{"b": [{"numeric": [">", 1]}]}']),
    'events.ndjson': ['{"a": "x"}', '{"a": "xy", "b": 2}', '', '{"b": 0}'].join('\n'),
  };

  it('prints matched_per_pass and events_per_s, from text or from objects', async () => {
    let t = 0;
    const clock = () => (t += 100); // every reading advances 100 ms
    for (const extra of [[], ['--objects']]) {
      const r = await run(['bench', '--rules', 'rules.json', '--events', 'events.ndjson', '--seconds', '1', ...extra], files, clock);
      expect(r.code).toBe(0);
      expect(r.out[0]).toBe('matched_per_pass: 4');
      expect(r.out[1]).toMatch(/^events_per_s: \d+$/);
    }
  });

  it('reports invalid rules', async () => {
    const r = await run(['bench', '--rules', 'r.json', '--events', 'events.ndjson'], { ...files, 'r.json': '[{"a": "x"}]' });
    expect(r.code).toBe(2);
    expect(r.out[0]).toBe('rule 0: Event pattern is not valid. Reason: "a" must be an object or an array');
  });
});
