import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from './protocol';

/** State the worker keeps between messages. */
export interface WorkerSession {
  protocolVersion: number | null;
}

/** A fresh session. */
export const createSession = (): WorkerSession => ({ protocolVersion: null });

/**
 * Handles one message and returns the replies; pure apart from the session it updates,
 * so it is tested without a Worker.
 */
export function handleMessage(session: WorkerSession, msg: unknown): FromWorker[] {
  if (!isRequest(msg)) {
    return [{ type: 'error', requestId: -1, message: 'Malformed message: expected an object with type and requestId.' }];
  }
  const m = msg as ToWorker;
  switch (m.type) {
    case 'hello':
      if (m.protocolVersion !== PROTOCOL_VERSION) {
        return [{ type: 'incompatible', requestId: m.requestId, expected: PROTOCOL_VERSION, got: m.protocolVersion }];
      }
      session.protocolVersion = m.protocolVersion;
      return [{ type: 'ready', requestId: m.requestId, protocolVersion: PROTOCOL_VERSION, engine: 'evsim' }];
    case 'ping':
      return [{ type: 'pong', requestId: m.requestId }];
    default:
      return [{ type: 'error', requestId: m.requestId, message: `Unknown message type: ${String((m as { type: unknown }).type)}` }];
  }
}

function isRequest(msg: unknown): boolean {
  return typeof msg === 'object' && msg !== null && typeof (msg as { type?: unknown }).type === 'string' && typeof (msg as { requestId?: unknown }).requestId === 'number';
}
