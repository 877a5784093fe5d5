/**
 * Chart series over simulated time, sampled in the worker so the main thread only draws.
 * Gauges (queue depth, in flight, DLQ depth, age of the oldest message) are read from the
 * ledger at each sample boundary, before any later event runs; rates (throughput, throttles)
 * and peak concurrency are folded from the facts of the interval. At most CAPACITY samples
 * are kept: when full, pairs merge (rates averaged, gauges by their maximum) and the interval
 * doubles, so a long run keeps its whole shape.
 */
import type { TraceFact } from '../../engine/index';
import type { Ledger } from '../../engine/kernel/ledger';
import { oldestAgeFrom, unitsIn } from '../../engine/kernel/inspect';
import { ST } from '../../engine/kernel/ledger';
import type { NodeKind } from '../../model/types';
import { METRICS, type Metric } from '../protocolView';

/** Samples kept (even). */
export const CAPACITY = 1_200;

/** Metrics that are per-second rates (merged by average); the others are gauges (merged by max). */
const RATES: ReadonlySet<Metric> = new Set(['throughput', 'throttles']);
/** How each metric's total over nodes is formed; absent: no total line. */
const TOTALS: Partial<Record<Metric, 'sum' | 'max'>> = { queueDepth: 'sum', oldestAge: 'max', inFlight: 'sum', dlqDepth: 'sum', concurrency: 'sum', throttles: 'sum' };

/** What the sampler needs to know about each node. */
export interface SampledNode {
  id: string;
  kind: NodeKind;
  isDlq: boolean;
}

function applies(metric: Metric, n: SampledNode): boolean {
  const queue = n.kind === 'sqsQueue';
  const fn = n.kind === 'lambdaFunction';
  switch (metric) {
    case 'throughput':
      return true;
    case 'queueDepth':
      return queue && !n.isDlq;
    case 'dlqDepth':
      return queue && n.isDlq;
    case 'oldestAge':
      return queue;
    case 'inFlight':
      return queue || fn;
    case 'concurrency':
    case 'throttles':
      return fn;
  }
}

/** The sampled series of one run. */
export class Sampler {
  intervalMs: number;
  /** End of the interval being accumulated. */
  nextAt: number;
  count = 0;
  readonly t = new Float64Array(CAPACITY);
  /** values[metric][node] (null where the metric does not apply); index nodes.length = total. */
  readonly values: Record<Metric, Array<Float64Array | null>>;
  private readonly done: Float64Array;
  private readonly throttled: Float64Array;
  private readonly running: Float64Array;
  private readonly peak: Float64Array;
  private readonly ends: number[][];
  private readonly ages: Float64Array;
  private readonly nodeIndex: Map<string, number>;

  constructor(
    readonly nodes: readonly SampledNode[],
    durationMs: number,
    private readonly esmTarget: (edgeId: string) => number | undefined,
  ) {
    const n = nodes.length;
    this.intervalMs = Math.min(60_000, Math.max(100, Math.round(durationMs / 600 / 100) * 100));
    this.nextAt = this.intervalMs;
    this.values = Object.fromEntries(
      METRICS.map((m) => [m, [...nodes.map((node) => (applies(m, node) ? new Float64Array(CAPACITY) : null)), TOTALS[m] ? new Float64Array(CAPACITY) : null]]),
    ) as Record<Metric, Array<Float64Array | null>>;
    this.done = new Float64Array(n);
    this.throttled = new Float64Array(n);
    this.running = new Float64Array(n + 1);
    this.peak = new Float64Array(n + 1);
    this.ends = nodes.map(() => []);
    this.ages = new Float64Array(n);
    this.nodeIndex = new Map(nodes.map((x, i) => [x.id, i]));
  }

  /** Folds one fact (facts arrive in time order). */
  fact(f: TraceFact): void {
    const i = this.nodeIndex.get(f.nodeId);
    if (i === undefined) return;
    switch (f.kind) {
      case 'published':
        this.done[i]++;
        return;
      case 'delivered':
        this.done[i]++;
        if (f.edgeId !== undefined) {
          const fn = this.esmTarget(f.edgeId);
          if (fn !== undefined) this.done[fn]++;
        }
        return;
      case 'throttled':
        this.throttled[i]++;
        return;
      case 'invoked':
        this.release(i, f.timeMs);
        this.running[i]++;
        this.running[this.nodes.length]++;
        if (this.running[i] > this.peak[i]) this.peak[i] = this.running[i];
        if (this.running[this.nodes.length] > this.peak[this.nodes.length]) this.peak[this.nodes.length] = this.running[this.nodes.length];
        insertSorted(this.ends[i], f.atMs ?? f.timeMs);
        return;
    }
  }

  /**
   * Closes every interval ending before `time` (`inclusive`: at or before), reading gauges from
   * `ledger`. Call after the facts up to now are folded and before a later event runs.
   */
  closeUntil(time: number, ledger: Ledger | null, inclusive = false): void {
    if (this.nextAt > time || (!inclusive && this.nextAt === time)) return;
    // An idle stretch of many intervals: widen the interval first so the work stays bounded.
    while ((time - this.nextAt) / this.intervalMs > CAPACITY) this.merge();
    if (ledger !== null) oldestAgeFrom(ledger, this.nodes.length, this.ages);
    else this.ages.fill(Infinity);
    while (this.nextAt < time || (inclusive && this.nextAt === time)) this.close(ledger);
  }

  private close(ledger: Ledger | null): void {
    if (this.count === CAPACITY) this.merge();
    const at = this.nextAt;
    const k = this.count++;
    this.t[k] = at;
    const perS = 1000 / this.intervalMs;
    const n = this.nodes.length;
    for (let i = 0; i < n; i++) this.release(i, at);
    const v = this.values;
    let maxAge = 0;
    const totals: Partial<Record<Metric, number>> = {};
    for (let i = 0; i < n; i++) {
      const gauge = (state: number) => (ledger === null ? 0 : unitsIn(ledger, i, state));
      const depth = gauge(ST.queued) + gauge(ST.delayed);
      const age = Number.isFinite(this.ages[i]) ? Math.max(0, at - this.ages[i]) / 1000 : 0;
      maxAge = Math.max(maxAge, v.oldestAge[i] ? age : 0);
      const put = (m: Metric, x: number) => {
        const s = v[m][i];
        if (s === null) return;
        s[k] = x;
        totals[m] = (totals[m] ?? 0) + x;
      };
      put('throughput', this.done[i] * perS);
      put('queueDepth', depth);
      put('dlqDepth', depth);
      put('oldestAge', age);
      put('inFlight', gauge(ST.inFlight));
      put('concurrency', this.peak[i]);
      put('throttles', this.throttled[i] * perS);
      this.done[i] = 0;
      this.throttled[i] = 0;
      this.peak[i] = this.running[i];
    }
    totals.oldestAge = maxAge;
    totals.concurrency = this.peak[n];
    this.peak[n] = this.running[n];
    for (const m of METRICS) {
      const s = v[m][n];
      if (s !== null) s[k] = totals[m] ?? 0;
    }
    this.nextAt += this.intervalMs;
  }

  /** Halves the samples: pairs merge, the interval doubles. */
  private merge(): void {
    const half = this.count >> 1;
    for (let j = 0; j < half; j++) this.t[j] = this.t[2 * j + 1];
    for (const m of METRICS) {
      const rate = RATES.has(m);
      for (const s of this.values[m]) {
        if (s === null) continue;
        for (let j = 0; j < half; j++) s[j] = rate ? (s[2 * j] + s[2 * j + 1]) / 2 : Math.max(s[2 * j], s[2 * j + 1]);
      }
    }
    // With an odd count the last sample is dropped and its interval joins the one being
    // accumulated, whose end stays; otherwise that interval grows to the new width.
    if (this.count % 2 === 0) this.nextAt += this.intervalMs;
    this.count = half;
    this.intervalMs *= 2;
  }

  /** Ends the runs of function `i` that finished by `time`. */
  private release(i: number, time: number): void {
    const e = this.ends[i];
    let k = 0;
    while (k < e.length && e[k] <= time) k++;
    if (k === 0) return;
    e.splice(0, k);
    this.running[i] -= k;
    this.running[this.nodes.length] -= k;
  }
}

function insertSorted(a: number[], x: number): void {
  let i = a.length;
  while (i > 0 && a[i - 1] > x) i--;
  a.splice(i, 0, x);
}
