import { PROTOCOL_VERSION, type FromWorker, type Request, type SimSnapshot } from './protocol';

type Listener = (msg: FromWorker) => void;

/**
 * The main thread's handle on the simulation worker; the only place that calls `new Worker()`.
 * `request` resolves with the first reply carrying the same requestId; `subscribe` sees all.
 */
export class SimulationClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, (m: FromWorker) => void>();
  private listeners = new Set<Listener>();

  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      const resolve = this.pending.get(msg.requestId);
      if (resolve) {
        this.pending.delete(msg.requestId);
        resolve(msg);
      }
      for (const l of this.listeners) l(msg);
    };
  }

  /** Sends a request; resolves with its reply. */
  request(req: Request): Promise<FromWorker> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(requestId, resolve);
      this.worker.postMessage({ ...req, requestId });
    });
  }

  /** Handshake: checks that the worker speaks our protocol version. */
  async connect(): Promise<FromWorker> {
    return this.request({ type: 'hello', protocolVersion: PROTOCOL_VERSION });
  }

  /**
   * Runs to `timeMs` and resolves with the final snapshot, once the worker has paused again
   * (reached the time, or stopped at the event budget). Progress reports still reach subscribers.
   */
  async runUntilDone(timeMs: number): Promise<SimSnapshot> {
    return new Promise((resolve, reject) => {
      const off = this.subscribe((m) => {
        if (m.type === 'progress' && m.snapshot.mode === 'paused') {
          off();
          resolve(m.snapshot);
        } else if (m.type === 'error') {
          off();
          reject(new Error(m.message));
        }
      });
      void this.request({ type: 'runUntil', timeMs });
    });
  }

  /** Every reply, including unsolicited progress messages. */
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Stops the worker. */
  terminate(): void {
    this.worker.terminate();
  }
}
