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

export type * from './behaviorTypes';
import type { ArchiveBehavior, ConsumerBehavior, ProducerBehavior, QueueBehavior } from './behaviorTypes';

// ---------------------------------------------------------------- AWS properties per node kind

export type * from './nodeProps';
import type {
  ProducerProps,
  EventBusProps,
  RuleProps,
  SqsQueueProps,
  SnsTopicProps,
  KinesisStreamProps,
  LambdaFunctionProps,
  PipeProps,
  ScheduleProps,
  ArchiveProps,
} from './nodeProps';

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
  archive: { props: ArchiveProps; behavior: ArchiveBehavior };
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
  /** For Kinesis targets: JSON path of the partition key; absent = the event id. */
  KinesisParameters?: { PartitionKeyPath: string };
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
  /** Always the target node's protocol (sqs or lambda): those are the subscriber kinds drawn. */
  Protocol: 'sqs' | 'lambda';
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

/**
 * Simulated failures of one delivery hop (EventBridge or Scheduler to a target, SNS to a
 * subscriber), which AWS has no property for. The target's own behaviour (a Lambda's
 * failureRate) is separate: that fails after the hop has delivered.
 */
export interface DeliveryBehavior {
  /** Probability, 0..1, that one delivery attempt fails. */
  failureRate: number;
  /**
   * Error of a failed attempt. THROTTLING, TIMEOUT and INTERNAL_ERROR are retried;
   * NO_PERMISSIONS and NO_RESOURCE go to the DLQ (or are dropped) without retries.
   */
  errorCode: 'THROTTLING' | 'TIMEOUT' | 'INTERNAL_ERROR' | 'NO_PERMISSIONS' | 'NO_RESOURCE';
}

/** Behaviour per edge kind: only delivery hops have one. */
export type EdgeBehaviorMap = {
  [K in EdgeKind]: K extends 'ruleTarget' | 'scheduleTarget' | 'subscription'
    ? { behavior: DeliveryBehavior }
    : { behavior?: undefined };
};

/** An edge of a given kind, from `source` to `target` node. */
export type EdgeOf<K extends EdgeKind> = {
  id: EdgeId;
  kind: K;
  source: NodeId;
  target: NodeId;
  props: EdgeKindMap[K];
} & EdgeBehaviorMap[K];

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
