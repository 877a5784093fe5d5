/**
 * Trace facts in plain words a class can follow: "order-17 failed in ChargeCard (attempt 2 of
 * 3); it becomes visible again in 30 s." Names are the ones users gave their resources.
 */
import type { TraceFact } from '../../engine/index';
import { nodeDisplayName } from '../../model/ids';
import type { NodeKind, Scenario, ScenarioEdge } from '../../model/types';
import { formatDuration } from './time';

/** What narration needs to know about the scenario. */
export interface Names {
  name(nodeId: string): string;
  kind(nodeId: string): NodeKind | undefined;
  edge(edgeId: string | undefined): ScenarioEdge | undefined;
}

const cache = new WeakMap<Scenario, Names>();

/** Names of `scenario`'s nodes and edges (memoised per document). */
export function namesOf(scenario: Scenario): Names {
  let n = cache.get(scenario);
  if (n) return n;
  const nodes = new Map(scenario.nodes.map((x) => [x.id, x]));
  const edges = new Map(scenario.edges.map((e) => [e.id, e]));
  n = {
    name: (id) => {
      const node = nodes.get(id);
      return node ? nodeDisplayName(node) : id;
    },
    kind: (id) => nodes.get(id)?.kind,
    edge: (id) => (id === undefined ? undefined : edges.get(id)),
  };
  cache.set(scenario, n);
  return n;
}

const REASON_WORDS: Record<string, string> = {
  FunctionError: 'the function threw an error',
  BatchItemFailure: 'reported in batchItemFailures',
  Timeout: 'the function timed out',
  MalformedResponse: 'the batch response was malformed',
  IdempotencyAlreadyInProgress: 'the same key was still being processed',
  THROTTLING: 'THROTTLING',
  TIMEOUT: 'TIMEOUT',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  NO_PERMISSIONS: 'NO_PERMISSIONS',
  NO_RESOURCE: 'NO_RESOURCE',
  INVALID_PARAMETER: 'INVALID_PARAMETER',
  MaximumRetryAttempts: 'MaximumRetryAttempts reached',
  MaximumEventAgeInSeconds: 'MaximumEventAgeInSeconds reached',
  RetriesExhausted: 'retries exhausted',
  EventAgeExceeded: 'maximum event age exceeded',
  RetentionExpired: 'retention period ended',
  FilterNoMatch: 'no filter matched',
  DedupWindow: 'a duplicate within the 5-minute deduplication window',
  NotModelledYet: 'not simulated yet',
  NoSubscribers: 'the topic has no subscribers',
  DlqSendFailed: 'the DLQ could not take it',
  ZeroReservedConcurrency: 'reserved concurrency is 0',
  MessageTooLarge: 'the message is too large',
};

/** A reason code in words. */
export const reasonWords = (r: string | undefined): string => (r ? (REASON_WORDS[r] ?? r) : '');

const of = (a: number | undefined, max: number | undefined) => (a === undefined ? '' : max === undefined ? `attempt ${a}` : `attempt ${a} of ${max}`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One fact as a sentence. */
export function narrate(f: TraceFact, n: Names): string {
  const m = f.label ?? `message #${f.rootId}`;
  const at = n.name(f.nodeId);
  const edge = n.edge(f.edgeId);
  const from = edge ? n.name(edge.source) : '';
  const to = edge ? n.name(edge.target) : '';
  const wait = f.atMs !== undefined ? formatDuration(f.atMs - f.timeMs) : '';
  const why = f.reason ? ` (${reasonWords(f.reason)})` : '';
  switch (f.kind) {
    case 'published':
      if (edge?.kind === 'archiveOf') return `${m} was replayed from archive ${at} to ${from}.`;
      if (n.kind(f.nodeId) === 'schedule') return `${at} fired: ${m} goes to ${to}.`;
      return `${m} was published by ${at} to ${to}.`;
    case 'accepted':
      return n.kind(f.nodeId) === 'lambdaFunction' ? `${m} is queued for ${at} (asynchronous invocation).` : `${m} arrived at ${at}.`;
    case 'enqueued':
      return edge !== undefined && (edge.kind === 'redrive' || f.nodeId !== edge.target) ? `${m} landed in ${at}, a dead-letter queue.` : `${m} was sent to queue ${at}.`;
    case 'delayed':
      return `${m} waits ${wait} in ${at} before it becomes visible (DelaySeconds).`;
    case 'visible':
      return `${m} became visible in ${at}.`;
    case 'matched':
      return `${m} matched rule ${at}${f.count && f.count > 1 ? ` (${f.count} targets)` : ''}.`;
    case 'filteredOut':
      return edge?.kind === 'eventSourceMapping' ? `${m} did not pass ${to}'s filter and was deleted from ${at}.` : `${m} matched no rule or filter at ${at} and was discarded.`;
    case 'received':
      return `${to || at} received ${m} from ${at} (${of(f.attempt, f.maxAttempts).replace('attempt', 'receive')}); it stays invisible for ${wait}.`;
    case 'visibilityExpired':
      return `${m}'s visibility timeout ended in ${at}: it is visible again after ${plural(f.attempt ?? 0, 'receive')}.`;
    case 'duplicateDelivered':
      return `${at} handed ${m} out again to ${to || 'its consumer'}: a duplicate delivery (at least once).`;
    case 'invoked':
      return `${at} started on ${m}${f.count && f.count > 1 ? ` and ${f.count - 1} more` : ''}${f.edgeId === undefined ? ` (${of(f.attempt, f.maxAttempts)})` : ''}.`;
    case 'succeeded':
      if (f.edgeId === undefined) return `${at} succeeded on ${m} (${of(f.attempt, f.maxAttempts)}).`;
      if (!f.count) return `${at} finished a batch and reported every record in it as failed (batchItemFailures).`;
      return `${at} finished a batch: ${plural(f.count, 'record')} succeeded and ${f.count === 1 ? 'was' : 'were'} deleted.`;
    case 'failed': {
      const head = `${m} failed in ${at} (${of(f.attempt, f.maxAttempts)})`;
      const next = f.atMs === undefined ? '; no retries are left.' : f.edgeId !== undefined ? `; it becomes visible again in ${wait}.` : `; it is retried in ${wait}.`;
      return `${head}${next}${f.reason ? ` Cause: ${reasonWords(f.reason)}.` : ''}`;
    }
    case 'throttled':
      return f.edgeId !== undefined
        ? `${at} was throttled on a batch of ${plural(f.count ?? 1, 'message')} from ${from}; they return in ${wait}.`
        : `${at} was throttled; ${m} is tried again in ${wait}.`;
    case 'delivered':
      switch (n.kind(f.nodeId)) {
        case 'rule':
          return `Rule ${at} delivered ${m} to ${to}${(f.attempt ?? 1) > 1 ? ` on attempt ${f.attempt}` : ''}.`;
        case 'sqsQueue':
          return `${m} was processed by ${to} and deleted from ${at}.`;
        case 'eventBus':
          return `Bus ${at} routed ${m} to ${plural(f.count ?? 0, 'target')}.`;
        case 'snsTopic':
          return `Topic ${at} fanned ${m} out to ${plural(f.count ?? 0, 'subscription')}.`;
        default:
          return `${at} is done with ${m}.`;
      }
    case 'deliveryFailed':
      return `EventBridge could not deliver ${m} to ${to} (${of(f.attempt, f.maxAttempts)}: ${reasonWords(f.reason)}).`;
    case 'retryScheduled':
      return `${m} will be tried again ${n.kind(f.nodeId) === 'rule' ? `by rule ${at}` : `in ${at}`} in ${wait} (${of(f.attempt, f.maxAttempts)}).`;
    case 'movedToDlq':
      return f.reason === 'maxReceiveCount'
        ? `${m} moved to dead-letter queue ${at} after ${plural(f.attempt ?? 0, 'receive')} (maxReceiveCount ${f.maxAttempts}).`
        : `${m} moved to ${at} after ${plural(f.attempt ?? 0, 'attempt')}${why}.`;
    case 'expired':
      return `${m} expired in ${at}${why}.`;
    case 'dropped':
      return `${m} was dropped at ${at}${why}.`;
    case 'duplicateProcessed':
      return `${at} processed ${m} again: its side effect ran twice (a duplicate).`;
    case 'idempotentSkipped':
      return `${at} skipped ${m}: already processed (idempotency).`;
    case 'budgetExhausted':
      return 'The run stopped: settings.eventBudget was reached (the scenario may loop).';
    default:
      return `${m}: ${f.kind} at ${at}${why}.`;
  }
}
