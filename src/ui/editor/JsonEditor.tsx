import Editor from '@monaco-editor/react';
import './monacoSetup';

/** Props of the lazily loaded JSON editor. */
export interface JsonEditorProps {
  value: string;
  onChange?: (text: string) => void;
  height?: number | string;
  theme?: 'light' | 'dark';
  readOnly?: boolean;
  ariaLabel: string;
}

/** A controlled Monaco JSON editor, bundled locally. Import it only through React.lazy. */
export default function JsonEditor({ value, onChange, height = 320, theme = 'light', readOnly = false, ariaLabel }: JsonEditorProps) {
  return (
    <div className="json-editor" data-testid="json-editor">
      <Editor
        height={height}
        language="json"
        value={value}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        onChange={(v) => onChange?.(v ?? '')}
        options={{ minimap: { enabled: false }, readOnly, fontSize: 12, ariaLabel, scrollBeyondLastLine: false, automaticLayout: true }}
      />
    </div>
  );
}
