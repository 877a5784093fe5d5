import { handlePatterns } from './handlePatterns';
import { handleView } from './handleView';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from './protocol';
import { isPatternRequest } from './protocolPatterns';
import { advance, openSession, progress, restart, snapshot, stepBack, stepEvents, takeFacts, type SimSession } from './session';

/** State the worker keeps between messages. */
export interface WorkerSession {
  protocolVersion: number | null;
  /** The loaded simulation, once a scenario is loaded. */
  sim: SimSession | null;
}

/** A fresh session. */
export const createSession = (): WorkerSession => ({ protocolVersion: null, sim: null });

/**
 * Handles one message and returns the replies; pure apart from the session it updates,
 * so it is tested without a Worker. Long work (play, runUntil) only changes the mode here;
 * the worker then calls `tick` until `wantsTicks` is false.
 */
export function handleMessage(session: WorkerSession, msg: unknown): FromWorker[] {
  if (!isRequest(msg)) {
    return [{ type: 'error', requestId: -1, message: 'Malformed message: expected an object with type and requestId.' }];
  }
  const m = msg as ToWorker;
  if (isPatternRequest(m)) return handlePatterns(m);
  switch (m.type) {
    case 'hello':
      if (m.protocolVersion !== PROTOCOL_VERSION) {
        return [{ type: 'incompatible', requestId: m.requestId, expected: PROTOCOL_VERSION, got: m.protocolVersion }];
      }
      session.protocolVersion = m.protocolVersion;
      return [{ type: 'ready', requestId: m.requestId, protocolVersion: PROTOCOL_VERSION, engine: 'evsim' }];
    case 'ping':
      return [{ type: 'pong', requestId: m.requestId }];
    case 'load':
      return load(session, m);
    case 'step':
    case 'stepBack':
    case 'runUntil':
    case 'play':
    case 'pause':
    case 'reset':
    case 'setSeed':
      return control(session, m);
    case 'seek':
    case 'stepUntil':
    case 'inspectUnit':
    case 'timeline':
    case 'series':
    case 'liveUnits':
      return session.sim === null ? [{ type: 'error', requestId: m.requestId, message: `${m.type}: no scenario loaded.` }] : handleView(session.sim, m);
    default:
      return [{ type: 'error', requestId: (m as { requestId: number }).requestId, message: `Unknown message type: ${String((m as { type: unknown }).type)}` }];
  }
}

function load(session: WorkerSession, m: Extract<ToWorker, { type: 'load' }>): FromWorker[] {
  const sc = m.scenario;
  if (typeof sc !== 'object' || sc === null || !Array.isArray(sc.nodes) || !Array.isArray(sc.edges) || typeof sc.settings !== 'object') {
    return [{ type: 'error', requestId: m.requestId, message: 'load: scenario must be a restored Scenario document.' }];
  }
  try {
    const s = openSession(sc, validSeed(m.seed) ? m.seed : sc.settings.seed);
    session.sim = s;
    return [{ type: 'loaded', requestId: m.requestId, warnings: [...s.sim.warnings], snapshot: snapshot(s), facts: takeFacts(s).facts }];
  } catch (e) {
    session.sim = null;
    return [{ type: 'error', requestId: m.requestId, message: `load failed: ${(e as Error).message}` }];
  }
}

type Control = Extract<ToWorker, { type: 'step' | 'stepBack' | 'runUntil' | 'play' | 'pause' | 'reset' | 'setSeed' }>;

function control(session: WorkerSession, m: Control): FromWorker[] {
  const s = session.sim;
  if (s === null) return [{ type: 'error', requestId: m.requestId, message: `${m.type}: no scenario loaded.` }];
  switch (m.type) {
    case 'step':
      s.mode = 'paused';
      stepEvents(s, m.count ?? 1);
      break;
    case 'stepBack':
      stepBack(s, m.count ?? 1);
      break;
    case 'runUntil':
      if (!Number.isFinite(m.timeMs)) return [{ type: 'error', requestId: m.requestId, message: 'runUntil: timeMs must be a number.' }];
      s.mode = 'running';
      s.target = m.timeMs;
      // The first chunk runs now, so short runs complete within this reply.
      advance(s, 0);
      break;
    case 'play':
      if (!(m.speed > 0)) return [{ type: 'error', requestId: m.requestId, message: 'play: speed must be positive.' }];
      s.mode = 'playing';
      s.speed = m.speed;
      break;
    case 'pause':
      s.mode = 'paused';
      break;
    case 'reset':
      restart(s, s.seed);
      break;
    case 'setSeed':
      if (!validSeed(m.seed)) return [{ type: 'error', requestId: m.requestId, message: 'setSeed: seed must be an integer 0..4294967295.' }];
      restart(s, m.seed);
      break;
  }
  return [progress(s, m.requestId)];
}

/** True while playing or running: the worker should keep calling `tick`. */
export function wantsTicks(session: WorkerSession): boolean {
  return session.sim !== null && session.sim.mode !== 'paused';
}

/**
 * One bounded chunk of play/run work, `wallMs` after the previous one; returns the progress
 * report (requestId 0), or nothing when idle.
 */
export function tick(session: WorkerSession, wallMs: number): FromWorker[] {
  const s = session.sim;
  if (s === null || s.mode === 'paused') return [];
  advance(s, wallMs);
  return [progress(s, 0)];
}

function validSeed(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
}

function isRequest(msg: unknown): boolean {
  return typeof msg === 'object' && msg !== null && typeof (msg as { type?: unknown }).type === 'string' && typeof (msg as { requestId?: unknown }).requestId === 'number';
}
