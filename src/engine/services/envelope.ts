/**
 * Builders for what AWS puts on the wire: EventBridge event envelopes, deterministic ids
 * (UUID v4 shape, drawn from a seeded stream), ISO timestamps of simulated time, ARNs.
 */
import type { Rng } from '../kernel/rng';
import type { Topology } from '../kernel/topology';
import type { EventBridgeEvent as SampleEventBridgeEvent } from '../../model/samples/eventbridge';

/** Simulated time 0 is this instant (2025-01-01T00:00:00Z), so timestamps read naturally. */
export const SIM_EPOCH_MS = 1735689600000;
/** Account and region every simulated resource lives in. */
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';

/**
 * An EventBridge event as delivered to targets: the samples' envelope (one definition of the
 * fields), with `detail` left open because producers may send any JSON.
 */
export type EventBridgeEvent = Omit<SampleEventBridgeEvent, 'detail'> & { detail: unknown };

// Char codes of the hex digits: ids are built by one String.fromCharCode call, a single flat
// string, where concatenating 16 pieces made a chain of cons strings (half the engine's garbage).
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = 0x2d;

/** Char code of the hex digit of `x`'s nibble at bit `shift`. */
const nib = (x: number, shift: number): number => HEX_CODES[(x >>> shift) & 15];

/** A UUID-v4-shaped id from four draws of `rng` (version and variant bits set). */
export function uuidFrom(rng: Rng): string {
  const a = rng.uint32();
  const b = (rng.uint32() & 0xffff0fff) | 0x00004000;
  const c = (rng.uint32() & 0x3fffffff) | 0x80000000;
  const d = rng.uint32();
  return String.fromCharCode(
    nib(a, 28), nib(a, 24), nib(a, 20), nib(a, 16), nib(a, 12), nib(a, 8), nib(a, 4), nib(a, 0), DASH,
    nib(b, 28), nib(b, 24), nib(b, 20), nib(b, 16), DASH,
    nib(b, 12), nib(b, 8), nib(b, 4), nib(b, 0), DASH,
    nib(c, 28), nib(c, 24), nib(c, 20), nib(c, 16), DASH,
    nib(c, 12), nib(c, 8), nib(c, 4), nib(c, 0),
    nib(d, 28), nib(d, 24), nib(d, 20), nib(d, 16), nib(d, 12), nib(d, 8), nib(d, 4), nib(d, 0),
  );
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DDTHH:MM:SS` of epoch seconds, by arithmetic (Hinnant's civil-from-days). */
function isoOfEpochSecond(sec: number): string {
  const days = Math.floor(sec / 86400);
  let rem = sec - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const hh = Math.floor(rem / 3600);
  rem -= hh * 3600;
  const mm = Math.floor(rem / 60);
  return `${y}-${pad2(m)}-${pad2(d)}T${pad2(hh)}:${pad2(mm)}:${pad2(rem - mm * 60)}`;
}

let cachedSecond = NaN;
let cachedIso = '';

/** ISO-8601 UTC with second precision (EventBridge's `time` format) of simulated time `ms`. */
export function isoSecond(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec !== cachedSecond) {
    cachedSecond = sec;
    cachedIso = `${isoOfEpochSecond(SIM_EPOCH_MS / 1000 + sec)}Z`;
  }
  return cachedIso;
}

/** ISO-8601 UTC with milliseconds (destination record timestamps). */
export function isoMillis(ms: number): string {
  const sec = Math.floor(ms / 1000);
  const frac = ms - sec * 1000;
  return `${isoOfEpochSecond(SIM_EPOCH_MS / 1000 + sec)}.${frac < 10 ? '00' : frac < 100 ? '0' : ''}${frac}Z`;
}

// Shared by every event without resources: payloads are immutable, so one frozen array does.
const NO_RESOURCES: string[] = Object.freeze([]) as unknown as string[];

/** Builds a PutEvents-style event as EventBridge delivers it. */
export function eventBridgeEvent(id: string, timeMs: number, source: string, detailType: string, detail: unknown, resources: string[] = NO_RESOURCES): EventBridgeEvent {
  return { version: '0', id, 'detail-type': detailType, source, account: ACCOUNT, time: isoSecond(timeMs), region: REGION, resources, detail };
}

/** The ARN a node would have in AWS (rules include their bus name). */
export function arnOf(topo: Topology, node: number): string {
  const n = topo.nodes[node];
  const pre = (svc: string) => `arn:aws:${svc}:${REGION}:${ACCOUNT}:`;
  switch (n.kind) {
    case 'lambdaFunction':
      return `${pre('lambda')}function:${n.props.FunctionName}`;
    case 'sqsQueue':
      return `${pre('sqs')}${n.props.QueueName}`;
    case 'snsTopic':
      return `${pre('sns')}${n.props.TopicName}`;
    case 'eventBus':
      return `${pre('events')}event-bus/${n.props.Name}`;
    case 'kinesisStream':
      return `${pre('kinesis')}stream/${n.props.Name}`;
    case 'schedule':
      // Schedules live in a schedule group; the simulator has only the default one.
      return `${pre('scheduler')}schedule/default/${n.props.Name}`;
    case 'rule': {
      const busEdge = topo.inn[node].find((e) => topo.edges[e].kind === 'busRule');
      const bus = busEdge === undefined ? undefined : topo.nodes[topo.nodeIndex.get(topo.edges[busEdge].source)!];
      const busName = bus && bus.kind === 'eventBus' ? bus.props.Name : 'default';
      return busName === 'default' ? `${pre('events')}rule/${n.props.Name}` : `${pre('events')}rule/${busName}/${n.props.Name}`;
    }
    default:
      return `${pre('evsim')}${n.kind}/${n.id}`;
  }
}
