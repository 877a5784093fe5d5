/**
 * Sample events, like `sam local generate-event`: the catalogue, chained envelopes (the payload
 * at each hop of a flow) and producer templates from EventBridge-shaped samples. Pure and
 * deterministic: ids come from the params or a caller-given seed, never from a clock or RNG.
 */

/** The catalogue, its generator and the producer bridge. */
export { SAMPLE_EVENTS, getSampleEvent, eventBridgeSamples, defaultParams, generateSample, eventTemplateFromSample } from './catalogue';
/** Catalogue types. */
export { SampleParamError, type SampleEventDef, type SampleParam, type SampleParamType, type SampleParams, type SampleParamProblem, type SampleShape } from './types';
/** Parameter checks (for forms). */
export { checkParamValue, checkParams, resolveParams } from './params';
/** Chained envelopes. */
export { wrapChain, tryWrapChain, type Hop, type HopKind, type ChainContext, type ChainStep } from './chain';
/** Envelope builders, for the engine to emit the same shapes. */
export { eventBridgeEnvelope, isEventBridgeEvent, type EventBridgeEvent, type EnvelopeFields } from './eventbridge';
export { s3Record, s3RecordToEventBridge, s3EncodeKey, s3DecodeKey, isS3Notification } from './s3';
export { sqsMessage, lambdaSqsRecord, md5OfMessageAttributes, queueArn, type SqsMessage, type SqsAttributeValue } from './sqs';
export { snsNotification, snsLambdaRecord, snsJsonEnvelope, snsAttributes, snsAttributesToSqs, topicArn, type SnsNotification, type SnsAttribute } from './sns';
export { kinesisRecord, lambdaKinesisRecord, streamArn, type KinesisApiRecord } from './kinesis';
export { toAttributeValue, toItem, itemSize, type AttributeValue } from './dynamodb';
export { parseQuery, matchPathParameters } from './apigateway';
/** Pure encodings (no btoa/Buffer/TextEncoder) and deterministic ids. */
export { base64Encode, base64Decode, base64FromText, textFromBase64, utf8Encode, utf8Decode } from './encoding';
export { md5Hex, md5Bytes } from './md5';
export { idSource, partitionOf, type IdSource } from './ids';
