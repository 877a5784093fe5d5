import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useId, useRef, useState } from 'react';
import { monaco } from './monacoSetup';
import { setEditorContext, type EditorContext } from './editorContext';
import { registerPatternLanguages } from './patternLanguage';
import { applyExplainLayout, applyMarkers, type EditorMarker, type LayoutDecorations } from './editorMarks';
import './editorMarks.css';

registerPatternLanguages();

/** Props of {@link CodeEditor}. */
export interface CodeEditorProps {
  value: string;
  onChange?: (text: string) => void;
  /** `evsim-json` or `evsim-template`. */
  language: string;
  /** What completion and hover offer here. */
  context: EditorContext;
  ariaLabel: string;
  height?: number | string;
  readOnly?: boolean;
  theme?: 'light' | 'dark';
  /** Error markers, by text offsets (shown as squiggles with AWS's words). */
  markers?: readonly EditorMarker[];
  /** Per-line verdicts and marked spans of a test explanation. */
  decorations?: LayoutDecorations | null;
  onBlur?: () => void;
  testId?: string;
}

/**
 * A controlled Monaco editor for patterns, events and transformer parts, bundled locally. The
 * model's URI keys its {@link EditorContext}; markers and decorations are redrawn when they change.
 * Import it only through React.lazy (it pulls in Monaco).
 */
export default function CodeEditor({ value, onChange, language, context, ariaLabel, height = 220, readOnly = false, theme = 'light', markers, decorations, onBlur, testId }: CodeEditorProps) {
  const id = useId().replace(/[^A-Za-z0-9]/g, '');
  const path = `inmemory://evsim/${language}-${id}.json`;
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const collection = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const [mounted, setMounted] = useState(false);
  const blur = useRef(onBlur);
  useEffect(() => {
    blur.current = onBlur;
  }, [onBlur]);

  useEffect(() => {
    const uri = monaco.Uri.parse(path).toString();
    setEditorContext(uri, context);
    return () => setEditorContext(uri, null);
  }, [path, context]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) applyMarkers(model, markers ?? []);
  }, [markers, mounted, value]);

  useEffect(() => {
    const ed = editorRef.current;
    if (!ed) return;
    collection.current ??= ed.createDecorationsCollection();
    applyExplainLayout(ed, collection.current, decorations ?? null);
  }, [decorations, mounted]);

  const onMount: OnMount = (ed) => {
    editorRef.current = ed;
    ed.onDidBlurEditorText(() => blur.current?.());
    setMounted(true);
  };

  return (
    <div className="code-editor" data-testid={testId} style={{ height }}>
      <Editor
        height="100%"
        path={path}
        language={language}
        value={value}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        onChange={(v) => onChange?.(v ?? '')}
        onMount={onMount}
        loading={<p className="code-editor__loading">Loading editor…</p>}
        options={{
          minimap: { enabled: false },
          readOnly,
          fontSize: 12.5,
          ariaLabel,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          glyphMargin: true,
          lineNumbersMinChars: 3,
          folding: false,
          wordWrap: 'on',
          tabSize: 2,
          renderLineHighlight: 'none',
          quickSuggestions: { strings: true, other: true, comments: false },
          suggest: { showWords: false },
          wordBasedSuggestions: 'off',
          fixedOverflowWidgets: true,
        }}
      />
    </div>
  );
}
