import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCases, runCase } from './conformance';

// CI checks the repository out somewhere else with shared/ beside it, so resolve from the repo root.
const CORPUS = fileURLToPath(new URL('../../../../shared/conformance/event-patterns.json', import.meta.url));

const loaded = readCases(JSON.parse(readFileSync(CORPUS, 'utf8')));
if (!loaded.ok) throw new Error(loaded.message);
const cases = loaded.cases;

describe('AWS-validated conformance corpus', () => {
  it('holds the 275 cases', () => {
    expect(cases.length).toBe(275);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const r = runCase(c);
    expect({ id: r.id, got: r.got, detail: r.passed ? undefined : r.detail }).toEqual({ id: c.id, got: c.expect, detail: undefined });
  });

  it('words invalid-pattern errors like AWS', () => {
    const withReason = (JSON.parse(readFileSync(CORPUS, 'utf8')) as { id: string; awsReason?: string }[]).filter((c) => c.awsReason);
    const wrong = withReason
      .map((c) => ({ id: c.id, want: c.awsReason, got: runCase(cases.find((x) => x.id === c.id)!).detail }))
      .filter((r) => r.got !== r.want);
    expect(withReason.length).toBe(42);
    expect(wrong).toEqual([]);
  });
});
