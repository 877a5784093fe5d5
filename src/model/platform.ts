/**
 * The few web-platform APIs the model uses (compression streams, text codecs), reached through
 * `globalThis` with minimal local types: the model's tsconfig has no DOM library, and local
 * types can't clash with the DOM's where both are loaded. Present in browsers, workers and
 * Node >= 18.
 */

interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}
interface ByteWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
/** A CompressionStream or DecompressionStream. */
export interface ByteTransform {
  readable: { getReader(): ByteReader };
  writable: { getWriter(): ByteWriter };
}

/** The platform APIs the share link needs. */
export interface Platform {
  CompressionStream: new (format: 'deflate-raw') => ByteTransform;
  DecompressionStream: new (format: 'deflate-raw') => ByteTransform;
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
}

/** The platform APIs, or undefined where one is missing (a very old browser). */
export function platform(): Platform | undefined {
  const g = globalThis as unknown as Partial<Platform>;
  return g.CompressionStream && g.DecompressionStream && g.TextEncoder && g.TextDecoder ? (g as Platform) : undefined;
}
