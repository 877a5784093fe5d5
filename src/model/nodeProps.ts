/**
 * AWS properties per node kind (CloudFormation names), part of the scenario types: import them
 * from `types.ts`, which re-exports this file. Bounds and defaults live in the schema.
 */
import type { NodeId } from './types';

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
  /** FIFO only: Topic (default; dedup across the topic) or MessageGroup (dedup per group). */
  FifoThroughputScope?: 'Topic' | 'MessageGroup';
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
  /** Legacy async-invocation DLQ: an SQS standard queue or SNS standard topic node id. */
  DeadLetterConfig?: { TargetArn: NodeId };
}

export interface PipeProps {
  Name: string;
  /** JSON text of the filter pattern; empty = everything passes. */
  FilterPattern: string;
  /** SQS sources 1..10000 (default 10); stream sources 1..10000 (default 100). */
  BatchSize: number;
  /** Seconds, 0..300, default 0. */
  MaximumBatchingWindowInSeconds: number;
}

export interface ScheduleProps {
  Name: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone: string;
  FlexibleTimeWindow: { Mode: 'OFF' | 'FLEXIBLE'; MaximumWindowInMinutes?: number };
  RetryPolicy: { MaximumRetryAttempts: number; MaximumEventAgeInSeconds: number };
  /** JSON text sent as the target input. */
  Input: string;
  /** The DLQ's node id (an SQS standard queue); absent = no DLQ. */
  DeadLetterConfig?: { Arn: NodeId };
}

export interface ArchiveProps {
  ArchiveName: string;
  /** JSON text; empty archives every event. */
  EventPattern: string;
  /** Days; 0 = indefinitely. */
  RetentionDays: number;
}
