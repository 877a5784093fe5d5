import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultParams, eventBridgeSamples, generateSample, getSampleEvent, SAMPLE_EVENTS } from './catalogue';
import { checkParamValue } from './params';
import { SampleParamError } from './types';

type Rec = Record<string, unknown>;
const build = (id: string, params: Record<string, string> = {}): Rec => {
  const r = generateSample(id, params);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as Rec;
};
const first = (ev: Rec): Rec => (ev.Records as Rec[])[0];
const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

describe('the catalogue', () => {
  it('lists every required sample once, with valid defaults', () => {
    const ids = SAMPLE_EVENTS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['s3.put', 's3.delete', 'sqs.receive-message', 'sns.notification', 'kinesis.get-records', 'dynamodb.update', 'cloudwatch.scheduled-event', 'apigateway.aws-proxy', 'apigateway.http-api-proxy', 'eventbridge.custom', 'ec2.state-change']) {
      expect(ids).toContain(id);
    }
    for (const s of SAMPLE_EVENTS) {
      expect(s.title && s.description && s.service).toBeTruthy();
      for (const p of s.params) expect([s.id, p.name, checkParamValue(p, p.default)]).toEqual([s.id, p.name, undefined]);
      expect(JSON.parse(JSON.stringify(s.build({})))).toEqual(s.build({}));
    }
  });

  it('is deterministic: same params give deep-equal events; different params differ', () => {
    for (const s of SAMPLE_EVENTS) {
      expect(s.build(defaultParams(s.id))).toEqual(s.build({}));
      const other = { ...defaultParams(s.id), time: '2030-06-01T00:00:00Z' };
      expect(s.build(other)).toEqual(s.build(other));
      expect(s.build(other)).not.toEqual(s.build({}));
    }
  });

  it('reports bad params per field, and unknown samples, without throwing', () => {
    expect(generateSample('nope')).toEqual({ ok: false, error: [{ message: 'Unknown sample event "nope".' }] });
    const r = generateSample('s3.put', { size: 'big', region: 'Mars', time: 'noon' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((e) => e.param)).toEqual(['size', 'region', 'time']);
    const j = generateSample('eventbridge.custom', { detail: '[1,2]' });
    expect(!j.ok && j.error[0].message).toMatch(/JSON object/);
    expect(!generateSample('eventbridge.custom', { detail: '{bad' }).ok).toBe(true);
    expect(() => getSampleEvent('ec2.state-change')?.build({ state: 'melting' })).toThrow(SampleParamError);
  });
});

describe('Lambda Records samples', () => {
  it('s3.put: record shape, URL-encoded key, params in place', () => {
    const rec = first(build('s3.put', { bucket: 'photos', key: 'a b/c=d.jpg', size: '2048', region: 'eu-west-1' }));
    expect(rec).toMatchObject({ eventVersion: '2.1', eventSource: 'aws:s3', awsRegion: 'eu-west-1', eventName: 'ObjectCreated:Put', eventTime: '2025-01-01T12:00:00.000Z' });
    const s3 = rec.s3 as Rec;
    expect(s3).toMatchObject({ s3SchemaVersion: '1.0', bucket: { name: 'photos', arn: 'arn:aws:s3:::photos' }, object: { key: 'a+b/c%3Dd.jpg', size: 2048 } });
    const obj = s3.object as Rec;
    expect(obj.eTag).toMatch(/^[0-9a-f]{32}$/);
    expect(obj.sequencer).toMatch(/^[0-9A-F]{18}$/);
    expect(Object.keys(rec)).toEqual(['eventVersion', 'eventSource', 'awsRegion', 'eventTime', 'eventName', 'userIdentity', 'requestParameters', 'responseElements', 's3']);
  });

  it('s3.delete: ObjectRemoved:Delete without size or eTag', () => {
    const obj = (first(build('s3.delete')).s3 as Rec).object as Rec;
    expect(first(build('s3.delete')).eventName).toBe('ObjectRemoved:Delete');
    expect(Object.keys(obj)).toEqual(['key', 'sequencer']);
  });

  it('sqs.receive-message: every field, string attributes, md5 of the body', () => {
    const rec = first(build('sqs.receive-message', { queueName: 'jobs', body: 'héllo', receiveCount: '3', region: 'eu-central-1', account: '111122223333' }));
    expect(Object.keys(rec)).toEqual(['messageId', 'receiptHandle', 'body', 'attributes', 'messageAttributes', 'md5OfBody', 'eventSource', 'eventSourceARN', 'awsRegion']);
    expect(rec).toMatchObject({ body: 'héllo', md5OfBody: md5('héllo'), eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:eu-central-1:111122223333:jobs', awsRegion: 'eu-central-1', messageAttributes: {} });
    expect(rec.attributes).toEqual({ ApproximateReceiveCount: '3', SentTimestamp: '1735732800000', SenderId: '111122223333', ApproximateFirstReceiveTimestamp: '1735732800001' });
    expect(typeof rec.messageId === 'string' && typeof rec.receiptHandle === 'string').toBe(true);
  });

  it('sqs.receive-message on a FIFO queue adds the FIFO attributes', () => {
    const attrs = first(build('sqs.receive-message', { queueName: 'jobs.fifo', messageGroupId: 'g7' })).attributes as Rec;
    expect(Object.keys(attrs)).toEqual(['ApproximateReceiveCount', 'SentTimestamp', 'SequenceNumber', 'MessageGroupId', 'SenderId', 'MessageDeduplicationId', 'ApproximateFirstReceiveTimestamp']);
    expect(attrs.MessageGroupId).toBe('g7');
    expect(attrs.SequenceNumber).toMatch(/^\d{20}$/);
  });

  it('sns.notification: Lambda keys (…Url), subject, message and typed attributes', () => {
    const rec = first(build('sns.notification', { topic: 'orders', message: 'hi', subject: '', attributes: '{"kind":"a","n":2,"tags":["x"]}' }));
    expect(rec).toMatchObject({ EventSource: 'aws:sns', EventVersion: '1.0' });
    expect(rec.EventSubscriptionArn).toMatch(/^arn:aws:sns:us-east-1:123456789012:orders:[0-9a-f-]{36}$/);
    const sns = rec.Sns as Rec;
    expect(Object.keys(sns)).toEqual(['Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertUrl', 'UnsubscribeUrl', 'MessageAttributes']);
    expect(sns).toMatchObject({ Type: 'Notification', TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders', Subject: null, Message: 'hi', Timestamp: '2025-01-01T12:00:00.000Z', SignatureVersion: '1' });
    expect(sns.MessageAttributes).toEqual({ kind: { Type: 'String', Value: 'a' }, n: { Type: 'Number', Value: '2' }, tags: { Type: 'String.Array', Value: '["x"]' } });
    expect(sns.SigningCertUrl).toMatch(/^https:\/\/sns\.us-east-1\.amazonaws\.com\/SimpleNotificationService-[0-9a-f]{32}\.pem$/);
  });

  it('kinesis.get-records: data is base64 of the JSON payload; ids and ARNs in place', () => {
    const data = '{"temp":21.5,"where":"Zürich"}';
    const rec = first(build('kinesis.get-records', { streamName: 'telemetry', partitionKey: 'pk-9', data }));
    const k = rec.kinesis as Rec;
    expect(JSON.parse(Buffer.from(k.data as string, 'base64').toString('utf8'))).toEqual(JSON.parse(data));
    expect(k).toMatchObject({ kinesisSchemaVersion: '1.0', partitionKey: 'pk-9', approximateArrivalTimestamp: 1735732800 });
    expect(k.sequenceNumber).toMatch(/^\d{56}$/);
    expect(rec).toMatchObject({ eventSource: 'aws:kinesis', eventName: 'aws:kinesis:record', eventVersion: '1.0', eventSourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/telemetry', eventID: `shardId-000000000000:${k.sequenceNumber}` });
  });

  it('dynamodb.update: INSERT/MODIFY/REMOVE in attribute-value form, as sam sizes them', () => {
    const recs = build('dynamodb.update').Records as Rec[];
    expect(recs.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const ddb = recs.map((r) => r.dynamodb as Rec);
    expect(ddb.map((d) => d.SizeBytes)).toEqual([26, 59, 38]);
    expect(ddb[1]).toMatchObject({ Keys: { Id: { N: '101' } }, NewImage: { Message: { S: 'This item has changed' }, Id: { N: '101' } }, OldImage: { Message: { S: 'New item!' } }, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect('OldImage' in ddb[0] || 'NewImage' in ddb[2]).toBe(false);
    expect(recs[0]).toMatchObject({ eventVersion: '1.1', eventSource: 'aws:dynamodb', awsRegion: 'us-east-1' });
    expect(recs[0].eventSourceARN).toMatch(/^arn:aws:dynamodb:us-east-1:123456789012:table\/my-table\/stream\//);
    const seq = ddb.map((d) => BigInt(d.SequenceNumber as string));
    expect(seq[0] < seq[1] && seq[1] < seq[2]).toBe(true);
  });

  it('dynamodb.update: keys, items and view type from params', () => {
    const recs = build('dynamodb.update', { table: 'users', keys: '{"pk":"u#1","sk":2}', inserted: '{"tags":["a"],"ok":true,"meta":{"n":null}}', streamViewType: 'KEYS_ONLY' }).Records as Rec[];
    const ddb = recs[0].dynamodb as Rec;
    expect(ddb.Keys).toEqual({ pk: { S: 'u#1' }, sk: { N: '2' } });
    expect(Object.keys(ddb)).toEqual(['Keys', 'ApproximateCreationDateTime', 'SequenceNumber', 'SizeBytes', 'StreamViewType']);
    const view = build('dynamodb.update', { inserted: '{"tags":["a"],"ok":true,"meta":{"n":null}}', streamViewType: 'NEW_IMAGE' }).Records as Rec[];
    expect((view[0].dynamodb as Rec).NewImage).toEqual({ tags: { L: [{ S: 'a' }] }, ok: { BOOL: true }, meta: { M: { n: { NULL: true } } }, Id: { N: '101' } });
  });
});

describe('EventBridge samples', () => {
  const ENVELOPE = ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'];

  it('every EventBridge-shaped sample has the bus envelope with version "0"', () => {
    for (const s of eventBridgeSamples()) {
      const ev = build(s.id);
      expect([s.id, Object.keys(ev)]).toEqual([s.id, ENVELOPE]);
      expect(ev.version).toBe('0');
      expect(ev.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it('scheduled event: aws.events, rule ARN, empty detail', () => {
    expect(build('cloudwatch.scheduled-event', { rule: 'nightly', region: 'cn-north-1', time: '2025-03-04T05:06:07.890Z' })).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: '2025-03-04T05:06:07Z',
      region: 'cn-north-1',
      resources: ['arn:aws-cn:events:cn-north-1:123456789012:rule/nightly'],
      detail: {},
    });
  });

  it('custom event: source, detail-type, detail and resources from params', () => {
    expect(build('eventbridge.custom', { source: 'acme.billing', detailType: 'Invoice Paid', detail: '{"invoice":{"id":7}}', resources: 'arn:a, arn:b' })).toMatchObject({
      source: 'acme.billing',
      'detail-type': 'Invoice Paid',
      detail: { invoice: { id: 7 } },
      resources: ['arn:a', 'arn:b'],
    });
  });

  it('EC2 state change: aws.ec2 with instance-id and state', () => {
    expect(build('ec2.state-change', { instanceId: 'i-123', state: 'stopped', region: 'eu-west-3', account: '210987654321' })).toMatchObject({
      source: 'aws.ec2',
      'detail-type': 'EC2 Instance State-change Notification',
      account: '210987654321',
      resources: ['arn:aws:ec2:eu-west-3:210987654321:instance/i-123'],
      detail: { 'instance-id': 'i-123', state: 'stopped' },
    });
  });

  it('S3 via EventBridge: aws.s3 Object Created / Object Deleted detail shapes', () => {
    const created = build('s3.eventbridge-object-created', { bucket: 'b1', key: 'x y.txt', size: '5' });
    expect(created).toMatchObject({ source: 'aws.s3', 'detail-type': 'Object Created', resources: ['arn:aws:s3:::b1'] });
    expect(Object.keys(created.detail as Rec)).toEqual(['version', 'bucket', 'object', 'request-id', 'requester', 'source-ip-address', 'reason']);
    expect(created.detail).toMatchObject({ version: '0', bucket: { name: 'b1' }, object: { key: 'x y.txt', size: 5 }, reason: 'PutObject', requester: '123456789012' });
    const deleted = build('s3.eventbridge-object-deleted');
    expect(deleted.detail).toMatchObject({ reason: 'DeleteObject', 'deletion-type': 'Permanently Deleted' });
    expect(Object.keys((deleted.detail as Rec).object as Rec)).toEqual(['key', 'sequencer']);
  });
});

describe('API Gateway samples', () => {
  it('REST v1: method, path, resource, stage, query and body in place', () => {
    const ev = build('apigateway.aws-proxy', { method: 'GET', path: '/users/42/files/a/b', resource: '/users/{id}/files/{proxy+}', query: 'x=1&x=2&y=%20z', body: '', stage: 'dev' });
    expect(ev).toMatchObject({ httpMethod: 'GET', path: '/users/42/files/a/b', resource: '/users/{id}/files/{proxy+}', body: null, isBase64Encoded: false });
    expect(ev.pathParameters).toEqual({ id: '42', proxy: 'a/b' });
    expect(ev.queryStringParameters).toEqual({ x: '2', y: ' z' });
    expect(ev.multiValueQueryStringParameters).toEqual({ x: ['1', '2'], y: [' z'] });
    expect(ev.requestContext).toMatchObject({ stage: 'dev', path: '/dev/users/42/files/a/b', resourcePath: '/users/{id}/files/{proxy+}', httpMethod: 'GET', accountId: '123456789012', requestTimeEpoch: 1735732800000, requestTime: '01/Jan/2025:12:00:00 +0000', protocol: 'HTTP/1.1' });
    expect(build('apigateway.aws-proxy', { query: '' }).queryStringParameters).toBeNull();
  });

  it('HTTP v2: version 2.0, routeKey, lower-case headers, comma-joined query values', () => {
    const ev = build('apigateway.http-api-proxy', { method: 'PUT', path: '/items/9', route: '/items/{itemId}', query: 'a=1&a=2', body: '{"q":1}' });
    expect(ev).toMatchObject({ version: '2.0', routeKey: 'PUT /items/{itemId}', rawPath: '/items/9', rawQueryString: 'a=1&a=2', queryStringParameters: { a: '1,2' }, pathParameters: { itemId: '9' }, body: '{"q":1}', isBase64Encoded: false });
    expect(ev.requestContext).toMatchObject({ http: { method: 'PUT', path: '/items/9', protocol: 'HTTP/1.1' }, routeKey: 'PUT /items/{itemId}', stage: '$default', timeEpoch: 1735732800000 });
    expect(Object.keys(ev.headers as Rec).every((h) => h === h.toLowerCase())).toBe(true);
    const def = build('apigateway.http-api-proxy', { route: '$default', query: '', body: '' });
    expect(def.routeKey).toBe('$default');
    expect('pathParameters' in def || 'queryStringParameters' in def || 'body' in def).toBe(false);
  });
});

describe('purity of the folder', () => {
  it('code files use no browser/Node globals, clock or randomness, and import only shared, model types and siblings', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('.', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const code = readFileSync(new URL(f, dir), 'utf8').replace(/\/\*\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect([f, code.match(/\b(Buffer|btoa|atob|TextEncoder|TextDecoder|window|document|process|crypto)\b|Date\.now|Math\.random|new Date\(\)/g)]).toEqual([f, null]);
      for (const [, spec] of code.matchAll(/from '([^']+)'/g)) expect([f, spec]).toSatisfy(([, s]: string[]) => /^\.\/[a-zA-Z0-9]+$|^\.\.\/types$|^\.\.\/\.\.\/shared\/result$/.test(s));
      expect([f, code.split('\n').length < 250]).toEqual([f, true]);
    }
  });
});
