import { useEffect, useRef } from 'react';
import { useUiStore } from '../../store/uiStore';

const SHORTCUTS: Array<[string, string]> = [
  ['Click a palette entry, or drag it onto the canvas', 'Add a resource'],
  ["Drag from a node's right handle onto another node", 'Connect (as AWS allows)'],
  ['Shift+click, or Shift+drag on empty canvas', 'Select several'],
  ['Tab, then Enter or Space', 'Reach and select nodes and connections'],
  ['Arrow keys (Shift: 10×)', 'Move the selection'],
  ['Delete or Backspace', 'Delete the selection'],
  ['Ctrl/⌘+C, Ctrl/⌘+X, Ctrl/⌘+V', 'Copy, cut, paste'],
  ['Ctrl/⌘+D', 'Duplicate'],
  ['Ctrl/⌘+A', 'Select everything'],
  ['Ctrl/⌘+Z, Shift+Ctrl/⌘+Z (or Ctrl+Y)', 'Undo, redo'],
  ['Escape', 'Clear the selection'],
  ['?', 'This list'],
];

/** The keyboard and mouse shortcuts of the editor. */
export function ShortcutsDialog() {
  const open = useUiStore((s) => s.dialog?.type === 'help');
  const openDialog = useUiStore((s) => s.openDialog);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!open || !d) return;
    if (!d.open) d.showModal();
    return () => d.close();
  }, [open]);
  if (!open) return null;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onCancel={() => openDialog(null)}>
      <h2 id="shortcuts-title">Shortcuts</h2>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">{keys}</th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" onClick={() => openDialog(null)} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
