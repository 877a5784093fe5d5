/**
 * An EventBridge InputTemplate split into literal text and `<variable>` placeholders, each
 * placeholder knowing where it sits: inside a JSON string, or as a JSON value of a JSON
 * (object) template. Shared by the checks (`inputTransformCheck.ts`) and the renderer
 * (`inputTransformRender.ts`).
 */

/** The reserved variables, usable without an InputPathsMap entry (aws-semantics 1.4). */
export const PREDEFINED_VARIABLES = ['aws.events.rule-arn', 'aws.events.rule-name', 'aws.events.event.ingestion-time', 'aws.events.event', 'aws.events.event.json'] as const;

/** Predefined variables inserted as raw JSON: AWS allows them only in a JSON (object) template. */
export const JSON_ONLY_VARIABLES: ReadonlySet<string> = new Set(['aws.events.event', 'aws.events.event.json']);

/** One placeholder of a template. */
export interface TemplatePlaceholder {
  name: string;
  /** Offset of `<` in the template. */
  offset: number;
  /** Length of `<name>`. */
  length: number;
  /** Inside a double-quoted string of the template. */
  inString: boolean;
}

/** A template cut into alternating literal text and placeholders. */
export interface ParsedTemplate {
  /** AWS treats a template that starts with `{` as a JSON template; anything else is text. */
  json: boolean;
  parts: Array<{ text: string } | TemplatePlaceholder>;
  placeholders: TemplatePlaceholder[];
}

const NAME = /^[A-Za-z0-9_.-]+$/;

/** Splits a template once; never throws. */
export function parseTemplate(template: string): ParsedTemplate {
  const json = template.trimStart().startsWith('{');
  const parts: ParsedTemplate['parts'] = [];
  const placeholders: TemplatePlaceholder[] = [];
  let inString = false;
  let lit = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch === '\\' && inString) {
      lit += ch + (template[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') inString = !inString;
    if (ch === '<') {
      const end = template.indexOf('>', i + 1);
      const name = end > i ? template.slice(i + 1, end) : '';
      if (NAME.test(name)) {
        parts.push({ text: lit });
        lit = '';
        const p: TemplatePlaceholder = { name, offset: i, length: end - i + 1, inString };
        parts.push(p);
        placeholders.push(p);
        i = end;
        continue;
      }
    }
    lit += ch;
  }
  parts.push({ text: lit });
  return { json, parts, placeholders };
}

/** Line and column (1-based) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
