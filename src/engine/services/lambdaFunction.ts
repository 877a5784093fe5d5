/**
 * A Lambda function's runtime: settings with AWS defaults and bounds, concurrency (reserved
 * and the account pool, shared with every function), the async queue's structures, and the
 * consumer behaviour used by both invocation paths (lambdaAsync.ts, esm.ts).
 */
import type { NodeOf } from '../../model/types';
import { ExpiryIndex } from '../kernel/expiryIndex';
import type { Rng } from '../kernel/rng';
import type { Sim } from '../kernel/sim';
import { C } from '../kernel/sim';
import { UnitDeque } from '../kernel/unitDeque';
import { outEdges } from '../kernel/topology';
import { RS } from '../trace';
import { arnOf } from './envelope';
import { InvocationPool } from './invocation';
import { compilePath, type CompiledPath } from './jsonPath';
import { KeyStore } from './keyStore';
import { compileMatcher, type Matcher } from './patternMatch';

/** Runtime state of one function. */
export interface LambdaRt {
  node: number;
  arn: string;
  timeoutMs: number;
  maxRetries: number;
  maxAgeMs: number;
  reserved: number;
  running: number;
  // Behaviour
  latency: NodeOf<'lambdaFunction'>['behavior']['latency'];
  failureRate: number;
  failWhen: Matcher | null;
  timeoutRate: number;
  throttleRate: number;
  malformedRate: number;
  idempotent: boolean;
  keyPath: CompiledPath | null;
  keys: KeyStore;
  // Async invocation
  asyncQueue: UnitDeque;
  expiry: ExpiryIndex;
  onSuccess: number[];
  onFailure: number[];
  outcomeRng: Rng;
  throttleRng: Rng;
}

/** Shared Lambda state of a run. */
export interface LambdaWorld {
  accountConcurrency: number;
  /** Concurrency in use, all functions. */
  inUse: number;
  /** Sum of the functions' ReservedConcurrentExecutions. */
  reservedTotal: number;
  /** Concurrency in use by functions without a reservation (they share what is not reserved). */
  unreservedInUse: number;
  pool: InvocationPool;
}

const num = (x: number | undefined, d: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.floor(x ?? d)));

/** The run's shared Lambda state (created on first use). */
export function world(sim: Sim): LambdaWorld {
  let w = sim.shared.lambda as LambdaWorld | undefined;
  if (w === undefined) {
    w = { accountConcurrency: Math.max(1, sim.scenario.settings.accountConcurrency ?? 1000), inUse: 0, reservedTotal: 0, unreservedInUse: 0, pool: new InvocationPool() };
    sim.shared.lambda = w;
  }
  return w;
}

/** Builds a function's runtime; pushes problems to `warnings`. */
export function initLambda(sim: Sim, node: number, warnings: string[]): void {
  const n = sim.topo.nodes[node] as NodeOf<'lambdaFunction'>;
  const p = n.props;
  const b = n.behavior;
  let failWhen: Matcher | null = null;
  const compiled = compileMatcher(b.failWhen ?? '');
  if (compiled !== null && compiled.ok) failWhen = compiled.match;
  else if (compiled !== null && !compiled.ok) warnings.push(`Function ${n.id} failWhen: ${compiled.message}`);
  const dest = (cond: 'OnSuccess' | 'OnFailure') =>
    outEdges(sim.topo, node, 'destination').filter((e) => {
      const edge = sim.topo.edges[e];
      return edge.kind === 'destination' && edge.props.Condition === cond;
    });
  const rt: LambdaRt = {
    node,
    arn: arnOf(sim.topo, node),
    timeoutMs: num(p.Timeout, 3, 1, 900) * 1000,
    maxRetries: num(p.EventInvokeConfig?.MaximumRetryAttempts, 2, 0, 2),
    maxAgeMs: num(p.EventInvokeConfig?.MaximumEventAgeInSeconds, 21600, 60, 21600) * 1000,
    reserved: p.ReservedConcurrentExecutions === undefined ? Infinity : Math.max(0, Math.floor(p.ReservedConcurrentExecutions)),
    running: 0,
    latency: b.latency,
    failureRate: b.failureRate ?? 0,
    failWhen,
    timeoutRate: b.timeoutRate ?? 0,
    throttleRate: b.throttleRate ?? 0,
    malformedRate: b.malformedResponseRate ?? 0,
    idempotent: b.idempotency?.enabled === true,
    keyPath: b.idempotency?.keyPath ? compilePath(b.idempotency.keyPath) : null,
    keys: new KeyStore(b.idempotency?.enabled === true),
    asyncQueue: new UnitDeque(64),
    expiry: new ExpiryIndex(),
    onSuccess: dest('OnSuccess'),
    onFailure: dest('OnFailure'),
    outcomeRng: sim.rng(node, 'outcome'),
    throttleRng: sim.rng(node, 'throttle'),
  };
  sim.rt[node] = rt;
  const w = world(sim);
  if (rt.reserved !== Infinity) w.reservedTotal += rt.reserved;
}

/**
 * Free concurrency for function `fn` (aws-semantics 5.5). Reserved concurrency both caps and
 * guarantees: a function with a reservation runs up to it; the others share the account's
 * unreserved rest (account concurrency minus every reservation).
 */
export function capacity(sim: Sim, fn: LambdaRt): number {
  if (fn.reserved !== Infinity) return fn.reserved - fn.running;
  const w = sim.shared.lambda as LambdaWorld;
  return Math.max(0, w.accountConcurrency - w.reservedTotal) - w.unreservedInUse;
}

/** Takes one unit of concurrency. */
export function startRun(sim: Sim, fn: LambdaRt): void {
  const w = sim.shared.lambda as LambdaWorld;
  fn.running++;
  w.inUse++;
  if (fn.reserved === Infinity) w.unreservedInUse++;
}

/** Gives one unit of concurrency back. */
export function endRun(sim: Sim, fn: LambdaRt): void {
  const w = sim.shared.lambda as LambdaWorld;
  fn.running--;
  w.inUse--;
  if (fn.reserved === Infinity) w.unreservedInUse--;
}

/**
 * Whether one invoke of `fn` is throttled (429) before it runs: no free concurrency
 * (ConcurrencyLimit), or an injected throttle (throttleRate; THROTTLING). Counts the throttle
 * and returns its reason code, or 0 when the run may start.
 */
export function throttleReason(sim: Sim, fn: LambdaRt): number {
  let reason = 0;
  if (capacity(sim, fn) <= 0) reason = RS.ConcurrencyLimit;
  else if (fn.throttleRng.chance(fn.throttleRate)) reason = RS.THROTTLING;
  if (reason !== 0) sim.count(fn.node, C.throttled);
  return reason;
}

/** Draws one run's duration in ms (at least 1) from the latency model. */
export function drawLatency(fn: LambdaRt, rng: Rng): number {
  const l = fn.latency;
  const mean = Math.max(0, l?.meanMs ?? 100);
  const spread = Math.max(0, l?.spreadMs ?? 0);
  let d: number;
  switch (l?.distribution) {
    case 'uniform':
      d = mean - spread + rng.next() * 2 * spread;
      break;
    case 'normal':
      d = mean + spread * rng.normal();
      break;
    case 'lognormal': {
      // spreadMs holds sigma x 1000; the mean is preserved: mean * exp(sigma Z - sigma^2 / 2).
      const sigma = spread / 1000;
      d = mean * Math.exp(sigma * rng.normal() - (sigma * sigma) / 2);
      break;
    }
    default:
      d = mean;
  }
  return Math.max(1, Math.round(d));
}
