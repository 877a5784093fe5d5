/**
 * Draws pattern errors and test explanations in Monaco: markers (squiggles, with the message on
 * hover and in the problems list) and decorations (marked keys and values, a glyph and a short
 * verdict at the end of each explained line).
 */
import { monaco } from './monacoSetup';

/** An error or warning at text offsets [start, end). */
export interface EditorMarker {
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Marked spans and per-line notes, as the pattern test lays them out. */
export interface LayoutDecorations {
  marks: ReadonlyArray<{ start: number; end: number; tone: 'pass' | 'fail' | 'muted'; hover: string }>;
  lines: ReadonlyArray<{ line: number; tone: 'pass' | 'fail' | 'muted'; text: string }>;
}

const OWNER = 'evsim';

/**
 * Sets the model's markers. An empty span is widened to one character (the one before it at
 * the end of the text), so every error shows a squiggle.
 */
export function applyMarkers(model: monaco.editor.ITextModel, markers: readonly EditorMarker[]): void {
  const length = model.getValueLength();
  monaco.editor.setModelMarkers(
    model,
    OWNER,
    markers.map((m) => {
      let start = Math.max(0, Math.min(m.start, length));
      let end = Math.max(start, Math.min(m.end, length));
      if (end === start) {
        if (end < length) end = start + 1;
        else if (start > 0) start = start - 1;
      }
      const a = model.getPositionAt(start);
      const b = model.getPositionAt(end);
      return {
        severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: m.message,
        source: 'AWS',
        startLineNumber: a.lineNumber,
        startColumn: a.column,
        endLineNumber: b.lineNumber,
        endColumn: b.column,
      };
    }),
  );
}

/** Replaces the collection's decorations with those of a layout (none when null). */
export function applyExplainLayout(ed: monaco.editor.IStandaloneCodeEditor, collection: monaco.editor.IEditorDecorationsCollection, layout: LayoutDecorations | null): void {
  const model = ed.getModel();
  if (!model || !layout) {
    collection.clear();
    return;
  }
  const length = model.getValueLength();
  const decos: monaco.editor.IModelDeltaDecoration[] = [];
  for (const m of layout.marks) {
    if (m.start >= length) continue;
    const a = model.getPositionAt(m.start);
    const b = model.getPositionAt(Math.min(m.end, length));
    decos.push({
      range: { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column },
      options: { inlineClassName: `evsim-mark evsim-mark--${m.tone}`, hoverMessage: { value: codeBlock(m.hover) } },
    });
  }
  const lines = model.getLineCount();
  for (const l of layout.lines) {
    if (l.line > lines) continue;
    const end = model.getLineMaxColumn(l.line);
    decos.push({
      range: { startLineNumber: l.line, startColumn: 1, endLineNumber: l.line, endColumn: 1 },
      options: { isWholeLine: true, glyphMarginClassName: `evsim-glyph evsim-glyph--${l.tone}`, glyphMarginHoverMessage: { value: codeBlock(l.text) }, className: `evsim-line--${l.tone}` },
    });
    decos.push({
      range: { startLineNumber: l.line, startColumn: end, endLineNumber: l.line, endColumn: end },
      options: { showIfCollapsed: true, after: { content: `  ${l.text}`, inlineClassName: `evsim-note evsim-note--${l.tone}` } },
    });
  }
  collection.set(decos);
}

/** Plain text as a Markdown code block (no markup from user data). */
function codeBlock(text: string): string {
  return `\`\`\`text\n${text.replace(/```/g, "'''")}\n\`\`\``;
}
