// Bundle figures from the production build's manifest: what index.html loads on first paint,
// and what Monaco adds when the editor is first opened.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

const DIST = 'dist';
const gzKb = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;

/** Files reached from a manifest key through static imports (with their CSS). */
function closure(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const css of chunk.css ?? []) seen.add(css);
  for (const imp of chunk.imports ?? []) closure(manifest, imp, seen);
  return seen;
}

/** `bundle.first_paint_gzip_kb` and `bundle.monaco_lazy_kb` (gzip -9, KiB). */
export function benchBundle(): Array<[string, number]> {
  const path = join(DIST, '.vite', 'manifest.json');
  if (!existsSync(path)) throw new Error('dist/.vite/manifest.json is missing: run `npm run build` first');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('index.html'))!;
  const firstPaint = closure(manifest, entryKey);
  const editorKey = Object.keys(manifest).find((k) => k.endsWith('ui/editor/JsonEditor.tsx'));
  const lazy = editorKey ? closure(manifest, editorKey) : new Set<string>();
  // Monaco's workers and fonts are emitted as assets of the editor chunk.
  for (const k of Object.keys(manifest)) {
    if (/monaco-editor|codicon/.test(k)) for (const f of closure(manifest, k)) lazy.add(f);
  }
  for (const f of firstPaint) lazy.delete(f);
  const sum = (files: Set<string>) => [...files].reduce((a, f) => a + gzKb(f), 0);
  return [
    ['bundle.first_paint_gzip_kb', round(sum(firstPaint))],
    ['bundle.monaco_lazy_kb', round(sum(lazy))],
  ];
}

const round = (x: number) => Math.round(x * 10) / 10;
