import { useStore, type ReactFlowState } from '@xyflow/react';
import { useInspectedPath } from './inspectedPath';
import { rectOf } from './geometry';

const selectLookup = (s: ReactFlowState) => s.nodeLookup;

/**
 * Outlines, on the canvas, every resource the inspected message reached, numbered in order,
 * so a class sees where it went while reading its life in the inspector.
 */
export function PathOutline() {
  const path = useInspectedPath();
  const lookup = useStore(selectLookup);
  if (!path) return null;
  return (
    <div className="sim-layer" data-testid="path-outline">
      {path.nodes.map((id, i) => {
        const n = lookup.get(id);
        if (!n) return null;
        const r = rectOf(n);
        const end = path.ends.includes(id);
        return (
          <div key={id} className={`sim-path${end ? ' is-end' : ''}`} style={{ transform: `translate(${r.x - 6}px, ${r.y - 6}px)`, width: r.width + 12, height: r.height + 12 }} title={`${path.label}: stop ${i + 1}${end ? ' (where it is now)' : ''}`}>
            <span className="sim-path__n">{i + 1}</span>
          </div>
        );
      })}
    </div>
  );
}
