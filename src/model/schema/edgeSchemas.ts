/** Props (and behaviour) per edge kind, with CloudFormation's names, defaults and bounds. */
import type { EdgeKind } from '../types';
import { DELIVERY_BEHAVIOR_SCHEMA } from './behaviorSchemas';
import { bool, int, jsonText, nodeRef, obj, oneOfValues, str, type JsonSchema } from './jsonSchema';
import { RETRY_POLICY_SCHEMA } from './nodeSchemas';

const none = (what: string): JsonSchema => obj(`${what} It has no properties.`, {});

const ruleTarget = obj('A target of an EventBridge rule (AWS::Events::Rule Target).', {
  Id: str('Target id, unique within the rule; defaults to the edge id.', {
    min: 1, max: 64, pattern: '^[.\\-_A-Za-z0-9]+$', hint: '1-64 letters, digits, dots, hyphens or underscores',
  }),
  RetryPolicy: RETRY_POLICY_SCHEMA,
  DeadLetterConfig: obj('Where an event goes when retries run out; without it the event is dropped.', {
    Arn: nodeRef('An SQS standard queue node (FIFO is not allowed).', ['sqsQueue'], 'never'),
  }, { def: false }),
  Input: jsonText('Constant JSON sent instead of the event. At most one of Input, InputPath, InputTransformer.', 8192),
  InputPath: str('JSON path of the part of the event to send, e.g. $.detail.', { min: 1, max: 256, pattern: '^\\$', hint: 'a JSON path starting with $' }),
  InputTransformer: obj('Build the input from parts of the event.', {
    InputPathsMap: {
      type: 'object',
      default: {},
      maxProperties: 100,
      propertyNames: { pattern: '^[A-Za-z0-9_-]+$' },
      additionalProperties: str('JSON path of the variable.', { min: 1, max: 256, pattern: '^\\$', hint: 'a JSON path starting with $' }),
      description: 'Variable name -> JSON path of the event, at most 100 variables.',
    },
    InputTemplate: str('Text or JSON with <variable> placeholders.', { min: 1, max: 8192 }),
  }, { def: false }),
  SqsParameters: obj('FIFO queue targets: the message group.', {
    MessageGroupId: str('MessageGroupId of the messages sent to the FIFO queue.', { min: 1, max: 128 }),
  }, { def: false }),
  KinesisParameters: obj('Kinesis targets: the partition key.', {
    PartitionKeyPath: str('JSON path of the partition key; absent = the event id.', { min: 1, max: 256, pattern: '^\\$', hint: 'a JSON path starting with $' }),
  }, { def: false }),
}, { optional: ['DeadLetterConfig', 'Input', 'InputPath', 'InputTransformer', 'SqsParameters', 'KinesisParameters'] });

const eventSourceMapping = obj('A Lambda event source mapping: Lambda polls the queue or stream and invokes the function with batches.', {
  Enabled: bool(true, 'A disabled mapping does not poll.'),
  BatchSize: int(1, 10000, 10, undefined, 'Records per batch: SQS default 10 (FIFO at most 10); streams default 100.', { 'x-streamDefault': 100 }),
  MaximumBatchingWindowInSeconds: int(0, 300, 0, 'seconds', 'How long to gather a batch before invoking (not for FIFO queues).'),
  FunctionResponseTypes: {
    type: 'array',
    items: oneOfValues(['ReportBatchItemFailures'], undefined, 'Partial batch responses.'),
    maxItems: 1,
    uniqueItems: true,
    default: [],
    description: 'ReportBatchItemFailures: the function reports failed items, so the others are not retried.',
  },
  FilterCriteria: obj('Only records matching one of the patterns invoke the function; others are deleted (SQS) or skipped (streams).', {
    Filters: {
      type: 'array',
      maxItems: 5,
      default: [],
      items: obj('One filter.', { Pattern: jsonText('Event pattern (JSON) on the record.', 4096) }, { def: false }),
      description: 'Up to 5 patterns, ORed; empty = every record passes.',
    },
  }),
  ScalingConfig: obj('SQS only: cap on concurrent invocations of this mapping.', {
    MaximumConcurrency: int(2, 1000, undefined, undefined, 'At most this many concurrent batches (2-1000).'),
  }, { def: false }),
  StartingPosition: oneOfValues(['TRIM_HORIZON', 'LATEST'], undefined, 'Streams only: read from the oldest record or only new ones. Required by AWS; the simulator defaults to TRIM_HORIZON.', { 'x-streamDefault': 'TRIM_HORIZON' }),
  ParallelizationFactor: int(1, 10, undefined, undefined, 'Streams only: concurrent batches per shard, keeping order per partition key.', { 'x-streamDefault': 1 }),
  MaximumRetryAttempts: int(-1, 10000, undefined, undefined, 'Streams only: retries of a failing batch; -1 = until the record expires.', { 'x-streamDefault': -1 }),
  MaximumRecordAgeInSeconds: int(-1, 604800, undefined, 'seconds', 'Streams only: skip records older than this; -1 = never, else 60-604800.', { 'x-streamDefault': -1 }),
  BisectBatchOnFunctionError: bool(undefined, 'Streams only: split a failing batch in two and retry each half.', { 'x-streamDefault': false }),
  DestinationConfig: obj('Streams only: where metadata of discarded batches goes.', {
    OnFailure: obj('On-failure destination.', { Destination: nodeRef('An SQS standard queue or SNS standard topic node.', ['sqsQueue', 'snsTopic'], 'never') }, { def: false }),
  }, { optional: ['OnFailure'], def: false }),
}, {
  optional: ['ScalingConfig', 'StartingPosition', 'ParallelizationFactor', 'MaximumRetryAttempts', 'MaximumRecordAgeInSeconds', 'BisectBatchOnFunctionError', 'DestinationConfig'],
});

const subscription = obj('An SNS subscription of a queue or function to a topic.', {
  Protocol: oneOfValues(['sqs', 'lambda'], 'sqs', 'Delivery protocol; always the subscriber kind (sqs for a queue, lambda for a function).'),
  FilterPolicy: jsonText('Filter policy (JSON); empty = every message.', 65536, ''),
  FilterPolicyScope: oneOfValues(['MessageAttributes', 'MessageBody'], 'MessageAttributes', 'Match the policy against message attributes (flat policy) or the JSON body.'),
  RawMessageDelivery: bool(false, 'SQS: deliver only the message, without the SNS JSON envelope.'),
  RedrivePolicy: obj('Subscription DLQ for messages SNS could not deliver.', {
    deadLetterTargetArn: nodeRef('An SQS queue node of the topic\'s type (FIFO topic: FIFO queue).', ['sqsQueue'], 'sameAsOwner'),
  }, { def: false }),
}, { optional: ['RedrivePolicy'] });

const destination = obj('A Lambda async-invocation destination.', {
  Condition: oneOfValues(['OnSuccess', 'OnFailure'], 'OnFailure', 'Send the invocation record on success, or when retries or event age run out.'),
});

const redrive = obj('The queue\'s RedrivePolicy: after maxReceiveCount receives a message moves to this DLQ.', {
  maxReceiveCount: int(1, 1000, 10, undefined, 'Receives before a message moves to the DLQ. Required by AWS; 10 is the console default.'),
});

/** The `props` schema of each edge kind. */
export const EDGE_PROPS_SCHEMAS: Record<EdgeKind, JsonSchema> = {
  publish: none('A producer sends to a bus, queue, topic or stream.'),
  busRule: none('A rule belongs to this bus.'),
  ruleTarget,
  eventSourceMapping,
  subscription,
  destination,
  redrive,
  pipeSource: none('The pipe reads from this queue or stream.'),
  pipeTarget: none('The pipe sends to this target.'),
  scheduleTarget: none('The schedule invokes this target.'),
  archiveOf: none('The archive keeps events of this bus.'),
};

/** The `behavior` schema of the edge kinds that have one. */
export const EDGE_BEHAVIOR_SCHEMAS: Partial<Record<EdgeKind, JsonSchema>> = {
  ruleTarget: DELIVERY_BEHAVIOR_SCHEMA,
  scheduleTarget: DELIVERY_BEHAVIOR_SCHEMA,
  subscription: DELIVERY_BEHAVIOR_SCHEMA,
};
