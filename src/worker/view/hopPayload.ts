/**
 * A message's payload as each hop receives it, rendered with the model's sample builders so
 * it reads like what AWS hands over: the EventBridge event on a bus; the SQS message as
 * ReceiveMessage returns it (the event JSON-encoded in its Body, DLQ attributes as message
 * attributes); the Lambda SQS event whose Records hold it; the SNS envelope or the raw message.
 * Ids that AWS would add (message id, receipt handle) are derived from the seed and unit.
 */
import type { UnitBirth } from '../../engine/kernel/inspect';
import { ACCOUNT, REGION, SIM_EPOCH_MS } from '../../engine/services/envelope';
import { nodeDisplayName } from '../../model/ids';
import { idSource, lambdaSqsRecord, queueArn, sqsMessage, type SqsAttributeValue, type SqsMessage } from '../../model/samples/index';
import type { ScenarioEdge, ScenarioNode } from '../../model/types';
import type { HopPayload } from '../protocolView';

/** Where a hop is: its node and the edge it came by. */
export interface HopPlace {
  node: ScenarioNode;
  edge: ScenarioEdge | undefined;
  seed: number;
}

const json = (x: unknown) => JSON.stringify(x, null, 2);
const bodyText = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body));

/** The payload as the hop's node receives it. */
export function hopPayload(b: UnitBirth, at: HopPlace): HopPayload {
  const { node, edge } = at;
  const body = b.payload.body;
  const name = nodeDisplayName(node);
  switch (node.kind) {
    case 'eventBus':
      return { title: `EventBridge event on bus ${name}, as PutEvents delivered it`, json: json(body) };
    case 'rule':
      return { title: `EventBridge event matched by rule ${name} (the target receives it on the next hop)`, json: json(body) };
    case 'sqsQueue':
      return { title: `SQS message in ${name}, as ReceiveMessage returns it (${bodyKind(b, edge)})`, json: json(queueMessage(b, at, 1, b.timeMs)) };
    case 'snsTopic':
      return { title: `Message published to topic ${name}`, json: json(body) };
    case 'lambdaFunction':
      return { title: `Event ${name} is invoked with (asynchronous invocation${isSnsEvent(body) ? ', SNS-wrapped in Records[].Sns' : ''})`, json: json(body) };
    default:
      return { title: `Payload at ${name}`, json: json(body) };
  }
}

/**
 * What a function fed by an event source mapping receives for receive number `receiveCount`:
 * a Lambda SQS event, this message being one of its Records.
 */
export function esmPayload(b: UnitBirth, at: HopPlace, fn: ScenarioNode, receiveCount: number, firstReceiveMs: number): HopPayload {
  const msg = queueMessage(b, at, receiveCount, firstReceiveMs);
  const q = at.node.kind === 'sqsQueue' ? at.node.props.QueueName : nodeDisplayName(at.node);
  const event = { Records: [lambdaSqsRecord(msg, queueArn(REGION, ACCOUNT, q), REGION)] };
  return { title: `Lambda SQS event ${nodeDisplayName(fn)} receives (receive ${receiveCount}); this message is one record of the batch`, json: json(event) };
}

function queueMessage(b: UnitBirth, at: HopPlace, receiveCount: number, firstReceiveMs: number): SqsMessage {
  const p = b.payload;
  const q = at.node.kind === 'sqsQueue' ? at.node.props.QueueName : nodeDisplayName(at.node);
  const attrs: Record<string, SqsAttributeValue> = {};
  for (const [k, v] of Object.entries(p.attributes ?? {})) attrs[k] = { DataType: 'String', StringValue: v };
  return sqsMessage({
    body: bodyText(p.body),
    queueName: q,
    senderId: ACCOUNT,
    sentMs: SIM_EPOCH_MS + b.timeMs,
    receivedMs: SIM_EPOCH_MS + firstReceiveMs,
    receiveCount,
    messageAttributes: attrs,
    messageGroupId: p.groupId,
    ids: idSource(`evsim/${at.seed}/${b.id}`),
  });
}

/** How the message body relates to what was published. */
function bodyKind(b: UnitBirth, edge: ScenarioEdge | undefined): string {
  if (edge?.kind === 'subscription') return edge.props.RawMessageDelivery ? 'raw message delivery: the Body is the message itself' : 'the Body is the SNS JSON envelope';
  if (edge?.kind === 'redrive') return 'moved by the redrive policy: the same Body';
  if (edge?.kind === 'ruleTarget' && b.payload.attributes?.ERROR_CODE !== undefined) return 'an EventBridge target DLQ message: the event in the Body, the error in the attributes';
  if (edge?.kind === 'ruleTarget') return 'the Body is the EventBridge event';
  if (edge?.kind === 'destination' || edge?.kind === 'eventSourceMapping') return 'the Body is the invocation record';
  return 'the Body is what the producer sent';
}

function isSnsEvent(body: unknown): boolean {
  const r = (body as { Records?: Array<{ EventSource?: string }> } | null)?.Records;
  return Array.isArray(r) && r[0]?.EventSource === 'aws:sns';
}
