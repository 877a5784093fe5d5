import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { TraceFact } from '../../engine/index';
import { useScenarioStore } from '../../store/scenarioStore';
import { subscribeFacts } from '../../store/simulationStore';
import { curveBetween } from './geometry';
import { MARKS } from './marks';
import { narrate } from './narrate';
import { runContextOf } from './runContext';
import { TokenAnimator } from './tokenAnimator';
import { movementOf, movementsOf } from './tokens';

/** Tokens started per animation frame; later movements of a busy moment are merged or skipped. */
const PER_FRAME = 10;
/** Spread of one frame's tokens over wall time, so they do not move as one blob. */
const STAGGER_MS = 30;

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Messages moving along connections as tokens. Facts arrive from the store outside React; the
 * movements they imply are gathered and started once per animation frame, and the compositor
 * plays them. Hovering a token tells what it is. The component renders one empty layer and
 * never re-renders.
 */
export function TokenLayer() {
  const layer = useRef<HTMLDivElement>(null);
  const flow = useStoreApi();
  useEffect(() => {
    const el = layer.current;
    if (!el) return;
    const anim = new TokenAnimator(el);
    // What each token shows, told on hover only (narrating every token would cost frames).
    const about = new WeakMap<Element, () => string>();
    let pending: TraceFact[] = [];
    const outOfOrder = new Set<number>();
    let raf = 0;
    const frame = () => {
      raf = 0;
      const facts = pending;
      pending = [];
      const ctx = runContextOf(useScenarioStore.getState().scenario);
      const lookup = flow.getState().nodeLookup;
      const moves = movementsOf(facts, PER_FRAME, (f) => movementOf(f, ctx.names, ctx.busOf, ctx.dlqs, outOfOrder));
      outOfOrder.clear();
      moves.forEach((m, i) => {
        const a = lookup.get(m.from);
        const b = lookup.get(m.to);
        if (!a || !b) return;
        const token = anim.spawn(curveBetween(a, b), m.kind, m.count, i * STAGGER_MS);
        if (!token) return;
        about.set(token, () => {
          const more = m.count > 1 ? ` (and ${m.count - 1} more on this connection)` : '';
          return `${narrate(m.fact, ctx.names)}${more}${m.kind === 'normal' ? '' : `\n${MARKS[m.kind].label}: ${MARKS[m.kind].explain}`}`;
        });
      });
    };
    const off = subscribeFacts((facts, ooo, reset) => {
      // A batch that starts the trace over (step back, seek, reset) replays history: nothing moves.
      if (reset) {
        anim.clear();
        pending = [];
        return;
      }
      if (facts.length === 0 || reducedMotion() || document.hidden) return;
      pending = pending.length === 0 ? [...facts] : pending.concat(facts);
      if (pending.length > 4_000) pending = pending.slice(-4_000);
      for (const q of ooo) outOfOrder.add(q);
      raf ||= requestAnimationFrame(frame);
    });
    const explain = (e: globalThis.PointerEvent) => {
      const t = e.target as HTMLElement;
      const tell = about.get(t);
      if (tell) t.title = tell();
    };
    el.addEventListener('pointerover', explain);
    return () => {
      off();
      cancelAnimationFrame(raf);
      el.removeEventListener('pointerover', explain);
      anim.dispose();
    };
  }, [flow]);
  return <div ref={layer} className="sim-tokens" data-testid="sim-tokens" />;
}
