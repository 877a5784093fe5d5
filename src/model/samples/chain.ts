/**
 * Chained envelopes: the payload at each hop of a flow, e.g. an S3 event inside an EventBridge
 * event inside an SQS body inside a Lambda batch. Input transformers are out of scope (the engine
 * owns transforms): every hop wraps what it is given, unchanged.
 */
import { assertNever, err, ok, type Result } from '../../shared/result';
import { toBusEvent } from './busHop';
import { isEventBridgeEvent } from './eventbridge';
import { idSource, isAccount, isRegion, parseIsoTime, type IdSource } from './ids';
import { functionRoleArn, kinesisRecord, lambdaKinesisRecord, streamArn, type KinesisApiRecord } from './kinesis';
import { snsAttributes, snsAttributesToSqs, snsJsonEnvelope, snsLambdaRecord, snsNotification, topicArn } from './sns';
import { lambdaSqsRecord, queueArn, sqsMessage, type SqsMessage } from './sqs';
import { SampleParamError, type SampleParamProblem } from './types';

/** Resource names and ARNs on a hop; an ARN wins over a name, a missing one gets a default. */
type QueueRef = { queueName?: string; queueArn?: string };
type TopicRef = { topicName?: string; topicArn?: string; subject?: string; messageAttributes?: Record<string, unknown> };
type StreamRef = { streamName?: string; streamArn?: string; shardId?: string };

/**
 * One hop of a flow. `eventBridge`: onto a bus (a bus event passes unchanged; a PutEvents entry
 * `{Source, DetailType, Detail}` gets the envelope; an S3 notification becomes the `aws.s3` event;
 * anything else becomes the detail of a custom event). `sqsMessage`: the payload as an SQS body
 * (ReceiveMessage shape). `lambdaSqsBatch`: the Lambda SQS event (uses the previous hop's message
 * when it was `sqsMessage`/`snsToSqs`). `snsToSqs`: SNS delivery to a queue, JSON envelope or
 * `raw`. `snsToLambda`: SNS's Lambda event. `kinesisRecord` / `lambdaKinesisBatch`: likewise for a
 * stream. `lambdaAsync`: an async invoke, payload unchanged.
 */
export type Hop =
  | { kind: 'eventBridge'; busName?: string; source?: string; detailType?: string; resources?: readonly string[] }
  | ({ kind: 'sqsMessage'; messageGroupId?: string; senderId?: string } & QueueRef)
  | ({ kind: 'lambdaSqsBatch'; functionName?: string } & QueueRef)
  | ({ kind: 'snsToSqs'; raw?: boolean; senderId?: string } & TopicRef & QueueRef)
  | ({ kind: 'snsToLambda'; functionName?: string } & TopicRef)
  | ({ kind: 'kinesisRecord'; partitionKey?: string } & StreamRef)
  | ({ kind: 'lambdaKinesisBatch'; functionName?: string } & StreamRef)
  | { kind: 'lambdaAsync'; functionName?: string };

/** Kinds of {@link Hop}. */
export type HopKind = Hop['kind'];

/** Where and when the flow runs; every field has a default. */
export interface ChainContext {
  /** Default `us-east-1`. */
  region?: string;
  /** Default `123456789012`. */
  account?: string;
  /** ISO-8601 time of the first hop; default `2025-01-01T12:00:00.000Z`. */
  time?: string;
  /** Simulated time between hops, ms (0..86,400,000); default 1000. */
  stepMs?: number;
  /** Seed of every id (message ids, receipt handles, signatures); default 1. */
  seed?: number | string;
}

/** The payload at one hop. */
export interface ChainStep {
  hop: Hop;
  label: string;
  payload: unknown;
}

interface Env {
  region: string;
  account: string;
  ids: IdSource;
}

interface Carry {
  sqs?: { message: SqsMessage; queueName: string; queueArn: string };
  kinesis?: { record: KinesisApiRecord; streamName: string; streamArn: string; shardId?: string };
}

const lastSegment = (a: string): string => a.split(/[:/]/).pop() ?? a;
const textOf = (payload: unknown): string => (typeof payload === 'string' ? payload : payload === undefined ? '' : JSON.stringify(payload));

function queue(env: Env, ref: QueueRef): { queueName: string; queueArn: string } {
  const name = ref.queueName ?? (ref.queueArn ? lastSegment(ref.queueArn) : 'my-queue');
  return { queueName: name, queueArn: ref.queueArn ?? queueArn(env.region, env.account, name) };
}

function topic(env: Env, ref: TopicRef): { topicName: string; topicArn: string } {
  const name = ref.topicName ?? (ref.topicArn ? lastSegment(ref.topicArn) : 'my-topic');
  return { topicName: name, topicArn: ref.topicArn ?? topicArn(env.region, env.account, name) };
}

function stream(env: Env, ref: StreamRef): { streamName: string; streamArn: string } {
  const name = ref.streamName ?? (ref.streamArn ? lastSegment(ref.streamArn) : 'my-stream');
  return { streamName: name, streamArn: ref.streamArn ?? streamArn(env.region, env.account, name) };
}

function describeBusEvent(ev: unknown): string {
  return isEventBridgeEvent(ev) ? `${ev.source} / ${ev['detail-type']}` : 'event';
}

function readContext(ctx: ChainContext): Env & { t0: number; stepMs: number } {
  const region = ctx.region ?? 'us-east-1';
  const account = ctx.account ?? '123456789012';
  const time = ctx.time ?? '2025-01-01T12:00:00.000Z';
  const stepMs = ctx.stepMs ?? 1000;
  const t0 = parseIsoTime(time);
  if (!isRegion(region)) throw new SampleParamError('region', `Region must be a Region code such as us-east-1; got "${region}".`);
  if (!isAccount(account)) throw new SampleParamError('account', `Account must be a 12-digit account id; got "${account}".`);
  if (t0 === undefined) throw new SampleParamError('time', `Time must be an ISO-8601 time such as 2025-01-01T00:00:00Z; got "${time}".`);
  if (!Number.isFinite(stepMs) || stepMs < 0 || stepMs > 86_400_000) throw new SampleParamError('stepMs', `Step must be 0 to 86400000 ms; got ${stepMs}.`);
  return { region, account, ids: idSource(`chain\u0000${String(ctx.seed ?? 1)}`), t0, stepMs };
}

/**
 * The payload at each hop of a flow, in order (the input payload itself is not repeated).
 * Deterministic: the same payload, hops and context give deep-equal steps. Throws
 * {@link SampleParamError} for a bad context or a malformed PutEvents Detail; see {@link tryWrapChain}.
 */
export function wrapChain(payload: unknown, hops: readonly Hop[], ctx: ChainContext = {}): ChainStep[] {
  const env = readContext(ctx);
  const steps: ChainStep[] = [];
  let current = payload;
  let carry: Carry = {};
  hops.forEach((hop, i) => {
    const t = env.t0 + i * env.stepMs;
    const p = `${i}:`;
    let label: string;
    const next: Carry = {};
    switch (hop.kind) {
      case 'eventBridge':
        current = toBusEvent(current, hop, { account: env.account, region: env.region, id: env.ids.uuid(`${p}eventId`), timeMs: t });
        label = `EventBridge event on bus ${hop.busName ?? 'default'} (${describeBusEvent(current)})`;
        break;
      case 'sqsMessage': {
        const q = queue(env, hop);
        const message = sqsMessage({ body: textOf(current), queueName: q.queueName, senderId: hop.senderId ?? env.account, sentMs: t, receivedMs: t + env.stepMs, messageGroupId: hop.messageGroupId, ids: env.ids, idPrefix: p });
        next.sqs = { message, ...q };
        current = message;
        label = `SQS message in ${q.queueName} (ReceiveMessage)`;
        break;
      }
      case 'lambdaSqsBatch': {
        const src = carry.sqs ?? (() => {
          const q = queue(env, hop);
          return { message: sqsMessage({ body: textOf(current), queueName: q.queueName, senderId: env.account, sentMs: t, receivedMs: t, ids: env.ids, idPrefix: p }), ...q };
        })();
        current = { Records: [lambdaSqsRecord(src.message, src.queueArn, env.region)] };
        label = `Lambda ${hop.functionName ?? 'function'} invoked with an SQS batch from ${src.queueName}`;
        break;
      }
      case 'snsToSqs': {
        const tp = topic(env, hop);
        const q = queue(env, hop);
        const attributes = snsAttributes(hop.messageAttributes ?? {});
        const n = snsNotification({ topicArn: tp.topicArn, region: env.region, message: textOf(current), subject: hop.subject, timeMs: t, attributes, ids: env.ids, idPrefix: p });
        const body = hop.raw ? n.message : snsJsonEnvelope(n);
        const message = sqsMessage({ body, queueName: q.queueName, senderId: hop.senderId ?? env.account, sentMs: t, receivedMs: t + env.stepMs, messageAttributes: hop.raw ? snsAttributesToSqs(attributes) : undefined, ids: env.ids, idPrefix: p });
        next.sqs = { message, ...q };
        current = message;
        label = `SNS ${tp.topicName} to SQS ${q.queueName} (${hop.raw ? 'raw message delivery' : 'JSON envelope'})`;
        break;
      }
      case 'snsToLambda': {
        const tp = topic(env, hop);
        const n = snsNotification({ topicArn: tp.topicArn, region: env.region, message: textOf(current), subject: hop.subject, timeMs: t, attributes: snsAttributes(hop.messageAttributes ?? {}), ids: env.ids, idPrefix: p });
        current = { Records: [snsLambdaRecord(n)] };
        label = `SNS ${tp.topicName} to Lambda ${hop.functionName ?? 'function'} (async invoke)`;
        break;
      }
      case 'kinesisRecord': {
        const s = stream(env, hop);
        const partitionKey = hop.partitionKey ?? (isEventBridgeEvent(current) ? current.id : env.ids.uuid(`${p}partitionKey`));
        const record = kinesisRecord({ data: textOf(current), partitionKey, arrivalMs: t, ids: env.ids, idPrefix: p });
        next.kinesis = { record, ...s, shardId: hop.shardId };
        current = record;
        label = `Kinesis record in ${s.streamName} (GetRecords)`;
        break;
      }
      case 'lambdaKinesisBatch': {
        const fn = hop.functionName ?? 'function';
        const src = carry.kinesis ?? { record: kinesisRecord({ data: textOf(current), partitionKey: env.ids.uuid(`${p}partitionKey`), arrivalMs: t, ids: env.ids, idPrefix: p }), ...stream(env, hop), shardId: hop.shardId };
        const invokeIdentityArn = functionRoleArn(env.region, env.account, fn);
        current = { Records: [lambdaKinesisRecord(src.record, { streamArn: src.streamArn, region: env.region, shardId: src.shardId ?? hop.shardId, invokeIdentityArn })] };
        label = `Lambda ${fn} invoked with a Kinesis batch from ${src.streamName}`;
        break;
      }
      case 'lambdaAsync':
        label = `Lambda ${hop.functionName ?? 'function'} async invoke (payload unchanged)`;
        break;
      default:
        return assertNever(hop, 'hop');
    }
    carry = next;
    steps.push({ hop, label, payload: current });
  });
  return steps;
}

/** {@link wrapChain} without exceptions: the steps, or the problem. */
export function tryWrapChain(payload: unknown, hops: readonly Hop[], ctx: ChainContext = {}): Result<ChainStep[], SampleParamProblem[]> {
  try {
    return ok(wrapChain(payload, hops, ctx));
  } catch (e) {
    if (e instanceof SampleParamError) return err([{ param: e.param, message: e.message }]);
    return err([{ message: (e as Error).message }]);
  }
}
