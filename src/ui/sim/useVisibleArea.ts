import { useStore, type ReactFlowState } from '@xyflow/react';

/** The part of the drawing on screen (flow coordinates, widened by `margin`) and the zoom. */
export interface VisibleArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
  zoom: number;
}

const select = (s: ReactFlowState) => ({ x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });
const same = (a: ReturnType<typeof select>, b: ReturnType<typeof select>) => a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

/** The visible area, so overlays draw only what is on screen (re-renders on pan and zoom). */
export function useVisibleArea(margin: number): VisibleArea {
  const v = useStore(select, same);
  return {
    left: -v.x / v.zoom - margin,
    top: -v.y / v.zoom - margin,
    right: (v.width - v.x) / v.zoom + margin,
    bottom: (v.height - v.y) / v.zoom + margin,
    zoom: v.zoom,
  };
}

/** Whether a rectangle touches the area. */
export const inArea = (a: VisibleArea, x: number, y: number, w: number, h: number): boolean => x <= a.right && y <= a.bottom && x + w >= a.left && y + h >= a.top;
