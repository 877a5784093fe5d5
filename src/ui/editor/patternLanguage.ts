/**
 * Registers the pattern editors' languages with Monaco, once: `evsim-json` (event patterns,
 * filter policies, InputPathsMap, test events: JSON with operator keys highlighted) and
 * `evsim-template` (InputTemplate: text or JSON with `<variable>` placeholders), each with
 * completion and hover driven by the model's {@link EditorContext}. The JSON worker is not
 * involved: markers come from the evsim worker, worded as AWS words them.
 */
import { monaco } from './monacoSetup';
import { getEditorContext, PATTERN_LANGUAGE, TEMPLATE_LANGUAGE } from './editorContext';
import { suggest, type Suggestion } from './patternCompletion';
import { hoverAt } from './patternHover';

const OPERATOR_KEY = /"(?:prefix|suffix|anything-but|numeric|exists|equals-ignore-case|wildcard|cidr|\$or)"(?=\s*:)/;

let registered = false;

/** Registers both languages and their providers (idempotent). */
export function registerPatternLanguages(): void {
  if (registered) return;
  registered = true;
  const { languages } = monaco;
  languages.register({ id: PATTERN_LANGUAGE });
  languages.register({ id: TEMPLATE_LANGUAGE });
  const brackets: Array<[string, string]> = [
    ['{', '}'],
    ['[', ']'],
  ];
  const pairs = [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '"', close: '"', notIn: ['string'] },
  ];
  languages.setLanguageConfiguration(PATTERN_LANGUAGE, { brackets, autoClosingPairs: pairs, surroundingPairs: pairs });
  languages.setLanguageConfiguration(TEMPLATE_LANGUAGE, { brackets, autoClosingPairs: pairs, surroundingPairs: pairs });
  const common = [
    [/[{}[\]]/, '@brackets'],
    [/[,:]/, 'delimiter'],
    [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
    [/\b(?:true|false|null)\b/, 'keyword'],
  ];
  languages.setMonarchTokensProvider(PATTERN_LANGUAGE, {
    tokenizer: {
      root: [[OPERATOR_KEY, 'keyword'], [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'], [/"(?:[^"\\]|\\.)*"?/, 'string'], ...common],
    },
  } as Parameters<typeof languages.setMonarchTokensProvider>[1]);
  languages.setMonarchTokensProvider(TEMPLATE_LANGUAGE, {
    tokenizer: {
      root: [[/<[A-Za-z0-9_.-]+>/, 'keyword'], [/"/, 'string', '@string'], ...common],
      string: [[/<[A-Za-z0-9_.-]+>/, 'keyword'], [/\\./, 'string.escape'], [/"/, 'string', '@pop'], [/[^"\\<]+/, 'string'], [/</, 'string']],
    },
  } as Parameters<typeof languages.setMonarchTokensProvider>[1]);

  for (const id of [PATTERN_LANGUAGE, TEMPLATE_LANGUAGE]) {
    languages.registerCompletionItemProvider(id, {
      triggerCharacters: ['"', '{', '[', ',', ':', '<', '$', '.', ' '],
      provideCompletionItems(model, position) {
        const ctx = getEditorContext(model.uri.toString());
        if (!ctx) return { suggestions: [] };
        let found: Suggestion[];
        try {
          found = suggest(model.getValue(), model.getOffsetAt(position), ctx);
        } catch {
          found = [];
        }
        return { suggestions: found.map((s, i) => toItem(model, s, i)) };
      },
    });
    languages.registerHoverProvider(id, {
      provideHover(model, position) {
        const ctx = getEditorContext(model.uri.toString());
        if (!ctx) return null;
        let h: ReturnType<typeof hoverAt>;
        try {
          h = hoverAt(model.getValue(), model.getOffsetAt(position), ctx);
        } catch {
          h = null;
        }
        if (!h) return null;
        return { range: rangeOf(model, h.start, h.end), contents: [{ value: h.markdown }] };
      },
    });
  }
}

const KINDS = () => ({
  operator: monaco.languages.CompletionItemKind.Operator,
  field: monaco.languages.CompletionItemKind.Field,
  value: monaco.languages.CompletionItemKind.Value,
  path: monaco.languages.CompletionItemKind.Reference,
  variable: monaco.languages.CompletionItemKind.Variable,
});

function toItem(model: monaco.editor.ITextModel, s: Suggestion, i: number): monaco.languages.CompletionItem {
  return {
    label: s.label,
    kind: KINDS()[s.kind],
    insertText: s.insert,
    insertTextRules: s.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
    detail: s.detail,
    documentation: s.doc ? { value: s.doc } : undefined,
    filterText: s.filterText,
    sortText: String(i).padStart(4, '0'),
    range: rangeOf(model, s.replaceStart, s.replaceEnd),
  };
}

/** A Monaco range for offsets [start, end) of the model. */
export function rangeOf(model: monaco.editor.ITextModel, start: number, end: number): monaco.IRange {
  const a = model.getPositionAt(start);
  const b = model.getPositionAt(Math.max(start, end));
  return { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column };
}
