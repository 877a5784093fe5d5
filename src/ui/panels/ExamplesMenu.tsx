import { useState } from 'react';
import { openExample } from '../sharing/openDocument';
import { MenuButton, type MenuItem } from './MenuButton';

/** One entry of public/examples/index.json. */
export interface ExampleEntry {
  file: string;
  title: string;
  description?: string;
}

/** Reads the examples index, tolerating the shapes it may take ({examples: [...]} or a bare list). */
export function parseExampleIndex(data: unknown): ExampleEntry[] {
  const list = Array.isArray(data) ? data : Array.isArray((data as { examples?: unknown })?.examples) ? (data as { examples: unknown[] }).examples : [];
  return list.flatMap((e): ExampleEntry[] => {
    if (typeof e !== 'object' || e === null) return [];
    const r = e as Record<string, unknown>;
    const file = [r.file, r.path, r.href].find((v): v is string => typeof v === 'string');
    const title = [r.title, r.name].find((v): v is string => typeof v === 'string');
    // Only plain file names inside examples/: the index is static, but never follow it elsewhere.
    if (!file || !/^[\w.-]+\.json$/.test(file.replace(/^(\.\/)?(examples\/)?/, ''))) return [];
    return [{ file: file.replace(/^(\.\/)?(examples\/)?/, ''), title: title ?? file, description: typeof r.description === 'string' ? r.description : undefined }];
  });
}

/** The built-in examples, listed from public/examples/index.json on first open. */
export function ExamplesMenu() {
  const [items, setItems] = useState<MenuItem[] | null>(null);
  const load = async () => {
    if (items) return;
    try {
      const res = await fetch('examples/index.json');
      if (!res.ok) throw new Error(String(res.status));
      const entries = parseExampleIndex(await res.json());
      setItems(entries.map((e) => ({ label: e.title, title: e.description, onSelect: () => void openExample(`examples/${e.file}`, { undoable: true }) })));
    } catch {
      setItems([{ label: 'No examples found', onSelect: () => undefined, disabled: true }]);
    }
  };
  return <MenuButton label="Examples" testId="menu-examples" onOpen={() => void load()} items={items ?? [{ label: 'Loading…', onSelect: () => undefined, disabled: true }]} />;
}
