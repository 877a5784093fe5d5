/**
 * Simulation behaviour: what AWS has no property for (producer rates, failure injection,
 * latency). Every field here is a simulator choice, marked `x-simulator`.
 */
import type { NodeKind } from '../types';
import { bool, int, jsonText, num, obj, oneOfValues, prob, str, type JsonSchema } from './jsonSchema';

const SIM = { 'x-simulator': true } as const;
const DAY30_MS = 30 * 24 * 3600 * 1000;

const templateProps: Record<string, JsonSchema> = {
  Source: str('The event source, reverse-DNS style; "aws." is reserved for AWS services.', {
    def: 'com.example.orders', min: 1, max: 256, pattern: '^(?!aws\\.)', hint: 'any text not starting with "aws."',
  }),
  DetailType: str('The detail-type; with Source it names the shape of Detail.', { def: 'OrderPlaced', min: 1, max: 256 }),
  Detail: {
    type: 'object',
    default: {},
    description: 'The event detail (JSON object); strings may hold {{seq}} and {{rand:a-b}}; a string that is only a placeholder becomes a number.',
  },
  MessageGroupId: str('Message group id template, required by FIFO queues and topics; may hold placeholders.', { min: 1, max: 128 }),
  PartitionKey: str('Kinesis partition key template; may hold placeholders. Absent = the event id.', { min: 1, max: 256 }),
  MessageAttributes: {
    type: 'object',
    maxProperties: 10,
    propertyNames: { pattern: '^[A-Za-z0-9_.-]{1,256}$' },
    description: 'SNS message attributes (at most 10) for filter policies and raw delivery: text is a String, a number a Number, an array a String.Array; may hold placeholders.',
  },
};
const OPTIONAL_TEMPLATE = ['MessageGroupId', 'PartitionKey', 'MessageAttributes'];

const eventTemplate = obj('One event the producer sends, PutEvents-style.', templateProps, { optional: OPTIONAL_TEMPLATE, ...SIM });

const listedEvent = obj('An event sent at a given simulated time (list mode).', {
  ...templateProps,
  atMs: int(0, DAY30_MS, 0, 'milliseconds', 'When to send it, ms of simulated time.'),
}, { optional: OPTIONAL_TEMPLATE, def: false });

const producer = obj('How the producer emits events (simulator-only).', {
  mode: oneOfValues(['rate', 'list'], 'rate', 'rate: `count` events at `ratePerSecond`; list: the events of `events`, each at its time.'),
  ratePerSecond: num(0.001, 10000, 1, 'events per second', 'Send rate in rate mode.'),
  count: int(0, 1000000, 10, undefined, 'How many events to send in rate mode.'),
  startMs: int(0, DAY30_MS, 0, 'milliseconds', 'When the first event is sent.'),
  jitterMs: int(0, 3600000, 0, 'milliseconds', 'Each send is moved later by a seeded random amount up to this.'),
  template: eventTemplate,
  events: { type: 'array', items: listedEvent, maxItems: 10000, default: [], description: 'List mode: the events and their send times.' },
}, SIM);

const consumer = obj('How the function behaves when invoked (simulator-only).', {
  latency: obj('Processing time of one invocation.', {
    distribution: oneOfValues(['fixed', 'uniform', 'normal', 'lognormal'], 'normal', 'Shape of the processing-time distribution.'),
    meanMs: int(0, 900000, 100, 'milliseconds', 'Mean processing time (fixed: the value).'),
    spreadMs: int(0, 900000, 20, 'milliseconds', 'uniform: half-width; normal: standard deviation; lognormal: sigma x 1000.'),
  }, SIM),
  failureRate: prob('Chance that one invocation (or one batch item) throws an error.'),
  failWhen: jsonText('Event pattern (JSON): items matching it always fail, e.g. a poison message. Empty: none.', 4096, ''),
  timeoutRate: prob('Chance that one invocation runs past the function Timeout.'),
  throttleRate: prob('Chance that one invocation is throttled (429) before it runs.'),
  idempotency: obj('When on, a repeated idempotency key has no second side effect.', {
    enabled: bool(false, 'Deduplicate side effects by the key below.'),
    keyPath: str('JSON path of the idempotency key in the payload.', { def: '$.id', min: 1, max: 256, pattern: '^\\$', hint: 'a JSON path starting with $, e.g. $.id' }),
  }, SIM),
  malformedResponseRate: prob('Chance that a partial-batch response is malformed, which fails the whole batch.'),
}, SIM);

const queue = obj('Imperfections of an SQS standard queue (simulator-only, seeded).', {
  duplicateRate: prob('Chance that a receive also hands out a duplicate copy (standard queues only).'),
  reorderRate: prob('Chance that a receive skips the oldest visible message (standard queues only).'),
}, SIM);

const replay = obj('A replay of this archive (EventBridge StartReplay) during the run.', {
  ReplayName: str('Replay name; replayed events carry it as "replay-name".', { def: 'replay-1', min: 1, max: 64, pattern: '^[.\\-_A-Za-z0-9]+$', hint: '1-64 letters, digits, dots, hyphens or underscores' }),
  EventStartTime: int(0, DAY30_MS, 0, 'milliseconds', 'Replay events whose time is at or after this (ms of simulated time).'),
  EventEndTime: int(0, DAY30_MS, 600000, 'milliseconds', 'Replay events whose time is before this (ms of simulated time).'),
  startAtMs: int(0, DAY30_MS, 900000, 'milliseconds', 'When the replay starts (ms of simulated time); events archived later are not in it.'),
  FilterArns: { type: 'array', items: str('A rule of the bus, by node id.', { min: 1, max: 64 }), maxItems: 100, default: [], description: 'Destination.FilterArns: the rules (node ids) that see replayed events; empty = every rule on the bus.' },
}, { def: false, ...SIM });

const archive = obj('Replays of the archive (simulator-only: when each starts and what it covers).', {
  replays: { type: 'array', items: replay, maxItems: 10, default: [], description: 'Replays started during the run (at most 10 active at once per account).' },
}, SIM);

/** The `behavior` schema of the node kinds that have one. */
export const NODE_BEHAVIOR_SCHEMAS: Partial<Record<NodeKind, JsonSchema>> = {
  producer,
  sqsQueue: queue,
  lambdaFunction: consumer,
  archive,
};

/** Simulated failures of a delivery hop (rule target, schedule target, SNS subscription). */
export const DELIVERY_BEHAVIOR_SCHEMA = obj('Simulated failures of this delivery hop (simulator-only).', {
  failureRate: prob('Chance that one delivery attempt fails.'),
  errorCode: oneOfValues(
    ['THROTTLING', 'TIMEOUT', 'INTERNAL_ERROR', 'NO_PERMISSIONS', 'NO_RESOURCE'],
    'THROTTLING',
    'Error of a failed attempt: THROTTLING, TIMEOUT, INTERNAL_ERROR are retried; NO_PERMISSIONS, NO_RESOURCE are not.',
  ),
}, SIM);
