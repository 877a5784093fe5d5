import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventTemplateFromSample, generateSample } from './catalogue';
import { tryWrapChain, wrapChain, type Hop } from './chain';

type Rec = Record<string, unknown>;
const sample = (id: string, params: Record<string, string> = {}): unknown => {
  const r = generateSample(id, params);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const record = (payload: unknown): Rec => (payload as { Records: Rec[] }).Records[0];
const CTX = { region: 'eu-west-1', account: '111122223333', time: '2025-02-03T04:05:06.000Z', seed: 42 };

describe('wrapChain: S3 → EventBridge → SQS → Lambda', () => {
  const hops: Hop[] = [{ kind: 'eventBridge' }, { kind: 'sqsMessage', queueName: 'ingest' }, { kind: 'lambdaSqsBatch', functionName: 'worker' }];
  const steps = wrapChain(sample('s3.put', { bucket: 'uploads', key: 'in/a b.csv', region: 'eu-west-1', account: '111122223333' }), hops, CTX);

  it('gives one step per hop, with labels', () => {
    expect(steps.map((s) => s.hop)).toEqual(hops);
    expect(steps.map((s) => s.label)).toEqual([
      'EventBridge event on bus default (aws.s3 / Object Created)',
      'SQS message in ingest (ReceiveMessage)',
      'Lambda worker invoked with an SQS batch from ingest',
    ]);
  });

  it('turns the S3 record into the aws.s3 Object Created event', () => {
    expect(steps[0].payload).toMatchObject({ version: '0', source: 'aws.s3', 'detail-type': 'Object Created', region: 'eu-west-1', account: '111122223333', detail: { bucket: { name: 'uploads' }, object: { key: 'in/a b.csv' } } });
  });

  it('the innermost body, parsed, deep-equals the EventBridge event', () => {
    const rec = record(steps[2].payload);
    expect(JSON.parse(rec.body as string)).toEqual(steps[0].payload);
    expect(rec).toMatchObject({ eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:eu-west-1:111122223333:ingest', awsRegion: 'eu-west-1' });
    expect(rec.md5OfBody).toBe(createHash('md5').update(rec.body as string).digest('hex'));
    const msg = steps[1].payload as Rec;
    expect(rec.messageId).toBe(msg.MessageId);
    expect(rec.body).toBe(msg.Body);
    expect((rec.attributes as Rec).SentTimestamp).toBe(String(Date.parse(CTX.time) + 1000));
  });

  it('is deterministic per seed', () => {
    const again = wrapChain(sample('s3.put', { bucket: 'uploads', key: 'in/a b.csv', region: 'eu-west-1', account: '111122223333' }), hops, CTX);
    expect(again).toEqual(steps);
    const other = wrapChain(sample('s3.put', { bucket: 'uploads', key: 'in/a b.csv', region: 'eu-west-1', account: '111122223333' }), hops, { ...CTX, seed: 43 });
    expect(record(other[2].payload).messageId).not.toBe(record(steps[2].payload).messageId);
  });
});

describe('wrapChain: EventBridge hop inputs', () => {
  it('wraps a PutEvents entry (Detail as JSON text) in the envelope', () => {
    const [s] = wrapChain({ Source: 'acme.app', DetailType: 'Thing Done', Detail: '{"n":1}', Resources: ['arn:x'] }, [{ kind: 'eventBridge', busName: 'custom' }], CTX);
    expect(s.payload).toMatchObject({ version: '0', source: 'acme.app', 'detail-type': 'Thing Done', detail: { n: 1 }, resources: ['arn:x'], time: '2025-02-03T04:05:06Z', region: 'eu-west-1' });
    expect(s.label).toBe('EventBridge event on bus custom (acme.app / Thing Done)');
  });

  it('passes a bus event through unchanged, and wraps other payloads as custom detail', () => {
    const ev = sample('eventbridge.custom');
    expect(wrapChain(ev, [{ kind: 'eventBridge' }])[0].payload).toBe(ev);
    expect(wrapChain({ a: 1 }, [{ kind: 'eventBridge', source: 'my.src', detailType: 'T' }])[0].payload).toMatchObject({ source: 'my.src', 'detail-type': 'T', detail: { a: 1 } });
    expect(wrapChain('plain', [{ kind: 'eventBridge' }])[0].payload).toMatchObject({ source: 'custom.app', detail: { value: 'plain' } });
  });

  it('refuses a malformed Detail and a bad context with a message, not a crash', () => {
    expect(tryWrapChain({ Source: 's', DetailType: 'd', Detail: '{oops' }, [{ kind: 'eventBridge' }])).toEqual({ ok: false, error: [{ param: 'Detail', message: 'MalformedDetail: Detail is not valid JSON.' }] });
    expect(tryWrapChain({}, [], { account: '12' })).toMatchObject({ ok: false, error: [{ param: 'account' }] });
    expect(tryWrapChain({}, [], { time: 'soon' })).toMatchObject({ ok: false, error: [{ param: 'time' }] });
    expect(tryWrapChain({}, [{ kind: 'teleport' } as unknown as Hop])).toMatchObject({ ok: false });
  });
});

describe('wrapChain: SNS', () => {
  const attrs = { store: 'north', priority: 5 };

  it('SNS → SQS wrapped: body is the JSON envelope with …URL keys; the message inside is the payload', () => {
    const steps = wrapChain({ order: 1 }, [{ kind: 'snsToSqs', topicName: 'orders', queueName: 'q1', subject: 'New', messageAttributes: attrs }, { kind: 'lambdaSqsBatch' }], CTX);
    const body = record(steps[1].payload).body as string;
    expect(body.startsWith('{\n  "Type" : "Notification",\n')).toBe(true);
    const env = JSON.parse(body) as Rec;
    expect(Object.keys(env)).toEqual(['Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL', 'MessageAttributes']);
    expect(env).toMatchObject({ TopicArn: 'arn:aws:sns:eu-west-1:111122223333:orders', Subject: 'New', SignatureVersion: '1', MessageAttributes: { store: { Type: 'String', Value: 'north' }, priority: { Type: 'Number', Value: '5' } } });
    expect(JSON.parse(env.Message as string)).toEqual({ order: 1 });
    expect(record(steps[1].payload).messageAttributes).toEqual({});
    expect(steps[0].label).toBe('SNS orders to SQS q1 (JSON envelope)');
  });

  it('SNS → SQS raw: body is the message itself; attributes become SQS message attributes', () => {
    const steps = wrapChain({ order: 1 }, [{ kind: 'snsToSqs', raw: true, messageAttributes: attrs }, { kind: 'lambdaSqsBatch' }], CTX);
    const rec = record(steps[1].payload);
    expect(JSON.parse(rec.body as string)).toEqual({ order: 1 });
    expect(rec.messageAttributes).toEqual({
      store: { stringValue: 'north', stringListValues: [], binaryListValues: [], dataType: 'String' },
      priority: { stringValue: '5', stringListValues: [], binaryListValues: [], dataType: 'Number' },
    });
    expect(rec.md5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
    expect(steps[0].label).toMatch(/raw message delivery/);
  });

  it('SNS → Lambda: Records[].Sns with …Url keys and the payload as Message', () => {
    const ev = sample('eventbridge.custom');
    const [s] = wrapChain(ev, [{ kind: 'snsToLambda', topicArn: 'arn:aws:sns:eu-west-1:111122223333:alerts' }], CTX);
    const sns = record(s.payload).Sns as Rec;
    expect(sns).toMatchObject({ Type: 'Notification', TopicArn: 'arn:aws:sns:eu-west-1:111122223333:alerts', Subject: null });
    expect('SigningCertUrl' in sns && 'UnsubscribeUrl' in sns && !('SigningCertURL' in sns)).toBe(true);
    expect(JSON.parse(sns.Message as string)).toEqual(ev);
    expect(s.label).toBe('SNS alerts to Lambda function (async invoke)');
  });
});

describe('wrapChain: Kinesis, FIFO and async', () => {
  it('Kinesis data round-trips base64 → JSON; EventBridge events are keyed by their id', () => {
    const ev = sample('ec2.state-change') as Rec;
    const steps = wrapChain(ev, [{ kind: 'kinesisRecord', streamName: 's1' }, { kind: 'lambdaKinesisBatch', functionName: 'fn' }], CTX);
    const k = record(steps[1].payload).kinesis as Rec;
    expect(JSON.parse(Buffer.from(k.data as string, 'base64').toString('utf8'))).toEqual(ev);
    expect(k.partitionKey).toBe(ev.id);
    expect(k.sequenceNumber).toBe((steps[0].payload as Rec).SequenceNumber);
    expect(record(steps[1].payload)).toMatchObject({ eventSourceARN: 'arn:aws:kinesis:eu-west-1:111122223333:stream/s1', invokeIdentityArn: 'arn:aws:iam::111122223333:role/fn-role' });
  });

  it('any JSON payload survives the Kinesis hop (text payloads are the data as they are)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const payload = JSON.parse(JSON.stringify(v)) as unknown;
        const [, batch] = wrapChain(payload, [{ kind: 'kinesisRecord', partitionKey: 'p' }, { kind: 'lambdaKinesisBatch' }]);
        const text = Buffer.from((record(batch.payload).kinesis as Rec).data as string, 'base64').toString('utf8');
        if (typeof payload === 'string') expect(text).toBe(payload);
        else expect(JSON.parse(text)).toEqual(payload);
      }),
      { numRuns: 60 },
    );
  });

  it('a FIFO queue adds MessageGroupId; a batch without a message hop wraps the payload itself', () => {
    const fifo = wrapChain('x', [{ kind: 'sqsMessage', queueName: 'jobs.fifo', messageGroupId: 'g1' }, { kind: 'lambdaSqsBatch' }], CTX);
    expect(record(fifo[1].payload).attributes).toMatchObject({ MessageGroupId: 'g1' });
    const direct = wrapChain({ a: 1 }, [{ kind: 'lambdaSqsBatch', queueArn: 'arn:aws:sqs:eu-west-1:111122223333:direct' }], CTX);
    expect(record(direct[0].payload)).toMatchObject({ body: '{"a":1}', eventSourceARN: 'arn:aws:sqs:eu-west-1:111122223333:direct' });
  });

  it('lambdaAsync leaves the payload unchanged', () => {
    const ev = sample('cloudwatch.scheduled-event');
    const [s] = wrapChain(ev, [{ kind: 'lambdaAsync', functionName: 'cron' }]);
    expect(s.payload).toBe(ev);
    expect(s.label).toBe('Lambda cron async invoke (payload unchanged)');
  });
});

describe('eventTemplateFromSample', () => {
  it('turns EventBridge-shaped samples into producer templates', () => {
    expect(eventTemplateFromSample('eventbridge.custom', { source: 'acme.orders', detailType: 'Order Placed', detail: '{"id":"{{seq}}"}' })).toEqual({
      ok: true,
      value: { Source: 'acme.orders', DetailType: 'Order Placed', Detail: { id: '{{seq}}' } },
    });
    const ec2 = eventTemplateFromSample('ec2.state-change', { state: 'stopped' });
    expect(ec2.ok && ec2.value).toEqual({ Source: 'aws.ec2', DetailType: 'EC2 Instance State-change Notification', Detail: { 'instance-id': 'i-0abcd1234ef567890', state: 'stopped' } });
    const s3 = eventTemplateFromSample('s3.eventbridge-object-created');
    expect(s3.ok && s3.value.DetailType).toBe('Object Created');
  });

  it('refuses Lambda-only samples and bad params with a message', () => {
    const r = eventTemplateFromSample('sqs.receive-message');
    expect(!r.ok && r.error[0].message).toMatch(/not an EventBridge event/);
    const bad = eventTemplateFromSample('eventbridge.custom', { detail: 'nope' });
    expect(!bad.ok && bad.error[0].param).toBe('detail');
    expect(eventTemplateFromSample('missing').ok).toBe(false);
  });
});
