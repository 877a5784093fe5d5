/**
 * The pattern editor's own worker: the same simulation worker script, in a second instance
 * started on first use, so checking and testing patterns never waits behind a running
 * simulation, and a pattern that hangs a worker cannot stop the simulation. A request that gets
 * no answer in time ends that worker; the next request starts a fresh one.
 */
import { PROTOCOL_VERSION, type FromWorker } from '../../worker/protocol';
import type { PatternReply, PatternRequest } from '../../worker/protocolPatterns';
import { SimulationClient } from '../../worker/simulationClient';

/** A pattern request without its requestId. */
export type PatternCall = PatternRequest extends infer M ? (M extends { requestId: number } ? Omit<M, 'requestId'> : never) : never;

/** A reply, or why there is none. */
export type PatternAnswer = PatternReply | { type: 'error'; message: string };

/** How long a request may take before its worker is replaced (ms). */
export const PATTERN_TIMEOUT_MS = 8000;

let client: SimulationClient | null = null;
let ready: Promise<boolean> | null = null;

function connect(): Promise<boolean> {
  if (client && ready) return ready;
  try {
    const c = new SimulationClient();
    client = c;
    ready = c.request({ type: 'hello', protocolVersion: PROTOCOL_VERSION }).then((r) => r.type === 'ready');
  } catch {
    client = null;
    ready = Promise.resolve(false);
  }
  return ready;
}

function restart(): void {
  try {
    client?.terminate();
  } catch {
    // already gone
  }
  client = null;
  ready = null;
}

/** Sends a pattern request; never rejects. */
export async function patternRequest(req: PatternCall, timeoutMs = PATTERN_TIMEOUT_MS): Promise<PatternAnswer> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<PatternAnswer>((resolve) => {
    timer = setTimeout(() => {
      restart();
      resolve({ type: 'error', message: `The pattern worker did not answer within ${Math.round(timeoutMs / 1000)} s, so it was restarted.` });
    }, timeoutMs);
  });
  const work = (async (): Promise<PatternAnswer> => {
    const ok = await connect();
    if (!ok || !client) return { type: 'error', message: 'The pattern worker could not start in this browser.' };
    const reply: FromWorker = await client.request(req);
    if (reply.type === 'error') return { type: 'error', message: reply.message };
    return reply as PatternReply;
  })();
  try {
    return await Promise.race([work, timeout]);
  } catch (e) {
    return { type: 'error', message: `The pattern worker failed: ${(e as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}

/** Stops the pattern worker (tests, page teardown). */
export function stopPatternWorker(): void {
  restart();
}
