import type { DragEvent } from 'react';
import { NODE_KINDS, type NodeKind } from '../../model/types';
import { NODE_PROPS_SCHEMAS } from '../../model/schema/nodeSchemas';
import { KIND_STYLES } from '../canvas/kindStyles';
import { useCanvasCommands } from '../canvas/useCanvasCommands';
import { PALETTE_MIME } from './paletteMime';


/**
 * Every node kind, as buttons: click (or Enter) adds one in view without overlapping, drag
 * drops one where it is released.
 */
export function Palette() {
  const { addNodeInView } = useCanvasCommands();
  const onDragStart = (e: DragEvent, kind: NodeKind) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="palette" aria-label="Add a resource">
      <h2 className="palette__title">Add</h2>
      <ul className="palette__list">
        {NODE_KINDS.map((kind) => {
          const style = KIND_STYLES[kind];
          return (
            <li key={kind}>
              <button
                type="button"
                className="palette__item"
                draggable
                onDragStart={(e) => onDragStart(e, kind)}
                onClick={() => addNodeInView(kind)}
                title={`${NODE_PROPS_SCHEMAS[kind].description ?? style.label} Click to add, or drag onto the canvas.`}
                aria-label={`Add ${style.label}`}
                data-testid={`palette-${kind}`}
                style={{ ['--kind-color' as string]: style.color }}
              >
                <span className="palette__badge" aria-hidden="true">
                  {style.badge}
                </span>
                <span className="palette__label">{style.label}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="palette__hint">Drag from a node&apos;s right handle to another node to connect.</p>
    </nav>
  );
}
