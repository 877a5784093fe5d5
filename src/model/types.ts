/**
 * The scenario document, version 1.
 *
 * AWS properties use CloudFormation's property names (so the UI, the JSON and a later
 * CloudFormation export read alike) and live in `props`. Simulation behaviour that AWS has no
 * property for (rates, failure injection, latency) lives apart, in `behavior`.
 * References to other resources (a DLQ, a destination) hold the other node's id where
 * CloudFormation would hold an ARN.
 *
 * Validation bounds and defaults are in `scenarioSchema.ts`, the single source of validation.
 */

/** A node id: unique within a scenario, `[A-Za-z0-9_-]{1,64}`. */
export type NodeId = string;
/** An edge id: unique within a scenario. */
export type EdgeId = string;

/** Current scenario format version. */
export const SCENARIO_VERSION = 1 as const;
/** Marker of the document format. */
export const SCENARIO_FORMAT = 'evsim-scenario' as const;

export const NODE_KINDS = [
  'producer',
  'eventBus',
  'rule',
  'sqsQueue',
  'snsTopic',
  'kinesisStream',
  'lambdaFunction',
  'pipe',
  'schedule',
  'archive',
] as const;
/** Every kind of node a user can draw. */
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = [
  'publish',
  'busRule',
  'ruleTarget',
  'eventSourceMapping',
  'subscription',
  'destination',
  'redrive',
  'pipeSource',
  'pipeTarget',
  'scheduleTarget',
  'archiveOf',
] as const;
/** Every kind of connection. */
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** Canvas position in flow coordinates. */
export interface Position {
  x: number;
  y: number;
}

// ---------------------------------------------------------------- simulation behaviour

/** Distribution of a consumer's processing time, in milliseconds. */
export interface LatencyModel {
  distribution: 'fixed' | 'uniform' | 'normal' | 'lognormal';
  /** Mean (fixed: the value; uniform: centre of [min, max]). */
  meanMs: number;
  /** Spread: uniform half-width, normal standard deviation, lognormal sigma (x1000). */
  spreadMs: number;
}

/** How a consumer (Lambda function) behaves when invoked. */
export interface ConsumerBehavior {
  latency: LatencyModel;
  /** Probability, 0..1, that one invocation (or one batch item) fails. */
  failureRate: number;
  /** Event pattern (JSON text): matching events always fail. Empty: none. */
  failWhen: string;
  /** Probability, 0..1, that an invocation runs past the function's Timeout. */
  timeoutRate: number;
  /** Probability, 0..1, that an invocation is throttled (429) before it runs. */
  throttleRate: number;
  /** Idempotency: when on, duplicates of an already processed key do no side effect. */
  idempotency: { enabled: boolean; keyPath: string };
  /** Probability, 0..1, that a batch response is malformed (fails the whole batch). */
  malformedResponseRate: number;
}

/** One event a producer emits, PutEvents-style. */
export interface EventTemplate {
  Source: string;
  DetailType: string;
  /** JSON object; string values may hold `{{seq}}` and `{{rand:a-b}}` placeholders. */
  Detail: Record<string, unknown>;
  /** For SQS/SNS/Kinesis targets: group id, partition key templates. */
  MessageGroupId?: string;
  PartitionKey?: string;
}

/** How a producer emits events. */
export interface ProducerBehavior {
  mode: 'rate' | 'list';
  /** Events per second in `rate` mode. */
  ratePerSecond: number;
  /** How many events in `rate` mode. */
  count: number;
  /** Start offset, ms of simulated time. */
  startMs: number;
  /** Each send is moved by a random amount in [0, jitterMs]. */
  jitterMs: number;
  /** The event template (rate mode) or the first template. */
  template: EventTemplate;
  /** Explicit list (list mode): each entry sent at its `atMs`. */
  events: Array<EventTemplate & { atMs: number }>;
}

/** SQS standard queue imperfections, seeded. */
export interface QueueBehavior {
  /** Probability, 0..1, that a receive also hands out a duplicate copy (standard only). */
  duplicateRate: number;
  /** Probability, 0..1, that a receive skips the oldest visible message (standard only). */
  reorderRate: number;
}

// ---------------------------------------------------------------- AWS properties per node kind

export interface ProducerProps {
  /** Display name only. */
  Name: string;
}

export interface EventBusProps {
  Name: string;
  /** default, custom, or partner (partner needs EventSourceName). */
  BusType: 'default' | 'custom' | 'partner';
  EventSourceName?: string;
}

export interface RuleProps {
  Name: string;
  State: 'ENABLED' | 'DISABLED';
  /** JSON text of the event pattern; empty when ScheduleExpression is set. */
  EventPattern: string;
  /** `rate(...)` or `cron(...)`; empty when EventPattern is set. */
  ScheduleExpression: string;
  Description?: string;
}

export interface SqsQueueProps {
  QueueName: string;
  FifoQueue: boolean;
  ContentBasedDeduplication: boolean;
  /** Seconds, 0..43200, default 30. */
  VisibilityTimeout: number;
  /** Seconds, 60..1209600, default 345600 (4 days). */
  MessageRetentionPeriod: number;
  /** Seconds, 0..900, default 0. */
  DelaySeconds: number;
  /** Seconds, 0..20, default 0. */
  ReceiveMessageWaitTimeSeconds: number;
  /** Bytes, 1024..1048576, default 1048576. */
  MaximumMessageSize: number;
}

export interface SnsTopicProps {
  TopicName: string;
  FifoTopic: boolean;
  ContentBasedDeduplication: boolean;
}

export interface KinesisStreamProps {
  Name: string;
  /** kinesis or a DynamoDB stream (ordering per item key). */
  StreamType: 'kinesis' | 'dynamodb';
  ShardCount: number;
  /** Hours, 24..8760, default 24. */
  RetentionPeriodHours: number;
}

export interface LambdaFunctionProps {
  FunctionName: string;
  /** Seconds, 1..900, default 3. */
  Timeout: number;
  /** MB, 128..10240, default 128. */
  MemorySize: number;
  /** 0..account limit; absent = unreserved. */
  ReservedConcurrentExecutions?: number;
  /** Asynchronous invocation config (AWS::Lambda::EventInvokeConfig). */
  EventInvokeConfig: {
    /** 0..2, default 2. */
    MaximumRetryAttempts: number;
    /** Seconds, 60..21600, default 21600. */
    MaximumEventAgeInSeconds: number;
  };
}

export interface PipeProps {
  Name: string;
  /** JSON text of the filter pattern; empty = everything passes. */
  FilterPattern: string;
  BatchSize: number;
}

export interface ScheduleProps {
  Name: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone: string;
  FlexibleTimeWindow: { Mode: 'OFF' | 'FLEXIBLE'; MaximumWindowInMinutes?: number };
  RetryPolicy: { MaximumRetryAttempts: number; MaximumEventAgeInSeconds: number };
  /** JSON text sent as the target input. */
  Input: string;
}

export interface ArchiveProps {
  ArchiveName: string;
  /** JSON text; empty archives every event. */
  EventPattern: string;
  /** Days; 0 = indefinitely. */
  RetentionDays: number;
}

/** Props, behaviour per node kind. */
export interface NodeKindMap {
  producer: { props: ProducerProps; behavior: ProducerBehavior };
  eventBus: { props: EventBusProps; behavior?: undefined };
  rule: { props: RuleProps; behavior?: undefined };
  sqsQueue: { props: SqsQueueProps; behavior: QueueBehavior };
  snsTopic: { props: SnsTopicProps; behavior?: undefined };
  kinesisStream: { props: KinesisStreamProps; behavior?: undefined };
  lambdaFunction: { props: LambdaFunctionProps; behavior: ConsumerBehavior };
  pipe: { props: PipeProps; behavior?: undefined };
  schedule: { props: ScheduleProps; behavior?: undefined };
  archive: { props: ArchiveProps; behavior?: undefined };
}

/** A node of a given kind. */
export type NodeOf<K extends NodeKind> = {
  id: NodeId;
  kind: K;
  position: Position;
} & NodeKindMap[K];

/** Any node. */
export type ScenarioNode = { [K in NodeKind]: NodeOf<K> }[NodeKind];

// ---------------------------------------------------------------- edges

export interface RetryPolicy {
  /** 0..185, default 185. */
  MaximumRetryAttempts: number;
  /** Seconds, 60..86400, default 86400. */
  MaximumEventAgeInSeconds: number;
}

export interface InputTransformer {
  /** Variable name -> JSON path, at most 100 entries. */
  InputPathsMap: Record<string, string>;
  InputTemplate: string;
}

export interface RuleTargetProps {
  /** Target Id within the rule, 1..64 chars. */
  Id: string;
  RetryPolicy: RetryPolicy;
  /** The DLQ's node id (an SQS standard queue); absent = no DLQ. */
  DeadLetterConfig?: { Arn: NodeId };
  /** At most one of Input, InputPath, InputTransformer. */
  Input?: string;
  InputPath?: string;
  InputTransformer?: InputTransformer;
  /** For FIFO queue targets. */
  SqsParameters?: { MessageGroupId: string };
}

export interface EventSourceMappingProps {
  Enabled: boolean;
  /** SQS 1..10000 (default 10); streams 1..10000 (default 100). */
  BatchSize: number;
  /** Seconds, 0..300, default 0. */
  MaximumBatchingWindowInSeconds: number;
  /** [] or ['ReportBatchItemFailures']. */
  FunctionResponseTypes: Array<'ReportBatchItemFailures'>;
  /** Event filter patterns (JSON text each); empty = everything passes. */
  FilterCriteria: { Filters: Array<{ Pattern: string }> };
  /** SQS: 2..1000; absent = no cap. */
  ScalingConfig?: { MaximumConcurrency: number };
  // Stream-only settings (ignored for SQS):
  StartingPosition?: 'TRIM_HORIZON' | 'LATEST';
  /** 1..10, default 1. */
  ParallelizationFactor?: number;
  /** -1 (infinite) or 0..10000, default -1. */
  MaximumRetryAttempts?: number;
  /** -1 (infinite) or 60..604800, default -1. */
  MaximumRecordAgeInSeconds?: number;
  BisectBatchOnFunctionError?: boolean;
  /** OnFailure destination node id (SQS queue or SNS topic). */
  DestinationConfig?: { OnFailure?: { Destination: NodeId } };
}

export interface SubscriptionProps {
  Protocol: 'sqs' | 'lambda' | 'http' | 'https' | 'email';
  /** JSON text; empty = every message. */
  FilterPolicy: string;
  FilterPolicyScope: 'MessageAttributes' | 'MessageBody';
  RawMessageDelivery: boolean;
  /** Subscription DLQ node id (SQS queue). */
  RedrivePolicy?: { deadLetterTargetArn: NodeId };
}

export interface DestinationProps {
  Condition: 'OnSuccess' | 'OnFailure';
}

export interface RedriveProps {
  /** 1..1000, default 10 in the console (required in the API). */
  maxReceiveCount: number;
}

/** Props per edge kind. */
export interface EdgeKindMap {
  publish: Record<string, never>;
  busRule: Record<string, never>;
  ruleTarget: RuleTargetProps;
  eventSourceMapping: EventSourceMappingProps;
  subscription: SubscriptionProps;
  destination: DestinationProps;
  redrive: RedriveProps;
  pipeSource: Record<string, never>;
  pipeTarget: Record<string, never>;
  scheduleTarget: Record<string, never>;
  archiveOf: Record<string, never>;
}

/** An edge of a given kind, from `source` to `target` node. */
export type EdgeOf<K extends EdgeKind> = {
  id: EdgeId;
  kind: K;
  source: NodeId;
  target: NodeId;
  props: EdgeKindMap[K];
};

/** Any edge. */
export type ScenarioEdge = { [K in EdgeKind]: EdgeOf<K> }[EdgeKind];

// ---------------------------------------------------------------- document

export interface SimulationSettings {
  /** Seed of every random stream, 0..2^32-1. */
  seed: number;
  /** Default run length, ms of simulated time. */
  durationMs: number;
  /** Simulated account-level Lambda concurrency, default 1000. */
  accountConcurrency: number;
  /** Stop a run after this many engine events (runaway loops). */
  eventBudget: number;
}

/** The scenario document. */
export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  version: typeof SCENARIO_VERSION;
  name: string;
  description: string;
  settings: SimulationSettings;
  nodes: ScenarioNode[];
  edges: ScenarioEdge[];
}
