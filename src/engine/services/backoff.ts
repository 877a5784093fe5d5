/**
 * Retry delays. Every curve here is a simulator decision where AWS publishes none; the
 * constants are exported so the UI can show them and tests can pin them.
 */
import type { Rng } from '../kernel/rng';

/**
 * EventBridge target retries. [U] AWS documents only "exponential backoff with jitter" and
 * the 185 retries / 24 h defaults. [D] (aws-semantics 1.5): delay = full jitter over
 * min(cap, base * 2^(n-1)) with base 1 s and cap 8 min. With full jitter the plateau averages
 * 4 min, so the default 185 retries end after about 12.5 h, before the 24 h age limit.
 */
export const EVENTBRIDGE_BACKOFF = { baseMs: 1000, capMs: 480_000 } as const;

/** Delay before EventBridge retry number `retry` (1 = first retry), full jitter. */
export function eventBridgeRetryDelay(retry: number, rng: Rng): number {
  const window = Math.min(EVENTBRIDGE_BACKOFF.capMs, EVENTBRIDGE_BACKOFF.baseMs * 2 ** Math.min(30, retry - 1));
  // At least 1 ms, so a retry never lands in the same instant as the failure.
  return Math.max(1, Math.floor(rng.next() * window));
}

/**
 * Lambda async function-error retries: "about 1 minute" before the 2nd attempt and "about
 * 2 minutes" before the 3rd (aws-semantics 5.2). [D] exactly 60 s and 120 s, no jitter, so
 * traces read cleanly ("attempt 2 at 1 min").
 */
export const LAMBDA_ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;

/** Delay before async attempt `attempts + 1`, after `attempts` failed ones. */
export function lambdaAsyncRetryDelay(attempts: number): number {
  return LAMBDA_ASYNC_RETRY_DELAYS_MS[Math.min(attempts, 2) - 1] ?? 120_000;
}

/**
 * Lambda async throttle retries: exponential from 1 s up to 5 min (aws-semantics 5.2), until
 * the maximum event age. [D] full jitter over that window.
 */
export const LAMBDA_THROTTLE_BACKOFF = { baseMs: 1000, capMs: 300_000 } as const;

/** Delay after the `n`-th throttle (1-based) of one async event. */
export function lambdaThrottleDelay(n: number, rng: Rng): number {
  const window = Math.min(LAMBDA_THROTTLE_BACKOFF.capMs, LAMBDA_THROTTLE_BACKOFF.baseMs * 2 ** Math.min(30, n - 1));
  return Math.max(1, Math.floor(rng.next() * window));
}
