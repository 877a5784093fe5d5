/**
 * The sample-event catalogue, like `sam local generate-event`: every entry, look-up, a
 * never-throwing generator, and the bridge from EventBridge-shaped samples to producer templates.
 */
import { err, ok, type Result } from '../../shared/result';
import type { EventTemplate } from '../types';
import { APIGATEWAY_SAMPLES } from './apigateway';
import { DYNAMODB_SAMPLES } from './dynamodb';
import { EVENTBRIDGE_SAMPLES, isEventBridgeEvent } from './eventbridge';
import { KINESIS_SAMPLES } from './kinesis';
import { checkParams } from './params';
import { S3_SAMPLES } from './s3';
import { SNS_SAMPLES } from './sns';
import { SQS_SAMPLES } from './sqs';
import { SampleParamError, type SampleEventDef, type SampleParamProblem, type SampleParams } from './types';

/** Every sample, grouped by service in catalogue order. */
export const SAMPLE_EVENTS: readonly SampleEventDef[] = [
  ...S3_SAMPLES,
  ...SQS_SAMPLES,
  ...SNS_SAMPLES,
  ...KINESIS_SAMPLES,
  ...DYNAMODB_SAMPLES,
  ...EVENTBRIDGE_SAMPLES,
  ...APIGATEWAY_SAMPLES,
];

const BY_ID = new Map(SAMPLE_EVENTS.map((s) => [s.id, s]));

/** The sample with this id, or undefined. */
export function getSampleEvent(id: string): SampleEventDef | undefined {
  return BY_ID.get(id);
}

/** The samples that are EventBridge events, i.e. usable as producer templates. */
export function eventBridgeSamples(): SampleEventDef[] {
  return SAMPLE_EVENTS.filter((s) => s.shape === 'eventBridge');
}

/** Each parameter's default value, by name (the form's initial state). */
export function defaultParams(id: string): Record<string, string> {
  return Object.fromEntries((getSampleEvent(id)?.params ?? []).map((p) => [p.name, p.default]));
}

/**
 * Builds a sample without throwing: the event, or every problem with the params (an unknown
 * sample id is a problem without `param`). Missing params take their defaults.
 */
export function generateSample(id: string, params: SampleParams = {}): Result<unknown, SampleParamProblem[]> {
  const def = getSampleEvent(id);
  if (!def) return err([{ message: `Unknown sample event "${id}".` }]);
  const problems = checkParams(def.params, params);
  if (problems.length > 0) return err(problems);
  try {
    return ok(def.build(params));
  } catch (e) {
    if (e instanceof SampleParamError) return err([{ param: e.param, message: e.message }]);
    return err([{ message: `Could not build ${id}: ${(e as Error).message}` }]);
  }
}

/**
 * A producer {@link EventTemplate} (`{Source, DetailType, Detail}`) from an EventBridge-shaped
 * sample, so producers emit the catalogue's events. `time`, `id`, `region`, `account` and
 * `resources` are left to the engine, which stamps them at send time. Samples that are not
 * EventBridge events (Lambda `Records`, API Gateway requests) are refused.
 */
export function eventTemplateFromSample(sampleId: string, params: SampleParams = {}): Result<EventTemplate, SampleParamProblem[]> {
  const def = getSampleEvent(sampleId);
  if (def && def.shape !== 'eventBridge') {
    return err([{ message: `"${def.title}" is not an EventBridge event, so a producer cannot put it on a bus; choose an EventBridge-shaped sample.` }]);
  }
  const built = generateSample(sampleId, params);
  if (!built.ok) return built;
  const ev = built.value;
  if (!isEventBridgeEvent(ev)) return err([{ message: `"${sampleId}" did not build an EventBridge event.` }]);
  return ok({ Source: ev.source, DetailType: ev['detail-type'], Detail: ev.detail });
}
