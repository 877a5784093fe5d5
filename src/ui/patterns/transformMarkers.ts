/**
 * PutTargets' transformer problems as editor markers: template problems at their offsets,
 * InputPathsMap problems on the offending entry. Also reads the paths map text. Pure.
 */
import type { InputTransformer } from '../../model/types';
import type { TransformProblem } from '../../worker/protocolPatterns';
import type { EditorMarker } from '../editor/editorMarks';
import { parseJsonTree } from '../editor/jsonTree';

/** Markers for the InputPathsMap editor and the InputTemplate editor. */
export function transformMarkers(problems: readonly TransformProblem[], mapText: string): { map: EditorMarker[]; template: EditorMarker[] } {
  const map: EditorMarker[] = [];
  const template: EditorMarker[] = [];
  const tree = parseJsonTree(mapText);
  for (const p of problems) {
    if (p.field === 'InputTemplate') {
      template.push({ start: p.offset ?? 0, end: (p.offset ?? 0) + (p.length ?? 0), message: p.message, severity: 'error' });
      continue;
    }
    const prop = p.key !== undefined && tree?.kind === 'object' ? tree.props.find((x) => x.key === p.key) : undefined;
    const span = prop ? (prop.value && !p.message.startsWith('1 validation') ? { start: prop.value.start, end: prop.value.end } : { start: prop.keyStart, end: prop.keyEnd }) : { start: 0, end: 1 };
    map.push({ ...span, message: p.message, severity: 'error' });
  }
  return { map, template };
}

/** The InputPathsMap typed so far, when it is a JSON object of strings. */
export function readPathsMap(text: string): Record<string, string> | null {
  if (text.trim() === '') return {};
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    return Object.values(v).every((x) => typeof x === 'string') ? (v as Record<string, string>) : null;
  } catch {
    return null;
  }
}

/** The transformer to commit, or why it cannot be. */
export function transformerToApply(mapText: string, template: string): { ok: true; value: InputTransformer } | { ok: false; error: string } {
  const map = readPathsMap(mapText);
  if (!map) return { ok: false, error: 'InputPathsMap must be a JSON object of variable names to JSON paths.' };
  if (template.length === 0) return { ok: false, error: 'InputTemplate is required (1 to 8192 characters).' };
  return { ok: true, value: { InputPathsMap: map, InputTemplate: template } };
}
