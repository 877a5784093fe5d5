/**
 * AWS properties per node kind, with CloudFormation's names, AWS's defaults and bounds
 * (docs/aws-semantics.md sections 1-5). Simulator-only choices say so in their description.
 */
import type { NodeKind } from '../types';
import { bool, int, jsonText, nodeRef, obj, oneOfValues, str, type JsonSchema } from './jsonSchema';

const NAME_CHARS = 'letters, digits, hyphens or underscores';
const RATE = 'rate\\(\\d+ (minute|minutes|hour|hours|day|days)\\)';
const CRON = 'cron\\(\\S+( \\S+){5}\\)';
const AT = 'at\\(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\)';

const retryPolicy = (what: string): JsonSchema =>
  obj(`How ${what} retries a failed delivery; it stops at whichever limit comes first.`, {
    MaximumRetryAttempts: int(0, 185, 185, undefined, 'Retries after the first attempt (0-185, default 185).'),
    MaximumEventAgeInSeconds: int(60, 86400, 86400, 'seconds', 'Give up on an event older than this (1 minute to 24 hours).'),
  });

const producer = obj('A simulated client that sends events (simulator-only: AWS has no such resource).', {
  Name: str('Display name; defaults to the node id.', { min: 1, max: 128 }),
});

const eventBus = obj('An EventBridge event bus (classic).', {
  Name: str('Bus name; "default" for the default bus, the partner event source name for a partner bus; otherwise defaults to the node id.', {
    min: 1, max: 256, pattern: '^[/.\\-_A-Za-z0-9]+$', hint: `1-256 ${NAME_CHARS}, dots or slashes`,
  }),
  BusType: oneOfValues(['default', 'custom', 'partner'], 'custom', 'default: the one account bus for AWS events; custom: your own; partner: one SaaS partner event source.'),
  EventSourceName: str('Partner buses only: the partner event source, e.g. aws.partner/example.com/orders.', {
    max: 256, pattern: '^aws\\.partner(/[.\\-_A-Za-z0-9]+){2,}$', hint: 'aws.partner/<partner>/<source>',
  }),
}, { optional: ['EventSourceName'] });

const rule = obj('An EventBridge rule on one bus: an event pattern or a schedule, and at most 5 targets.', {
  Name: str('Rule name, unique on its bus; defaults to the node id.', { min: 1, max: 64, pattern: '^[.\\-_A-Za-z0-9]+$', hint: `1-64 ${NAME_CHARS} or dots` }),
  State: oneOfValues(['ENABLED', 'DISABLED'], 'ENABLED', 'A disabled rule matches nothing.'),
  EventPattern: jsonText('Event pattern (JSON, at most 2048 characters); empty when ScheduleExpression is set. Default matches every event.', 2048, '{"source":[{"prefix":""}]}'),
  ScheduleExpression: str('rate(...) or cron(...) in UTC, 1-minute precision; empty when EventPattern is set.', {
    def: '', max: 256, pattern: `^$|^(${RATE}|${CRON})$`, hint: 'empty, rate(5 minutes) or cron(0 10 * * ? *)',
  }),
  Description: str('Free text.', { max: 512 }),
}, { optional: ['Description'] });

const sqsQueue = obj('An Amazon SQS queue, standard or FIFO.', {
  QueueName: str('Queue name; defaults to the node id (plus .fifo for a FIFO queue).', {
    min: 1, max: 80, pattern: '^[A-Za-z0-9_-]+(\\.fifo)?$', hint: `1-80 ${NAME_CHARS}; a FIFO queue's name ends in .fifo`,
  }),
  FifoQueue: bool(false, 'FIFO: exactly-once into the queue and strict order per MessageGroupId. Fixed at creation.'),
  ContentBasedDeduplication: bool(false, 'FIFO only: deduplicate by the SHA-256 of the body when no MessageDeduplicationId is sent.'),
  VisibilityTimeout: int(0, 43200, 30, 'seconds', 'How long a received message stays hidden before it reappears for another receive.'),
  MessageRetentionPeriod: int(60, 1209600, 345600, 'seconds', 'How long the queue keeps a message (1 minute to 14 days, default 4 days).'),
  DelaySeconds: int(0, 900, 0, 'seconds', 'Delay before a new message becomes visible (up to 15 minutes).'),
  ReceiveMessageWaitTimeSeconds: int(0, 20, 0, 'seconds', 'Long-polling wait; 0 = short polling, which may miss messages.'),
  MaximumMessageSize: int(1024, 1048576, 1048576, 'bytes', 'Largest message accepted. Default 1 MiB (the 2025 limit); AWS tools disagree on the attribute default, so this is a simulator choice.'),
});

const snsTopic = obj('An Amazon SNS topic, standard or FIFO.', {
  TopicName: str('Topic name; defaults to the node id (plus .fifo for a FIFO topic).', {
    min: 1, max: 256, pattern: '^[A-Za-z0-9_-]+(\\.fifo)?$', hint: `1-256 ${NAME_CHARS}; a FIFO topic's name ends in .fifo`,
  }),
  FifoTopic: bool(false, 'FIFO: ordered per MessageGroupId, deduplicated; delivers to SQS queues only. Fixed at creation.'),
  ContentBasedDeduplication: bool(false, 'FIFO only: deduplicate by the SHA-256 of the message when no MessageDeduplicationId is sent.'),
  FifoThroughputScope: oneOfValues(['Topic', 'MessageGroup'], undefined, 'FIFO only: Topic checks duplicates across the whole topic (3,000 messages/s); MessageGroup checks them per message group. Absent = Topic.'),
}, { optional: ['FifoThroughputScope'] });

const kinesisStream = obj('A Kinesis data stream or a DynamoDB stream: ordered per shard (per item key).', {
  Name: str('Stream (or table) name; defaults to the node id.', { min: 1, max: 128, pattern: '^[a-zA-Z0-9_.-]+$', hint: `1-128 ${NAME_CHARS} or dots` }),
  StreamType: oneOfValues(['kinesis', 'dynamodb'], 'kinesis', 'kinesis: a Kinesis data stream; dynamodb: the change stream of a DynamoDB table (24-hour retention).'),
  ShardCount: int(1, 1000, 1, undefined, 'Shards (provisioned mode); each takes 1 MB/s or 1000 records/s. For DynamoDB streams AWS manages shards: simulator choice. Capped at 1000 by the simulator.'),
  RetentionPeriodHours: int(24, 8760, 24, 'hours', 'How long records stay readable (24 hours to 365 days); DynamoDB streams always keep 24 hours.'),
});

const lambdaFunction = obj('An AWS Lambda function.', {
  FunctionName: str('Function name; defaults to the node id.', { min: 1, max: 64, pattern: '^[a-zA-Z0-9_-]+$', hint: `1-64 ${NAME_CHARS}` }),
  Timeout: int(1, 900, 3, 'seconds', 'Longest one invocation may run before Lambda stops it (up to 15 minutes).'),
  MemorySize: int(128, 10240, 128, 'MB', 'Memory (and proportional CPU); informational in the simulator.'),
  ReservedConcurrentExecutions: int(0, 100000, undefined, undefined, 'Caps and guarantees concurrency; 0 throttles every invocation; absent = unreserved.'),
  EventInvokeConfig: obj('Asynchronous invocation settings (AWS::Lambda::EventInvokeConfig).', {
    MaximumRetryAttempts: int(0, 2, 2, undefined, 'Retries after a function error in an async invocation (0-2, default 2).'),
    MaximumEventAgeInSeconds: int(60, 21600, 21600, 'seconds', 'Drop an async event older than this (1 minute to 6 hours).'),
  }),
  DeadLetterConfig: obj('Legacy async DLQ for failed events; prefer an OnFailure destination.', {
    TargetArn: nodeRef('An SQS standard queue or SNS standard topic node.', ['sqsQueue', 'snsTopic'], 'never'),
  }, { def: false }),
}, { optional: ['ReservedConcurrentExecutions', 'DeadLetterConfig'] });

const pipe = obj('An EventBridge pipe: one source, an optional filter, one target.', {
  Name: str('Pipe name; defaults to the node id.', { min: 1, max: 64, pattern: '^[.\\-_A-Za-z0-9]+$', hint: `1-64 ${NAME_CHARS} or dots` }),
  FilterPattern: jsonText('Filter pattern (JSON) on source records; empty = everything passes.', 4096, ''),
  BatchSize: int(1, 10000, 10, undefined, 'Records per batch: SQS default 10, streams default 100.', { 'x-streamDefault': 100 }),
  MaximumBatchingWindowInSeconds: int(0, 300, 0, 'seconds', 'How long to gather a batch before invoking the target.'),
});

const schedule = obj('An EventBridge Scheduler schedule with one target.', {
  Name: str('Schedule name; defaults to the node id.', { min: 1, max: 64, pattern: '^[0-9a-zA-Z_.-]+$', hint: `1-64 ${NAME_CHARS} or dots` }),
  ScheduleExpression: str('rate(...), cron(...) or at(yyyy-mm-ddThh:mm:ss).', {
    def: 'rate(5 minutes)', min: 1, max: 256, pattern: `^(${RATE}|${CRON}|${AT})$`, hint: 'rate(5 minutes), cron(0 10 * * ? *) or at(2030-01-01T09:00:00)',
  }),
  ScheduleExpressionTimezone: str('IANA time zone for cron and at expressions.', { def: 'UTC', min: 1, max: 50, pattern: '^[A-Za-z0-9_+\\-/]+$', hint: 'an IANA name such as UTC or Europe/Paris' }),
  FlexibleTimeWindow: obj('Spread invocations over a window after the scheduled time.', {
    Mode: oneOfValues(['OFF', 'FLEXIBLE'], 'OFF', 'OFF: invoke at the scheduled time; FLEXIBLE: anywhere in the window.'),
    MaximumWindowInMinutes: int(1, 1440, undefined, 'minutes', 'FLEXIBLE only: the window length (1-1440 minutes).'),
  }, { optional: ['MaximumWindowInMinutes'] }),
  RetryPolicy: retryPolicy('Scheduler'),
  Input: jsonText('JSON text the target receives as-is.', 8192, '{}'),
  DeadLetterConfig: obj('Where an invocation goes when retries run out.', {
    Arn: nodeRef('An SQS standard queue node (FIFO is not allowed).', ['sqsQueue'], 'never'),
  }, { def: false }),
}, { optional: ['DeadLetterConfig'] });

const archive = obj('An EventBridge archive of one bus.', {
  ArchiveName: str('Archive name; defaults to the node id.', { min: 1, max: 48, pattern: '^[.\\-_A-Za-z0-9]+$', hint: `1-48 ${NAME_CHARS} or dots` }),
  EventPattern: jsonText('Event pattern (JSON) of the events to keep; empty archives every event.', 2048, ''),
  RetentionDays: int(0, 36500, 0, 'days', '0 keeps events indefinitely. AWS documents no maximum; the simulator caps at 36500.'),
});

/** The `props` schema of each node kind. */
export const NODE_PROPS_SCHEMAS: Record<NodeKind, JsonSchema> = {
  producer, eventBus, rule, sqsQueue, snsTopic, kinesisStream, lambdaFunction, pipe, schedule, archive,
};

/** Shared with edge schemas: a target's retry policy. */
export const RETRY_POLICY_SCHEMA = retryPolicy('EventBridge');
