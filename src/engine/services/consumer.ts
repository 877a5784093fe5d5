/**
 * Consumer behaviour of a Lambda function (the node's `behavior`): decides at the start of a
 * run how it ends (latency, timeout, failure rate, failWhen, malformed batch response) and,
 * when it ends, which side effects ran. Side effects are counted per processing key, so
 * duplicate processing shows up, and idempotency (Powertools-style) can suppress it.
 */
import type { Sim } from '../kernel/sim';
import { C } from '../kernel/sim';
import { RS, TK } from '../trace';
import { ITEM, OUTCOME, type Invocation } from './invocation';
import type { Key } from './keyStore';
import { drawLatency, type LambdaRt } from './lambdaFunction';

/** How the run's records are handled on failure. */
export interface PlanOptions {
  /** ReportBatchItemFailures: records fail one by one; otherwise the first failure throws. */
  perItem: boolean;
  /** FIFO source: after a failed record every later record is reported too, unprocessed. */
  fifo: boolean;
}

/** What the handler sees of a record: JSON text bodies are parsed, like a handler would. */
function view(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Processing key of a record body: the value at the key path, else the published event. */
function keyOf(fn: LambdaRt, body: unknown, root: number): Key {
  // Without idempotency the published event is the identity (cheap, numeric); with it, the
  // key path decides, as in Powertools.
  if (!fn.idempotent || fn.keyPath === null) return root;
  const v = fn.keyPath(body);
  return v === undefined ? root : JSON.stringify(v);
}

/** Decides the run's duration and outcome, and each record's fate. */
export function planRun(sim: Sim, fn: LambdaRt, inv: Invocation, opts: PlanOptions): void {
  const rng = fn.outcomeRng;
  const duration = drawLatency(fn, rng);
  if (rng.chance(fn.timeoutRate) || duration > fn.timeoutMs) {
    // [D] A timed-out run is charged its full Timeout and no record's side effect counts.
    inv.outcome = OUTCOME.timeout;
    inv.durationMs = fn.timeoutMs;
    for (let i = 0; i < inv.n; i++) inv.items[i] = ITEM.notRun;
    return;
  }
  inv.durationMs = duration;
  let failed = false;
  const doneHere = fn.idempotent && inv.n > 1 ? new Set<Key>() : null;
  // Bodies are read only when the behaviour looks at them (some are built lazily).
  const readsBody = fn.failWhen !== null || (fn.idempotent && fn.keyPath !== null);
  for (let i = 0; i < inv.n; i++) {
    const u = sim.ledger.units[inv.slots[i]];
    const body = readsBody ? view(u.payload!.body) : undefined;
    const key = keyOf(fn, body, u.root);
    inv.keys[i] = key;
    if (failed && (!opts.perItem || opts.fifo)) {
      inv.items[i] = ITEM.notRun;
      continue;
    }
    if (fn.idempotent) {
      // Records of one batch run one after another: a repeat of a key completed earlier in
      // this batch finds its COMPLETED record.
      if (doneHere !== null && doneHere.has(key)) {
        inv.items[i] = ITEM.skipped;
        continue;
      }
      const st = fn.keys.status(key, sim.now);
      if (st === 'completed') {
        inv.items[i] = ITEM.skipped;
        continue;
      }
      if (st === 'inProgress') {
        // IdempotencyAlreadyInProgressError counts as a function error (aws-semantics 5.6).
        inv.items[i] = ITEM.busy;
        failed = true;
        continue;
      }
    }
    const fails = (fn.failWhen !== null && fn.failWhen(body)) || rng.chance(fn.failureRate);
    if (fn.idempotent) fn.keys.begin(key);
    inv.items[i] = fails ? ITEM.failed : ITEM.ok;
    if (fails) failed = true;
    else if (doneHere !== null) doneHere.add(key);
  }
  if (failed && !opts.perItem) inv.outcome = OUTCOME.error;
  else if (opts.perItem && rng.chance(fn.malformedRate)) inv.outcome = OUTCOME.malformed;
  else inv.outcome = OUTCOME.ok;
}

/** True when record `i` is settled successfully by this run (deleted / delivered). */
export function recordSucceeded(inv: Invocation, i: number): boolean {
  if (inv.outcome !== OUTCOME.ok) return false;
  const it = inv.items[i];
  return it === ITEM.ok || it === ITEM.skipped;
}

/** Applies side effects and idempotency records when the run ends. */
export function finishRun(sim: Sim, fn: LambdaRt, inv: Invocation): void {
  for (let i = 0; i < inv.n; i++) {
    const it = inv.items[i];
    const key = inv.keys[i];
    if (it === ITEM.ok) {
      sim.count(fn.node, C.sideEffects);
      if (fn.keys.effect(key)) {
        sim.count(fn.node, C.duplicates);
        sim.factRef(TK.duplicateProcessed, fn.node, inv.esm, inv.ids[i], inv.roots[i]);
      }
      if (fn.idempotent) fn.keys.complete(key, sim.now);
    } else if (it === ITEM.skipped) {
      sim.factRef(TK.idempotentSkipped, fn.node, inv.esm, inv.ids[i], inv.roots[i]);
    } else if (it === ITEM.failed) {
      if (fn.idempotent) fn.keys.abort(key);
      sim.count(fn.node, C.itemFailures);
    } else if (it === ITEM.busy) {
      sim.count(fn.node, C.itemFailures);
    }
  }
}

/** Reason code for a failed run or record. */
export function failureReason(inv: Invocation, i: number): number {
  if (inv.outcome === OUTCOME.timeout) return RS.Timeout;
  if (inv.outcome === OUTCOME.malformed) return RS.MalformedResponse;
  const it = inv.items[i];
  if (it === ITEM.busy) return RS.IdempotencyAlreadyInProgress;
  if (it === ITEM.failed) return inv.outcome === OUTCOME.ok ? RS.BatchItemFailure : RS.FunctionError;
  return RS.FunctionError;
}
