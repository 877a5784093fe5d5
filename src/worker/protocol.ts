/**
 * The versioned protocol between the main thread and the simulation worker.
 * Messages are plain JSON (structured-clone safe), discriminated on `type`.
 * Every request carries a `requestId`; each reply echoes it.
 */

/** Bumped on every incompatible change; the worker answers `incompatible` to other versions. */
export const PROTOCOL_VERSION = 1 as const;

/** Messages the main thread sends. */
export type ToWorker =
  | { type: 'hello'; requestId: number; protocolVersion: number }
  | { type: 'ping'; requestId: number };

/** Messages the worker sends back. */
export type FromWorker =
  | { type: 'ready'; requestId: number; protocolVersion: typeof PROTOCOL_VERSION; engine: string }
  | { type: 'pong'; requestId: number }
  | { type: 'incompatible'; requestId: number; expected: number; got: number }
  | { type: 'error'; requestId: number; message: string };

/** Type of a request without its requestId, as the client API takes it. */
export type Request = ToWorker extends infer M ? (M extends { requestId: number } ? Omit<M, 'requestId'> : never) : never;
