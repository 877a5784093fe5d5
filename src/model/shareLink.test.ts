import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBase64url } from './base64url';
import { createNode, emptyScenario } from './defaults';
import { decodeShareLink, encodeShareLink, minimiseScenario, SHARE_LINK_PREFIX } from './shareLink';
import { scenarioArbitrary } from './testing/arbitraries';
import { build, edge, node } from './testing/fixtures';
import type { Scenario } from './types';

async function roundTrip(s: Scenario): Promise<Scenario> {
  const r = await decodeShareLink(`#${await encodeShareLink(s)}`);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const linkOf = (json: string) => SHARE_LINK_PREFIX + toBase64url(deflateRawSync(Buffer.from(json)));

async function message(hash: string): Promise<string> {
  const r = await decodeShareLink(hash);
  if (r.ok) throw new Error('expected an error');
  return r.error[0].message;
}

/** 30 nodes in 6 chains: bus -> rule -> queue (+ DLQ) -> function, as drawn by hand. */
function thirtyNodes(): Scenario {
  const edits = [];
  for (let c = 0; c < 3; c++) {
    edits.push(node('producer', `producer-${c}`, 0, c * 200), node('eventBus', `bus-${c}`, 250, c * 200), edge(`e-publish-${c}`, `producer-${c}`, `bus-${c}`));
    for (let r = 0; r < 2; r++) {
      const k = c * 2 + r;
      edits.push(
        node('rule', `rule-${k}`, 500, k * 100),
        node('sqsQueue', `queue-${k}`, 750, k * 100, { props: { VisibilityTimeout: 60 } }),
        node('sqsQueue', `dlq-${k}`, 1000, k * 100, { props: { MessageRetentionPeriod: 1209600 } }),
        node('lambdaFunction', `fn-${k}`, 1250, k * 100, { behavior: { failureRate: 0.1 } }),
        edge(`e-rule-${k}`, `bus-${c}`, `rule-${k}`),
        edge(`e-target-${k}`, `rule-${k}`, `queue-${k}`),
        edge(`e-dlq-${k}`, `queue-${k}`, `dlq-${k}`, { maxReceiveCount: 5 }),
        edge(`e-esm-${k}`, `queue-${k}`, `fn-${k}`, { FunctionResponseTypes: ['ReportBatchItemFailures'] }),
      );
    }
  }
  return build(edits);
}

describe('share links', () => {
  it('round-trips a scenario exactly', async () => {
    const s = thirtyNodes();
    expect(await roundTrip(s)).toEqual(s);
  });

  it('keeps a 30-node scenario under 2,000 characters', async () => {
    const s = thirtyNodes();
    expect(s.nodes).toHaveLength(30);
    const link = await encodeShareLink(s);
    expect(link.length).toBeLessThanOrEqual(2000);
    expect(link[0]).toBe(SHARE_LINK_PREFIX);
    expect(link).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('round-trips list-mode producers, stream mappings and references', async () => {
    const s = build([
      node('producer', 'p', 0, 0, { behavior: { mode: 'list', events: [{ Source: 'a.b', DetailType: 'X', Detail: { n: 1 }, atMs: 0 }, { Source: 'com.example.orders', DetailType: 'OrderPlaced', Detail: {}, atMs: 500 }] } }),
      node('kinesisStream', 'k', 250),
      node('lambdaFunction', 'fn', 500),
      node('sqsQueue', 'fail', 750),
      edge('e1', 'p', 'k'),
      edge('e2', 'k', 'fn', { BatchSize: 10, DestinationConfig: { OnFailure: { Destination: 'fail' } } }),
    ]);
    expect(await roundTrip(s)).toEqual(s);
  });

  it('drops defaults and rounds positions', () => {
    const s = build([node('sqsQueue', 'q', 10.4, 20.6, { props: { VisibilityTimeout: 60 } })]);
    expect(minimiseScenario(s)).toEqual({
      format: 'evsim-scenario',
      version: 1,
      nodes: [{ id: 'q', kind: 'sqsQueue', position: { x: 10, y: 21 }, props: { VisibilityTimeout: 60 } }],
    });
  });

  it('round-trips generated scenarios (names with HTML and any Unicode stay text)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (s) => {
        expect(await roundTrip(s)).toEqual(s);
      }),
      { numRuns: 60 },
    );
  });

  it('explains truncated and corrupted links', async () => {
    const link = await encodeShareLink(thirtyNodes());
    expect(await message(link.slice(0, Math.floor(link.length / 2)))).toMatch(/^The link is (incomplete|corrupted)/);
    const flipped = link.slice(0, 40) + (link[40] === 'A' ? 'B' : 'A') + link.slice(41);
    const r = await decodeShareLink(flipped);
    expect(r.ok).toBe(false);
    expect(await message(`${link}***`)).toBe('The link is corrupted: it has characters a share link never has, or was cut off.');
  });

  it('never throws on random input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (tail) => {
        const r = await decodeShareLink(SHARE_LINK_PREFIX + tail);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses oversized links and stops inflating a zip bomb at 5 MB', async () => {
    expect(await message(SHARE_LINK_PREFIX + 'A'.repeat(70000))).toBe('The link is too long (70001 characters; at most 65536).');
    const bomb = linkOf(' '.repeat(30 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(65536);
    expect(await message(bomb)).toBe('The link unpacks to more than 5 MB, more than any scenario may hold.');
  });

  it('refuses unknown versions and empty links', async () => {
    expect(await message('#9abc')).toBe('The link was made by another evsim version (format "9"), which this one can\'t read.');
    expect(await message('#')).toBe('The link holds no scenario.');
  });

  it('restores link content like any untrusted file', async () => {
    expect(await message(linkOf('{"format":"evsim-scenario","version":1,"__proto__":{"x":1}}'))).toMatch(/"__proto__" is not allowed/);
    expect(await message(linkOf('not json'))).toBe('The link is corrupted: it unpacks to text that is not a scenario.');
    const bad = { ...emptyScenario(), nodes: [createNode('sqsQueue', 'q', { x: 0, y: 0 }, { props: { VisibilityTimeout: 99999 } })] };
    expect(await message(linkOf(JSON.stringify(bad)))).toBe('VisibilityTimeout must be at most 43200 seconds (12 hours); got 99999.');
  });
});
