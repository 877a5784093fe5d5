/**
 * Scenario lint: settings AWS warns about or refuses at deploy time, but that a valid document
 * may hold while being drawn (docs/aws-semantics.md 8.6). Findings never block an edit.
 */
import { isFifo } from './connections';
import { lintGraph } from './lintGraph';
import type { LintFinding } from './lintTypes';
import { nodeDisplayName } from './ids';
import { quantity } from './quantities';
import type { NodeOf, Scenario, ScenarioNode } from './types';

export type { LintCode, LintFinding } from './lintTypes';

type Add = (f: LintFinding) => void;

function queueRules(s: Scenario, at: Map<string, number>, add: Add): void {
  const node = (id: string) => s.nodes[at.get(id)!];
  const redriveOf = (queueId: string) => s.edges.findIndex((e) => e.kind === 'redrive' && e.source === queueId);
  const lambdaFed = new Set(s.edges.filter((e) => e.kind === 'eventSourceMapping').map((e) => e.source));
  s.edges.forEach((e, i) => {
    const source = node(e.source);
    const target = node(e.target);
    if (!source || !target) return;
    const base = `/edges/${i}/props`;
    const ids = { edgeId: e.id, nodeId: source.id };
    if (e.kind === 'eventSourceMapping' && source.kind === 'sqsQueue' && target.kind === 'lambdaFunction') {
      const t = target.props.Timeout;
      const v = source.props.VisibilityTimeout;
      const path = `/nodes/${at.get(source.id)}/props/VisibilityTimeout`;
      if (t > v) add({ severity: 'error', code: 'timeoutAboveVisibility', path, ...ids, message: `Lambda refuses this event source mapping: the timeout of "${nodeDisplayName(target)}" (${t} s) is longer than the visibility timeout of "${nodeDisplayName(source)}" (${v} s).` });
      else if (v < 6 * t) add({ severity: 'warning', code: 'visibilityHeadroom', path, ...ids, message: `AWS recommends a visibility timeout of at least 6 times the function timeout (${6 * t} s here); with ${v} s, messages of a throttled or retried batch reappear before Lambda is done with them.` });
      const hasDlq = redriveOf(source.id) >= 0;
      if (hasDlq && !e.props.FunctionResponseTypes.includes('ReportBatchItemFailures')) {
        add({ severity: 'warning', code: 'noPartialBatchResponse', path: `${base}/FunctionResponseTypes`, ...ids, message: 'Without ReportBatchItemFailures one failing message fails its whole batch: the good messages are processed again and move toward the dead-letter queue with it.' });
      }
      if (!source.props.FifoQueue && e.props.BatchSize > 10 && e.props.MaximumBatchingWindowInSeconds < 1) {
        add({ severity: 'warning', code: 'sqsBatchWindow', path: `${base}/MaximumBatchingWindowInSeconds`, ...ids, message: 'A BatchSize over 10 needs a batching window of at least 1 second (AWS documentation; unverified).' });
      }
    }
    if (e.kind === 'eventSourceMapping' && source.kind === 'kinesisStream') {
      const p = e.props;
      if (p.MaximumRetryAttempts === -1 && p.MaximumRecordAgeInSeconds === -1 && !p.DestinationConfig?.OnFailure) {
        add({ severity: 'warning', code: 'streamPoisonRecord', path: `${base}/MaximumRetryAttempts`, ...ids, message: `With MaximumRetryAttempts and MaximumRecordAgeInSeconds at -1 and no OnFailure destination, one failing record blocks its shard until it expires (${quantity(source.props.RetentionPeriodHours, 'hours')}).` });
      }
    }
    if (e.kind === 'redrive' && source.kind === 'sqsQueue' && target.kind === 'sqsQueue') {
      if (lambdaFed.has(source.id) && e.props.maxReceiveCount < 5) {
        add({ severity: 'warning', code: 'lowMaxReceiveCount', path: `${base}/maxReceiveCount`, ...ids, message: `maxReceiveCount is ${e.props.maxReceiveCount} on a queue a Lambda function consumes; AWS recommends at least 5, so throttled or briefly failing batches don't land in the dead-letter queue.` });
      }
      const [src, dlq] = [source.props.MessageRetentionPeriod, target.props.MessageRetentionPeriod];
      if (!source.props.FifoQueue && dlq <= src) {
        add({ severity: 'warning', code: 'dlqRetention', path: `/nodes/${at.get(target.id)}/props/MessageRetentionPeriod`, edgeId: e.id, nodeId: target.id, message: `The dead-letter queue keeps messages ${quantity(dlq, 'seconds')}, no longer than its source (${quantity(src, 'seconds')}); a message's age counts from when it entered the source, so it may expire soon after it moves. Give the DLQ a longer retention.` });
      }
    }
    if (e.kind === 'ruleTarget' && target.kind === 'sqsQueue' && target.props.FifoQueue && !e.props.SqsParameters?.MessageGroupId) {
      add({ severity: 'error', code: 'fifoTargetWithoutGroup', path: `${base}/SqsParameters`, edgeId: e.id, nodeId: target.id, message: 'A FIFO queue target needs SqsParameters.MessageGroupId; EventBridge refuses the target without it.' });
    }
    if (e.kind === 'publish' && source.kind === 'producer' && isFifo(target)) {
      const b = source.behavior;
      const missing = b.mode === 'rate' ? !b.template.MessageGroupId : b.events.some((ev) => !ev.MessageGroupId);
      if (missing) add({ severity: 'error', code: 'fifoPublishWithoutGroup', path: `/nodes/${at.get(source.id)}/behavior/template/MessageGroupId`, ...ids, message: `Messages to the FIFO ${target.kind === 'sqsQueue' ? 'queue' : 'topic'} "${nodeDisplayName(target)}" need a MessageGroupId; AWS refuses them without one.` });
    }
  });
}

function nodeRules(s: Scenario, add: Add): void {
  const lambdas = s.nodes.map((n, i) => [n, i] as const).filter((x): x is readonly [NodeOf<'lambdaFunction'>, number] => x[0].kind === 'lambdaFunction');
  const reserved = lambdas.reduce((sum, [n]) => sum + (n.props.ReservedConcurrentExecutions ?? 0), 0);
  const last = [...lambdas].reverse().find(([n]) => n.props.ReservedConcurrentExecutions !== undefined);
  if (last && reserved > s.settings.accountConcurrency - 100) {
    add({ severity: 'error', code: 'reservedConcurrency', path: `/nodes/${last[1]}/props/ReservedConcurrentExecutions`, nodeId: last[0].id, message: `Reserved concurrency adds up to ${reserved}, but at least 100 of the account's ${s.settings.accountConcurrency} must stay unreserved.` });
  }
  const names = new Map<string, ScenarioNode>();
  s.nodes.forEach((n, i) => {
    const ignored = (key: string, why: string) => add({ severity: 'warning', code: 'ignoredSetting', path: `/nodes/${i}/${key}`, nodeId: n.id, message: why });
    if (n.kind === 'sqsQueue' && n.props.FifoQueue && (n.behavior.duplicateRate > 0 || n.behavior.reorderRate > 0)) ignored('behavior', 'FIFO queues neither duplicate nor reorder: duplicateRate and reorderRate are ignored.');
    if (n.kind === 'kinesisStream' && n.props.StreamType === 'dynamodb' && n.props.RetentionPeriodHours !== 24) ignored('props/RetentionPeriodHours', 'DynamoDB streams always keep records 24 hours: RetentionPeriodHours is ignored.');
    const key = `${n.kind}:${nodeDisplayName(n)}`;
    if (n.kind !== 'producer' && n.kind !== 'rule' && names.has(key)) {
      add({ severity: 'warning', code: 'duplicateName', path: `/nodes/${i}/props`, nodeId: n.id, message: `Another ${n.kind} is also named "${nodeDisplayName(n)}"; AWS names are unique per account and region.` });
    }
    names.set(key, n);
  });
}

/** Every lint finding of a (valid) scenario: errors first, then warnings, each in document order. */
export function lintScenario(s: Scenario): LintFinding[] {
  const found: LintFinding[] = [];
  const add: Add = (f) => found.push(f);
  const at = new Map(s.nodes.map((n, i) => [n.id, i]));
  queueRules(s, at, add);
  nodeRules(s, add);
  lintGraph(s, at, add);
  // Array.prototype.sort is stable: within a severity, document order stays.
  return found.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
