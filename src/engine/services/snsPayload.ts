/**
 * What SNS delivers (aws-semantics 3.1), built with the sample library's envelope builders: an
 * SQS subscriber gets the SNS JSON envelope as text (`SigningCertURL`, ...) or, with
 * RawMessageDelivery, only the message, its attributes becoming SQS message attributes; a
 * Lambda subscriber gets `{Records: [{EventSource: "aws:sns", Sns: {...}}]}`.
 *
 * Bodies are built lazily, on first read (most consumers never read them), from data fixed at
 * publish time: the ids, signature and certificate come from MD5s of the message id and topic
 * (the sample library's `idSource`), never from a random stream, so whether and when a body is
 * read cannot change the run.
 */
import { idSource } from '../../model/samples/ids';
import { snsAttributesToSqs, snsJsonEnvelope, snsLambdaRecord, type SnsAttribute, type SnsNotification } from '../../model/samples/sns';
import type { Payload } from '../kernel/ledger';
import { REGION, isoMillis } from './envelope';

/** The subscription data an envelope needs. */
export interface SnsSubscriber {
  arn: string;
  protocol: 'sqs' | 'lambda';
  raw: boolean;
}

/** One published message, shared by every subscription's delivery. */
export class SnsMessage {
  private base: SnsNotification | null = null;

  constructor(
    readonly messageId: string,
    readonly topicArn: string,
    /** The topic's signing certificate id. */
    readonly certId: string,
    /** The published body (object or text): raw delivery passes it on as it is. */
    readonly body: unknown,
    /** Publish time, simulated ms. */
    readonly timeMs: number,
    readonly attributes: Record<string, SnsAttribute> | undefined,
    readonly groupId: string | undefined,
    readonly dedupId: string | undefined,
  ) {}

  /** The Message text: the body as published, JSON text for an object. */
  get message(): string {
    return typeof this.body === 'string' ? this.body : JSON.stringify(this.body);
  }

  /** The notification as `sub` receives it. */
  notification(sub: SnsSubscriber): SnsNotification {
    if (this.base === null) {
      const ids = idSource(this.messageId);
      const host = `https://sns.${REGION}.amazonaws.com`;
      this.base = {
        messageId: this.messageId,
        topicArn: this.topicArn,
        subscriptionArn: '',
        message: this.message,
        timestamp: isoMillis(this.timeMs),
        signature: ids.base64('signature', 256),
        signingCertUrl: `${host}/SimpleNotificationService-${this.certId}.pem`,
        unsubscribeUrl: '',
        attributes: this.attributes ?? {},
      };
    }
    return { ...this.base, subscriptionArn: sub.arn, unsubscribeUrl: `https://sns.${REGION}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${sub.arn}` };
  }

  /** The SQS body of a delivery to `sub`: the message with raw delivery, else the JSON envelope. */
  sqsBody(sub: SnsSubscriber): unknown {
    return sub.raw ? this.body : snsJsonEnvelope(this.notification(sub));
  }

  /** SNS attributes as SQS message attributes (raw delivery), as display strings. */
  sqsAttributes(): Record<string, string> | undefined {
    if (this.attributes === undefined) return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(snsAttributesToSqs(this.attributes))) out[k] = v.StringValue ?? v.BinaryValue ?? '';
    return out;
  }
}

const UNBUILT = Symbol('unbuilt');

/** The payload of one delivery (or subscription-DLQ message): the body is built on first read. */
export class SnsPayload implements Payload {
  readonly eventId: string;
  readonly groupId: string | undefined;
  readonly dedupId: string | undefined;
  readonly attributes: Record<string, string> | undefined;
  readonly messageAttributes: Record<string, SnsAttribute> | undefined;
  private built: unknown = UNBUILT;

  /**
   * `toDlq`: the copy for the subscription DLQ (an SQS queue): the body an SQS subscriber would
   * get. `fifo`: the delivery keeps MessageGroupId and the deduplication id (a FIFO topic to a
   * FIFO queue).
   */
  constructor(
    readonly msg: SnsMessage,
    readonly sub: SnsSubscriber,
    readonly toDlq: boolean,
    fifo: boolean,
  ) {
    this.eventId = msg.messageId;
    this.groupId = fifo ? msg.groupId : undefined;
    this.dedupId = fifo ? msg.dedupId : undefined;
    const sqsForm = toDlq || sub.protocol === 'sqs';
    this.attributes = sqsForm && sub.raw ? msg.sqsAttributes() : undefined;
    this.messageAttributes = msg.attributes;
  }

  get body(): unknown {
    if (this.built === UNBUILT) {
      this.built = this.toDlq || this.sub.protocol === 'sqs' ? this.msg.sqsBody(this.sub) : { Records: [snsLambdaRecord(this.msg.notification(this.sub))] };
    }
    return this.built;
  }
}
