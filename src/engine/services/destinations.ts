/**
 * Lambda async destinations (aws-semantics 5.2): the invocation record AWS sends to an
 * OnSuccess / OnFailure destination, wrapped as an EventBridge event when the destination is
 * a bus (source `lambda`, detail-type `Lambda Function Invocation Result - Success|Failure`).
 */
import type { Payload, Unit } from '../kernel/ledger';
import type { Sim } from '../kernel/sim';
import { targetOf } from '../kernel/topology';
import { eventBridgeEvent, isoMillis, uuidFrom } from './envelope';
import type { LambdaRt } from './lambdaFunction';

/** `requestContext.condition` values. */
export type DestinationCondition = 'Success' | 'RetriesExhausted' | 'EventAgeExceeded' | 'ZeroReservedConcurrency';

/** The async invocation record. */
export interface InvocationRecord {
  version: '1.0';
  timestamp: string;
  requestContext: { requestId: string; functionArn: string; condition: DestinationCondition; approximateInvokeCount: number };
  requestPayload: unknown;
  /** Absent when the function never ran (ZeroReservedConcurrency). */
  responseContext?: { statusCode: number; executedVersion: string; functionError?: string };
  responsePayload?: unknown;
}

/**
 * Sends unit `u`'s invocation record to every destination edge in `edges` (children of `u`).
 * `error` is the failure's type and message (absent on success).
 */
export function sendToDestinations(sim: Sim, fn: LambdaRt, u: Unit, edges: number[], condition: DestinationCondition, error: { type: string; message: string } | null): void {
  const requestId = uuidFrom(sim.rng(fn.node, 'requestIds'));
  const record: InvocationRecord = {
    version: '1.0',
    timestamp: isoMillis(sim.now),
    requestContext: { requestId, functionArn: `${fn.arn}:$LATEST`, condition, approximateInvokeCount: u.attempts },
    requestPayload: u.payload!.body,
  };
  if (condition !== 'ZeroReservedConcurrency') {
    record.responseContext = error === null ? { statusCode: 200, executedVersion: '$LATEST' } : { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' };
    record.responsePayload = error === null ? null : { errorType: error.type, errorMessage: error.message };
  }
  for (const edge of edges) {
    const target = targetOf(sim.topo, edge);
    const toBus = sim.topo.nodes[target].kind === 'eventBus';
    const body = toBus
      ? eventBridgeEvent(uuidFrom(sim.rng(fn.node, 'ids')), sim.now, 'lambda', `Lambda Function Invocation Result - ${condition === 'Success' ? 'Success' : 'Failure'}`, record, [`${fn.arn}:$LATEST`])
      : record;
    const payload: Payload = { body, eventId: requestId, groupId: undefined, dedupId: undefined, attributes: undefined };
    sim.handOff(u, target, edge, payload);
  }
}
