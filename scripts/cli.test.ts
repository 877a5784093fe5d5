// The CLI as a user runs it: `npm run --silent evsim -- …`, through tsx, with no build step.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const evsim = (...args: string[]) => spawnSync('npm', ['run', '--silent', 'evsim', '--', ...args], { encoding: 'utf8' });

describe('npm run evsim', () => {
  it('--help lists every command', () => {
    const r = evsim('--help');
    expect(r.status).toBe(0);
    for (const cmd of ['validate', 'run', 'patterns']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
  });

  it('an unknown command fails with the usage', () => {
    const r = evsim('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown command 'frobnicate'");
  });

  it('run --json prints one object whose ledger balances', () => {
    const r = evsim('run', 'public/examples/order-flow.json', '--seed', '7', '--until', '15m', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const l = out.ledger;
    expect(out.seed).toBe(7);
    expect(out.simTimeMs).toBe(900_000);
    expect(l.copies).toBe(l.delivered + l.inFlight + l.waiting + l.filteredOut + l.inDlq + l.expired + l.dropped);
    expect(out.traceHash).toMatch(/^[0-9a-f]+$/);
  });
});
