import { useCallback } from 'react';
import type { Connection, FinalConnectionState, IsValidConnection } from '@xyflow/react';
import { canConnect } from '../../model/connections';
import { connectNodes } from '../../store/commands';
import { useScenarioStore } from '../../store/scenarioStore';
import { useUiStore } from '../../store/uiStore';
import type { FlowEdge } from './toFlowElements';

/** The node under a screen point, whatever part of it the pointer is on. */
function nodeIdAt(x: number, y: number): string | null {
  const el = document.elementFromPoint(x, y)?.closest('.react-flow__node');
  return el?.getAttribute('data-id') ?? null;
}

function pointOf(e: MouseEvent | TouchEvent): { x: number; y: number } {
  if ('changedTouches' in e && e.changedTouches.length) return { x: e.changedTouches[0].clientX, y: e.changedTouches[0].clientY };
  const m = e as MouseEvent;
  return { x: m.clientX, y: m.clientY };
}

/**
 * Drawing connections. The model's `canConnect` decides, so the canvas mirrors AWS: a handle
 * only lights up as a valid target when AWS would accept the connection, and releasing on a
 * refused target shows why, next to the pointer. Dropping anywhere on a node's body counts,
 * not just on its small handle.
 */
export function useConnectionHandlers() {
  const isValidConnection: IsValidConnection<FlowEdge> = useCallback((c) => {
    if (!c.source || !c.target) return false;
    return canConnect(useScenarioStore.getState().scenario, c.source, c.target).ok;
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const refused = connectNodes(c.source, c.target);
    if (refused) {
      const box = document.querySelector(`.react-flow__node[data-id="${CSS.escape(c.target)}"]`)?.getBoundingClientRect();
      useUiStore.getState().showToast(refused, box ? box.left : 200, box ? box.bottom : 200);
    }
  }, []);

  const onConnectEnd = useCallback((event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    // A valid drop on a handle went through onConnect already.
    if (state.isValid || !state.fromNode) return;
    const at = pointOf(event);
    const target = state.toNode?.id ?? nodeIdAt(at.x, at.y);
    if (!target || target === state.fromNode.id) return;
    const source = state.fromHandle?.type === 'target' ? target : state.fromNode.id;
    const to = state.fromHandle?.type === 'target' ? state.fromNode.id : target;
    const answer = canConnect(useScenarioStore.getState().scenario, source, to);
    if (answer.ok) {
      const refused = connectNodes(source, to);
      if (refused) useUiStore.getState().showToast(refused, at.x, at.y);
    } else {
      useUiStore.getState().showToast(answer.reason, at.x, at.y);
    }
  }, []);

  return { isValidConnection, onConnect, onConnectEnd };
}
