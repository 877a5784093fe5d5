/**
 * A scenario in a URL hash: a version character, then the minimised JSON, deflate-raw
 * compressed (CompressionStream), base64url. Minimising drops every value restore rebuilds
 * (schema defaults, names equal to the id) and rounds positions to whole pixels; decoding
 * goes through `restoreScenario`, so a link is as untrusted as any file.
 */
import { fromBase64url, toBase64url } from './base64url';
import { scenarioError, type ScenarioError } from './errors';
import { parseJson } from './jsonText';
import { platform, type ByteTransform } from './platform';
import { restoreScenario } from './restoreScenario';
import { stripScenarioDefaults } from './scenarioDefaults';
import { LIMITS } from './scenarioSchema';
import type { Scenario } from './types';
import { err, ok, type Result } from '../shared/result';

/** First character of a link made by this codec (deflate-raw + base64url of minimised JSON). */
export const SHARE_LINK_PREFIX = '1';
/** Longest hash accepted, in characters. */
export const MAX_SHARE_LINK_CHARS = 64 * 1024;
/** Above this many characters chat apps may cut a link: offer a file instead. */
export const SHARE_LINK_WARN_CHARS = 8000;

type Decoded = Result<Scenario, ScenarioError[]>;
const fail = (message: string, allowed?: string): Decoded => err([scenarioError('', message, allowed)]);

/** The scenario as share-link JSON: defaults dropped, positions rounded. */
export function minimiseScenario(s: Scenario): Record<string, unknown> {
  const rounded = { ...s, nodes: s.nodes.map((n) => ({ ...n, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } })) };
  return stripScenarioDefaults(rounded as unknown as Record<string, unknown>);
}

/** Runs bytes through a (de)compression stream, stopping once the output exceeds `limit`. */
async function pump(t: ByteTransform, input: Uint8Array, limit: number): Promise<Result<Uint8Array, 'tooLarge' | 'truncated' | 'corrupted'>> {
  const writer = t.writable.getWriter();
  const reader = t.readable.getReader();
  // Read while writing: a stream's buffers are small, so awaiting the write first could stall.
  const writing = writer.write(input).then(() => writer.close()).catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value!.length;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return err('tooLarge');
      }
      chunks.push(value!);
    }
  } catch (e) {
    return err(/end|truncat/i.test(e instanceof Error ? e.message : String(e)) ? 'truncated' : 'corrupted');
  }
  await writing;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return ok(out);
}

/** The hash fragment (without `#`) holding `s`. */
export async function encodeShareLink(s: Scenario): Promise<string> {
  const p = platform();
  if (!p) throw new Error('This browser has no CompressionStream: share links need a current browser.');
  const json = JSON.stringify(minimiseScenario(s));
  const deflated = await pump(new p.CompressionStream('deflate-raw'), new p.TextEncoder().encode(json), Number.POSITIVE_INFINITY);
  if (!deflated.ok) throw new Error('Compression failed.');
  return SHARE_LINK_PREFIX + toBase64url(deflated.value);
}

/**
 * The scenario in a share-link hash (with or without `#`), restored like any untrusted file.
 * Truncated, corrupted, oversized (hash over 64 KB, JSON over 5 MB: inflation stops there)
 * and unknown-version links get a sentence saying which.
 */
export async function decodeShareLink(hash: string): Promise<Decoded> {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === '') return fail('The link holds no scenario.');
  if (h.length > MAX_SHARE_LINK_CHARS) return fail(`The link is too long (${h.length} characters; at most ${MAX_SHARE_LINK_CHARS}).`, 'share large scenarios as a file');
  if (h[0] !== SHARE_LINK_PREFIX) return fail(`The link was made by another evsim version (format "${h[0]}"), which this one can't read.`, `a link starting with "${SHARE_LINK_PREFIX}"`);
  const p = platform();
  if (!p) return fail('This browser has no DecompressionStream: opening share links needs a current browser.');
  const bytes = fromBase64url(h.slice(1));
  if (!bytes || bytes.length === 0) return fail('The link is corrupted: it has characters a share link never has, or was cut off.', 'copy the whole link again');
  const inflated = await pump(new p.DecompressionStream('deflate-raw'), bytes, LIMITS.maxTotalBytes);
  if (!inflated.ok) {
    if (inflated.error === 'tooLarge') return fail(`The link unpacks to more than ${LIMITS.maxTotalBytes / 1048576} MB, more than any scenario may hold.`);
    if (inflated.error === 'truncated') return fail('The link is incomplete: its data ends early. It may have been cut off when copied.', 'copy the whole link again');
    return fail('The link is corrupted: its compressed data is damaged.', 'copy the whole link again');
  }
  let text: string;
  try {
    text = new p.TextDecoder('utf-8', { fatal: true }).decode(inflated.value);
  } catch {
    return fail('The link is corrupted: it unpacks to something that is not text.', 'copy the whole link again');
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return fail('The link is corrupted: it unpacks to text that is not a scenario.', 'copy the whole link again');
  return restoreScenario(parsed.value);
}
