/**
 * SNS: one notification and its two envelopes (aws-semantics 3.1). Lambda gets
 * `Records[].Sns` with `SigningCertUrl`/`UnsubscribeUrl`; an SQS (or HTTP) subscriber gets a
 * JSON text with `SigningCertURL`/`UnsubscribeURL`, or only the message with RawMessageDelivery.
 */
import { arn, dnsSuffixOf, isoMillis, type IdSource } from './ids';
import { COMMON_PARAMS, readParams } from './params';
import type { SqsAttributeValue } from './sqs';
import type { SampleEventDef, SampleParam } from './types';

/** An SNS message attribute: `Type` is String, String.Array, Number or Binary. */
export interface SnsAttribute {
  Type: string;
  Value: string;
}

/** SNS attributes from plain JSON values: text → String, number → Number, array → String.Array. */
export function snsAttributes(plain: Readonly<Record<string, unknown>>): Record<string, SnsAttribute> {
  const out: Record<string, SnsAttribute> = {};
  for (const [name, v] of Object.entries(plain)) {
    if (typeof v === 'number') out[name] = { Type: 'Number', Value: String(v) };
    else if (Array.isArray(v)) out[name] = { Type: 'String.Array', Value: JSON.stringify(v) };
    else out[name] = { Type: 'String', Value: typeof v === 'string' ? v : JSON.stringify(v) };
  }
  return out;
}

/** SNS attributes as the SQS message attributes a raw-delivery subscription writes. */
export function snsAttributesToSqs(attrs: Readonly<Record<string, SnsAttribute>>): Record<string, SqsAttributeValue> {
  const out: Record<string, SqsAttributeValue> = {};
  for (const [name, a] of Object.entries(attrs)) {
    out[name] = a.Type === 'Binary' ? { DataType: 'Binary', BinaryValue: a.Value } : { DataType: a.Type, StringValue: a.Value };
  }
  return out;
}

/** One published message, with everything both envelopes need. */
export interface SnsNotification {
  messageId: string;
  topicArn: string;
  subscriptionArn: string;
  subject?: string;
  message: string;
  timestamp: string;
  signature: string;
  signingCertUrl: string;
  unsubscribeUrl: string;
  attributes: Record<string, SnsAttribute>;
}

/** What a notification is built from. */
export interface SnsNotificationInput {
  topicArn: string;
  region: string;
  message: string;
  subject?: string;
  timeMs: number;
  attributes?: Record<string, SnsAttribute>;
  ids: IdSource;
  idPrefix?: string;
}

/** A notification with deterministic MessageId, signature, certificate and subscription ids. */
export function snsNotification(i: SnsNotificationInput): SnsNotification {
  const p = i.idPrefix ?? '';
  const host = `https://sns.${i.region}.${dnsSuffixOf(i.region)}`;
  const subscriptionArn = `${i.topicArn}:${i.ids.uuid(`${p}subscription`)}`;
  return {
    messageId: i.ids.uuid(`${p}snsMessageId`),
    topicArn: i.topicArn,
    subscriptionArn,
    subject: i.subject === '' ? undefined : i.subject,
    message: i.message,
    timestamp: isoMillis(i.timeMs),
    signature: i.ids.base64(`${p}signature`, 256),
    signingCertUrl: `${host}/SimpleNotificationService-${i.ids.hex('cert')}.pem`,
    unsubscribeUrl: `${host}/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
    attributes: i.attributes ?? {},
  };
}

/** One `Records[]` entry of the event SNS invokes Lambda with (`…Url` keys, Subject null when absent). */
export function snsLambdaRecord(n: SnsNotification): Record<string, unknown> {
  return {
    EventSource: 'aws:sns',
    EventVersion: '1.0',
    EventSubscriptionArn: n.subscriptionArn,
    Sns: {
      Type: 'Notification',
      MessageId: n.messageId,
      TopicArn: n.topicArn,
      Subject: n.subject ?? null,
      Message: n.message,
      Timestamp: n.timestamp,
      SignatureVersion: '1',
      Signature: n.signature,
      SigningCertUrl: n.signingCertUrl,
      UnsubscribeUrl: n.unsubscribeUrl,
      MessageAttributes: n.attributes,
    },
  };
}

/**
 * The JSON envelope an SQS or HTTP subscriber receives (`…URL` keys; Subject and
 * MessageAttributes only when present), laid out as SNS writes it (`"Key" : value`).
 */
export function snsJsonEnvelope(n: SnsNotification): string {
  const fields: Array<[string, unknown]> = [
    ['Type', 'Notification'],
    ['MessageId', n.messageId],
    ['TopicArn', n.topicArn],
  ];
  if (n.subject !== undefined) fields.push(['Subject', n.subject]);
  fields.push(
    ['Message', n.message],
    ['Timestamp', n.timestamp],
    ['SignatureVersion', '1'],
    ['Signature', n.signature],
    ['SigningCertURL', n.signingCertUrl],
    ['UnsubscribeURL', n.unsubscribeUrl],
  );
  const lines = fields.map(([k, v]) => `  ${JSON.stringify(k)} : ${JSON.stringify(v)}`);
  const names = Object.keys(n.attributes);
  if (names.length > 0) {
    const attrs = names.map((k) => `    ${JSON.stringify(k)} : ${JSON.stringify(n.attributes[k])}`);
    lines.push(`  "MessageAttributes" : {\n${attrs.join(',\n')}\n  }`);
  }
  return `{\n${lines.join(',\n')}\n}`;
}

/** The ARN of a topic. */
export function topicArn(region: string, account: string, topicName: string): string {
  return arn('sns', region, account, topicName);
}

const SNS_PARAMS: readonly SampleParam[] = [
  { name: 'topic', label: 'Topic name', default: 'my-topic', description: 'Topic name in TopicArn and EventSubscriptionArn.' },
  { name: 'subject', label: 'Subject', default: 'Order placed', description: 'Sns.Subject (empty: null).' },
  { name: 'message', label: 'Message', default: '{"orderId":"o-1001","status":"PLACED"}', description: 'Sns.Message (text).' },
  {
    name: 'attributes',
    label: 'Message attributes (JSON)',
    default: '{"eventType":"order_placed","priority":1}',
    description: 'Sns.MessageAttributes from a JSON object: text → String, number → Number, array → String.Array.',
    type: 'jsonObject',
  },
  ...COMMON_PARAMS,
];

/** The SNS catalogue entry. */
export const SNS_SAMPLES: readonly SampleEventDef[] = [
  {
    id: 'sns.notification',
    service: 'sns',
    title: 'SNS notification (Lambda)',
    description: 'The event SNS invokes a subscribed Lambda function with (Records[].Sns).',
    shape: 'lambdaRecords',
    params: SNS_PARAMS,
    build(params) {
      const r = readParams('sns.notification', SNS_PARAMS, params);
      const region = r.text('region');
      const n = snsNotification({
        topicArn: topicArn(region, r.text('account'), r.text('topic')),
        region,
        message: r.text('message'),
        subject: r.text('subject'),
        timeMs: r.time('time'),
        attributes: snsAttributes(r.object('attributes')),
        ids: r.ids,
      });
      return { Records: [snsLambdaRecord(n)] };
    },
  },
];
