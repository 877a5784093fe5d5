// Positions in pattern text: offsets while parsing, line and column for people and editors.

/** Where a token sits in the pattern text (0-based offset, 1-based line and column). */
export interface SrcRange {
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** Offsets only; line and column are computed on demand by {@link locate}. */
export interface Span {
  start: number;
  end: number;
}

/** Converts an offset to a full range with 1-based line and column. */
export function locate(text: string, span: Span): SrcRange {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < span.start && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: span.start, length: Math.max(0, span.end - span.start), line, column: span.start - lineStart + 1 };
}
