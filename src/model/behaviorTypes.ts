/**
 * Simulation behaviour of nodes (what AWS has no property for), part of the scenario types:
 * import them from `types.ts`, which re-exports this file.
 */

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
  /**
   * Event pattern (JSON text): matching items always fail. Empty: none. Matched against the
   * payload the function handles per item: the event of an async invoke, the JSON-parsed
   * message body or record data of a batch item.
   */
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
  /**
   * JSON object; string values may hold `{{seq}}` (1, 2, ...) and `{{rand:a-b}}` (a seeded
   * integer in [a, b]) placeholders. A string that is exactly one placeholder becomes a number;
   * a placeholder inside longer text is replaced by its digits.
   */
  Detail: Record<string, unknown>;
  /** For SQS/SNS/Kinesis targets: group id, partition key templates. */
  MessageGroupId?: string;
  PartitionKey?: string;
  /**
   * SNS message attributes (at most 10), for attribute-scope filter policies and raw delivery:
   * text → String, number → Number, array → String.Array. Values may hold placeholders.
   */
  MessageAttributes?: Record<string, unknown>;
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

/** One replay of an archive (EventBridge StartReplay), run during the simulation. */
export interface ArchiveReplay {
  /** 1-64 characters from [.\-_A-Za-z0-9]; replayed events carry it as `replay-name`. */
  ReplayName: string;
  /** Start of the window of event times to replay, ms of simulated time (inclusive). */
  EventStartTime: number;
  /** End of the window, ms of simulated time (exclusive). */
  EventEndTime: number;
  /** When the replay starts, ms of simulated time. */
  startAtMs: number;
  /** Destination.FilterArns: ids of the bus's rules that see the replay; empty = all rules. */
  FilterArns: string[];
}

/** What an archive does during a run (simulator-only): the replays started from it. */
export interface ArchiveBehavior {
  replays: ArchiveReplay[];
}
