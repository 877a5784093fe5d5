/**
 * Checks of node and edge props that JSON Schema can't express: either/or fields, FIFO name
 * suffixes, JSON text that must parse, references to other nodes, per-source settings.
 */
import { referenceProblem, TARGET_DLQ_RULE, isFifo, type ConnectionIndex } from './connections';
import { pointer, scenarioError, type ScenarioError } from './errors';
import { findJsonSyntaxError } from './jsonText';
import { EDGE_PROPS_SCHEMAS } from './schema/edgeSchemas';
import type { ScenarioEdge, ScenarioNode } from './types';

type Push = (path: string, message: string, allowed?: string) => void;

/** Why a JSON text is not a JSON object (an event pattern, a filter policy), or undefined. */
export function jsonObjectProblem(label: string, text: string): string | undefined {
  const syntax = findJsonSyntaxError(text);
  if (syntax) return `${label} is not valid JSON: ${syntax.message} at line ${syntax.line}, column ${syntax.column}.`;
  const v: unknown = JSON.parse(text);
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? undefined : `${label} must be a JSON object.`;
}

const esm = EDGE_PROPS_SCHEMAS.eventSourceMapping;
/** ESM settings that only stream sources take (required there: restore fills them). */
export const STREAM_ESM_KEYS = Object.keys(esm.properties!).filter((k) => esm.properties![k]['x-streamDefault'] !== undefined && !esm.required!.includes(k));
const STREAM_ONLY = [...STREAM_ESM_KEYS, 'DestinationConfig'];

function nameSuffix(push: Push, base: string, key: string, name: string, fifo: boolean, what: string): void {
  if (fifo && !name.endsWith('.fifo')) push(pointer(base, key), `The name of a FIFO ${what} must end in .fifo.`, `for example ${name}.fifo`);
  if (!fifo && name.endsWith('.fifo')) push(pointer(base, key), `Only FIFO ${what}s have names ending in .fifo.`, `turn on Fifo${what === 'queue' ? 'Queue' : 'Topic'} or rename it`);
}

/** Prop errors of one node (`i` is its index). */
export function nodePropErrors(n: ScenarioNode, i: number, ix: ConnectionIndex, push: Push): void {
  const base = `/nodes/${i}/props`;
  const json = (key: string, text: string) => {
    const p = text.trim() === '' ? undefined : jsonObjectProblem(key, text);
    if (p) push(pointer(base, key), p, 'a JSON object, e.g. {"source":["com.example"]}');
  };
  switch (n.kind) {
    case 'rule': {
      const hasPattern = n.props.EventPattern.trim() !== '';
      const hasSchedule = n.props.ScheduleExpression !== '';
      if (hasPattern && hasSchedule) push(pointer(base, 'ScheduleExpression'), 'A rule has either an EventPattern or a ScheduleExpression, not both.', 'clear one of them');
      if (!hasPattern && !hasSchedule) push(pointer(base, 'EventPattern'), 'A rule needs an EventPattern or a ScheduleExpression.', 'an event pattern, or a schedule such as rate(5 minutes)');
      json('EventPattern', n.props.EventPattern);
      break;
    }
    case 'sqsQueue':
      nameSuffix(push, base, 'QueueName', n.props.QueueName, n.props.FifoQueue, 'queue');
      if (n.props.ContentBasedDeduplication && !n.props.FifoQueue) push(pointer(base, 'ContentBasedDeduplication'), 'ContentBasedDeduplication applies only to FIFO queues.', 'false for a standard queue');
      break;
    case 'snsTopic':
      nameSuffix(push, base, 'TopicName', n.props.TopicName, n.props.FifoTopic, 'topic');
      if (n.props.ContentBasedDeduplication && !n.props.FifoTopic) push(pointer(base, 'ContentBasedDeduplication'), 'ContentBasedDeduplication applies only to FIFO topics.', 'false for a standard topic');
      if (n.props.FifoThroughputScope !== undefined && !n.props.FifoTopic) push(pointer(base, 'FifoThroughputScope'), 'FifoThroughputScope applies only to FIFO topics.', 'remove it for a standard topic');
      break;
    case 'eventBus': {
      const { BusType, Name, EventSourceName } = n.props;
      if (BusType === 'default' && Name !== 'default') push(pointer(base, 'Name'), 'The default event bus is named "default".', '"default"');
      if (BusType === 'custom' && (Name === 'default' || Name.startsWith('aws.'))) push(pointer(base, 'Name'), `A custom bus can't be named "${Name}": "default" and names starting with "aws." are reserved.`, 'another name');
      if (BusType === 'partner' && !EventSourceName) push(pointer(base, 'EventSourceName'), 'A partner bus needs the EventSourceName of its partner event source.', 'aws.partner/<partner>/<source>');
      if (BusType === 'partner' && EventSourceName && Name !== EventSourceName) push(pointer(base, 'Name'), 'A partner bus is named after its event source.', JSON.stringify(EventSourceName));
      if (BusType !== 'partner' && EventSourceName !== undefined) push(pointer(base, 'EventSourceName'), 'EventSourceName applies only to partner buses.', 'remove it');
      if (BusType === 'default' && [...ix.nodes.values()].find((m) => m.kind === 'eventBus' && m.props.BusType === 'default') !== n) {
        push(pointer(base, 'BusType'), 'An account has one default event bus; another node already is it.', 'custom');
      }
      break;
    }
    case 'lambdaFunction': {
      const dlq = n.props.DeadLetterConfig?.TargetArn;
      const p = dlq && referenceProblem(ix.nodes, dlq, { kinds: ['sqsQueue', 'snsTopic'], fifo: 'never', role: 'the dead-letter queue of a function' });
      if (p) push(pointer(base, 'DeadLetterConfig', 'TargetArn'), p, 'the id of a standard SQS queue or SNS topic');
      const fw = n.behavior.failWhen.trim() === '' ? undefined : jsonObjectProblem('failWhen', n.behavior.failWhen);
      if (fw) push(`/nodes/${i}/behavior/failWhen`, fw, 'an event pattern (JSON object), or empty');
      break;
    }
    case 'schedule': {
      const { Mode, MaximumWindowInMinutes } = n.props.FlexibleTimeWindow;
      if (Mode === 'FLEXIBLE' && MaximumWindowInMinutes === undefined) push(pointer(base, 'FlexibleTimeWindow', 'MaximumWindowInMinutes'), 'A FLEXIBLE time window needs MaximumWindowInMinutes.', '1 to 1440 minutes');
      if (Mode === 'OFF' && MaximumWindowInMinutes !== undefined) push(pointer(base, 'FlexibleTimeWindow', 'MaximumWindowInMinutes'), 'MaximumWindowInMinutes applies only when Mode is FLEXIBLE.', 'remove it, or set Mode to FLEXIBLE');
      const dlq = n.props.DeadLetterConfig?.Arn;
      const p = dlq && referenceProblem(ix.nodes, dlq, { ...TARGET_DLQ_RULE, role: 'the dead-letter queue of a schedule' });
      if (p) push(pointer(base, 'DeadLetterConfig', 'Arn'), p, 'the id of a standard SQS queue');
      if (findJsonSyntaxError(n.props.Input)) push(pointer(base, 'Input'), 'Input is not valid JSON.', 'JSON text, e.g. {}');
      break;
    }
    case 'pipe':
      json('FilterPattern', n.props.FilterPattern);
      break;
    case 'archive':
      json('EventPattern', n.props.EventPattern);
      break;
    default:
      break;
  }
}

/** Prop errors of one edge whose ends exist (`i` is its index). */
export function edgePropErrors(e: ScenarioEdge, i: number, ix: ConnectionIndex, push: Push): void {
  const base = `/edges/${i}/props`;
  const source = ix.nodes.get(e.source)!;
  const target = ix.nodes.get(e.target)!;
  switch (e.kind) {
    case 'ruleTarget': {
      const inputs = (['Input', 'InputPath', 'InputTransformer'] as const).filter((k) => e.props[k] !== undefined);
      if (inputs.length > 1) push(pointer(base, inputs[1]), `A target takes at most one of Input, InputPath and InputTransformer; this one has ${inputs.join(' and ')}.`, 'keep one');
      if (e.props.Input !== undefined && findJsonSyntaxError(e.props.Input)) push(pointer(base, 'Input'), 'Input is not valid JSON.', 'JSON text');
      const dlq = e.props.DeadLetterConfig?.Arn;
      const p = dlq && referenceProblem(ix.nodes, dlq, TARGET_DLQ_RULE);
      if (p) push(pointer(base, 'DeadLetterConfig', 'Arn'), p, 'the id of a standard SQS queue');
      if (e.props.SqsParameters && target.kind !== 'sqsQueue') push(pointer(base, 'SqsParameters'), 'SqsParameters applies only to SQS queue targets.', 'remove it');
      if (e.props.KinesisParameters && target.kind !== 'kinesisStream') push(pointer(base, 'KinesisParameters'), 'KinesisParameters applies only to Kinesis stream targets.', 'remove it');
      break;
    }
    case 'eventSourceMapping': {
      const p = e.props as unknown as Record<string, unknown>;
      if (source.kind === 'sqsQueue') {
        for (const k of STREAM_ONLY) if (p[k] !== undefined) push(pointer(base, k), `${k} applies only to Kinesis and DynamoDB stream sources; failed SQS messages go to the queue's own dead-letter queue.`, 'remove it');
        if (isFifo(source) && e.props.BatchSize > 10) push(pointer(base, 'BatchSize'), `For a FIFO queue BatchSize must be at most 10; got ${e.props.BatchSize}.`, '1 to 10');
        if (isFifo(source) && e.props.MaximumBatchingWindowInSeconds > 0) push(pointer(base, 'MaximumBatchingWindowInSeconds'), 'FIFO queue sources do not support a batching window.', '0');
      } else {
        if (e.props.ScalingConfig) push(pointer(base, 'ScalingConfig'), 'ScalingConfig applies only to SQS sources.', 'remove it; use ParallelizationFactor');
        for (const k of STREAM_ESM_KEYS) if (p[k] === undefined) push(pointer(base, k), `${k} is required for a stream source.`);
        const age = e.props.MaximumRecordAgeInSeconds;
        if (age !== undefined && age >= 0 && age < 60) push(pointer(base, 'MaximumRecordAgeInSeconds'), `MaximumRecordAgeInSeconds must be -1 or at least 60 seconds; got ${age}.`, '-1 (no limit) or 60 to 604800 seconds (7 days)');
        const dest = e.props.DestinationConfig?.OnFailure?.Destination;
        const d = dest && referenceProblem(ix.nodes, dest, { kinds: ['sqsQueue', 'snsTopic'], fifo: 'never', role: 'the on-failure destination of an event source mapping' });
        if (d) push(pointer(base, 'DestinationConfig', 'OnFailure', 'Destination'), d, 'the id of a standard SQS queue or SNS topic');
      }
      e.props.FilterCriteria.Filters.forEach((f, j) => {
        const fp = jsonObjectProblem('Pattern', f.Pattern);
        if (fp) push(pointer(base, 'FilterCriteria', 'Filters', j, 'Pattern'), fp, 'an event pattern (JSON object)');
      });
      break;
    }
    case 'subscription': {
      const want = target.kind === 'lambdaFunction' ? 'lambda' : 'sqs';
      if (e.props.Protocol !== want) push(pointer(base, 'Protocol'), `The subscriber is ${target.kind === 'lambdaFunction' ? 'a Lambda function' : 'an SQS queue'}, so Protocol must be "${want}".`, `"${want}"`);
      const fp = e.props.FilterPolicy.trim() === '' ? undefined : jsonObjectProblem('FilterPolicy', e.props.FilterPolicy);
      if (fp) push(pointer(base, 'FilterPolicy'), fp, 'a filter policy (JSON object), or empty');
      const dlq = e.props.RedrivePolicy?.deadLetterTargetArn;
      const d = dlq && referenceProblem(ix.nodes, dlq, { kinds: ['sqsQueue'], fifo: 'same', ownerFifo: isFifo(source), role: 'the dead-letter queue of a subscription' });
      if (d) push(pointer(base, 'RedrivePolicy', 'deadLetterTargetArn'), d, 'the id of an SQS queue of the topic\'s type');
      break;
    }
    default:
      break;
  }
}

/** Errors of values that must be unique per owner: a rule's target Ids, a function's destination conditions. */
export function uniquenessErrors(edges: readonly ScenarioEdge[]): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const seen = new Map<string, number>();
  edges.forEach((e, i) => {
    let key: string | undefined;
    if (e.kind === 'ruleTarget') key = `target:${e.source}:${e.props.Id}`;
    if (e.kind === 'destination') key = `dest:${e.source}:${e.props.Condition}`;
    if (!key) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else if (e.kind === 'ruleTarget') errors.push(scenarioError(`/edges/${i}/props/Id`, `The target Id "${e.props.Id}" is already used by another target of this rule (/edges/${first}).`, 'a unique Id per target'));
    else errors.push(scenarioError(`/edges/${i}/props/Condition`, `This function already has an ${(e.props as { Condition: string }).Condition} destination (/edges/${first}).`, 'one OnSuccess and one OnFailure destination per function'));
  });
  return errors;
}
