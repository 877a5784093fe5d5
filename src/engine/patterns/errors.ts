// Pattern errors carry AWS's reason text, where it applies (the JSON path of the offending
// key) and where it sits in the source text, so editors can place markers.

import { locate, type Span, type SrcRange } from './sourceRange';

/** Which service's rules a pattern follows. */
export type PatternMode = 'eventbridge' | 'sns-attributes' | 'sns-body';

/** One reason a pattern is invalid. */
export interface PatternError {
  /** AWS's reason text, e.g. `"int" must be an object or an array`. */
  message: string;
  /** JSON path of the offending key or value, e.g. `detail.state[0].prefix`; `` for the root. */
  path: string;
  /** Where the offending token is in the pattern text. */
  range?: SrcRange;
}

/** Collects errors while a pattern is validated. */
export class ErrorSink {
  readonly errors: PatternError[] = [];
  constructor(private readonly text: string) {}

  add(message: string, path: string, span?: Span): void {
    this.errors.push({ message, path, range: span ? locate(this.text, span) : undefined });
  }
}

/**
 * The error line AWS prints for the first error: EventBridge's InvalidEventPatternException
 * reason, or SNS's InvalidParameter message.
 */
export function formatPatternError(error: PatternError, mode: PatternMode = 'eventbridge'): string {
  if (mode === 'eventbridge') return `Event pattern is not valid. Reason: ${error.message}`;
  return `Invalid parameter: FilterPolicy: ${error.message}`;
}

/** Appends a key to a JSON path. */
export function joinPath(path: string, key: string): string {
  const simple = /^[A-Za-z_$][\w$-]*$/.test(key);
  const part = simple ? key : JSON.stringify(key);
  return path === '' ? part : simple ? `${path}.${part}` : `${path}[${part}]`;
}
