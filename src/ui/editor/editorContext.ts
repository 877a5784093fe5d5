/**
 * What each pattern-editor model is for, so Monaco's global completion and hover providers
 * (registered once per language) know what to offer in this model: keyed by model URI.
 */
import type { PatternMode } from '../../worker/protocolPatterns';
import type { FieldCatalog } from './fieldCatalog';

/** Language id of JSON documents in the pattern editors (patterns, paths maps, events). */
export const PATTERN_LANGUAGE = 'evsim-json';
/** Language id of InputTemplates (text or JSON with <variable> placeholders). */
export const TEMPLATE_LANGUAGE = 'evsim-template';

/** The purpose of one editor model. */
export type EditorContext =
  /** An event pattern or filter policy, with the fields known from examples. */
  | { kind: 'pattern'; mode: PatternMode; catalog: FieldCatalog }
  /** An InputPathsMap: variable name -> JSON path of the event. */
  | { kind: 'pathsMap'; catalog: FieldCatalog }
  /** An InputTemplate: text or JSON with <variable> placeholders. */
  | { kind: 'template'; paths: Record<string, string>; catalog: FieldCatalog }
  /** An event being tested: no completion. */
  | { kind: 'event' };

const contexts = new Map<string, EditorContext>();

/** Sets (or with null, removes) the context of the model at `uri`. */
export function setEditorContext(uri: string, ctx: EditorContext | null): void {
  if (ctx === null) contexts.delete(uri);
  else contexts.set(uri, ctx);
}

/** The context of the model at `uri`, if any. */
export const getEditorContext = (uri: string): EditorContext | undefined => contexts.get(uri);
