/**
 * EventBridge-shaped samples: the scheduled event (`sam local generate-event cloudwatch
 * scheduled-event`, with the `version: "0"` the real event carries), a custom PutEvents event,
 * and the EC2 instance state-change notification.
 */
import { arn, isoSeconds } from './ids';
import { COMMON_PARAMS, readParams } from './params';
import type { SampleEventDef, SampleParam } from './types';

/** An event as it sits on a bus (aws-semantics 1.1), key order as AWS prints it. */
export interface EventBridgeEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

/** Fields of an {@link EventBridgeEvent}; `timeMs` is written at second precision. */
export interface EnvelopeFields {
  id: string;
  detailType: string;
  source: string;
  account: string;
  timeMs: number;
  region: string;
  resources?: readonly string[];
  detail: Record<string, unknown>;
}

/** Builds the bus envelope in AWS's key order. */
export function eventBridgeEnvelope(f: EnvelopeFields): EventBridgeEvent {
  return {
    version: '0',
    id: f.id,
    'detail-type': f.detailType,
    source: f.source,
    account: f.account,
    time: isoSeconds(f.timeMs),
    region: f.region,
    resources: [...(f.resources ?? [])],
    detail: f.detail,
  };
}

/** Whether a value has the bus envelope's required keys (`detail-type`, `source`, `detail`...). */
export function isEventBridgeEvent(value: unknown): value is EventBridgeEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['detail-type'] === 'string' &&
    typeof v.source === 'string' &&
    typeof v.id === 'string' &&
    typeof v.detail === 'object' &&
    v.detail !== null &&
    !Array.isArray(v.detail)
  );
}

const SCHEDULE_PARAMS: readonly SampleParam[] = [
  { name: 'rule', label: 'Rule name', default: 'my-schedule', description: 'Schedule rule name, in resources[0] (the rule ARN).' },
  ...COMMON_PARAMS,
];

const CUSTOM_PARAMS: readonly SampleParam[] = [
  { name: 'source', label: 'Source', default: 'com.example.orders', description: 'source (PutEvents Source); custom sources may not start with "aws.".' },
  { name: 'detailType', label: 'Detail type', default: 'Order Placed', description: 'detail-type (PutEvents DetailType).' },
  {
    name: 'detail',
    label: 'Detail (JSON)',
    default: '{"orderId":"o-1001","customerId":"c-42","amount":129.5,"currency":"EUR","items":[{"sku":"sku-1","qty":2}]}',
    description: 'detail: any JSON object (PutEvents Detail).',
    type: 'jsonObject',
  },
  { name: 'resources', label: 'Resources', default: '', description: 'Comma-separated ARNs for resources (may be empty).' },
  ...COMMON_PARAMS,
];

/** EC2 instance states, as the state-change notification names them. */
export const EC2_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'] as const;

const EC2_PARAMS: readonly SampleParam[] = [
  { name: 'instanceId', label: 'Instance id', default: 'i-0abcd1234ef567890', description: 'detail.instance-id, and the instance ARN in resources.' },
  { name: 'state', label: 'State', default: 'running', description: 'detail.state: the new instance state.', type: 'enum', options: EC2_STATES },
  ...COMMON_PARAMS,
];

/** The EventBridge-shaped catalogue entries. */
export const EVENTBRIDGE_SAMPLES: readonly SampleEventDef[] = [
  {
    id: 'cloudwatch.scheduled-event',
    service: 'cloudwatch',
    title: 'Scheduled event',
    description: 'What a schedule (rate/cron) rule sends its targets: source aws.events, detail-type "Scheduled Event", empty detail.',
    shape: 'eventBridge',
    params: SCHEDULE_PARAMS,
    build(params) {
      const r = readParams('cloudwatch.scheduled-event', SCHEDULE_PARAMS, params);
      const region = r.text('region');
      const account = r.text('account');
      return eventBridgeEnvelope({
        id: r.ids.uuid('id'),
        detailType: 'Scheduled Event',
        source: 'aws.events',
        account,
        timeMs: r.time('time'),
        region,
        resources: [arn('events', region, account, `rule/${r.text('rule')}`)],
        detail: {},
      });
    },
  },
  {
    id: 'eventbridge.custom',
    service: 'eventbridge',
    title: 'Custom event (PutEvents)',
    description: 'An application event put on a bus with PutEvents, as rules and targets see it.',
    shape: 'eventBridge',
    params: CUSTOM_PARAMS,
    build(params) {
      const r = readParams('eventbridge.custom', CUSTOM_PARAMS, params);
      const resources = r.text('resources').split(',').map((s) => s.trim()).filter((s) => s !== '');
      return eventBridgeEnvelope({
        id: r.ids.uuid('id'),
        detailType: r.text('detailType'),
        source: r.text('source'),
        account: r.text('account'),
        timeMs: r.time('time'),
        region: r.text('region'),
        resources,
        detail: r.object('detail'),
      });
    },
  },
  {
    id: 'ec2.state-change',
    service: 'ec2',
    title: 'EC2 instance state-change notification',
    description: 'The event aws.ec2 puts on the default bus when an instance changes state.',
    shape: 'eventBridge',
    params: EC2_PARAMS,
    build(params) {
      const r = readParams('ec2.state-change', EC2_PARAMS, params);
      const region = r.text('region');
      const account = r.text('account');
      const instanceId = r.text('instanceId');
      return eventBridgeEnvelope({
        id: r.ids.uuid('id'),
        detailType: 'EC2 Instance State-change Notification',
        source: 'aws.ec2',
        account,
        timeMs: r.time('time'),
        region,
        resources: [arn('ec2', region, account, `instance/${instanceId}`)],
        detail: { 'instance-id': instanceId, state: r.text('state') },
      });
    },
  },
];
