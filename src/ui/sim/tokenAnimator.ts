/**
 * Moves message tokens along connections with the Web Animations API: each token gets a
 * transform animation through points of its curve, which the compositor plays without any
 * main-thread work per frame. A fixed pool of elements bounds the work however busy the run
 * is; free elements stay in place, only made invisible, so nothing is laid out again.
 */
import { pointAt, type Curve } from './geometry';
import { MARKS, type MarkKind } from './marks';

/** Tokens on screen at once. */
export const MAX_TOKENS = 40;
/** Wall time of one hop, ms. */
export const HOP_MS = 900;
/** Points of a curve the animation passes through. */
const STEPS = 12;

interface Live {
  el: HTMLElement;
  anim: Animation;
  kind: MarkKind;
}

/** The token layer of one canvas. */
export class TokenAnimator {
  private readonly free: HTMLElement[] = [];
  private readonly live = new Set<Live>();
  private readonly p = { x: 0, y: 0 };

  constructor(layer: HTMLElement) {
    for (let i = 0; i < MAX_TOKENS; i++) {
      const el = document.createElement('div');
      el.className = 'sim-token';
      el.style.visibility = 'hidden';
      layer.appendChild(el);
      this.free.push(el);
    }
  }

  /** Tokens moving now. */
  get active(): number {
    return this.live.size;
  }

  /**
   * Starts a token along `curve` after `delay` ms; returns its element (to explain it on
   * hover), or null when the pool is full of tokens at least as notable.
   */
  spawn(curve: Curve, kind: MarkKind, count: number, delay = 0): HTMLElement | null {
    let el = this.free.pop();
    if (el === undefined) {
      // Full: a notable token replaces a routine one; a routine one is skipped.
      if (kind === 'normal') return null;
      const victim = [...this.live].find((l) => l.kind === 'normal');
      if (!victim) return null;
      this.stop(victim);
      el = this.free.pop()!;
    }
    const text = kind === 'normal' ? (count > 1 ? String(count) : '') : MARKS[kind].glyph;
    if (el.textContent !== text) el.textContent = text;
    el.className = `sim-token sim-token--${kind}`;
    el.style.visibility = 'visible';
    const frames: Keyframe[] = [];
    for (let i = 0; i <= STEPS; i++) {
      const t = i / STEPS;
      // Ease in and out, so a token leaves and arrives gently.
      pointAt(curve, t * t * (3 - 2 * t), this.p);
      frames.push({ transform: `translate(${this.p.x.toFixed(1)}px, ${this.p.y.toFixed(1)}px)` });
    }
    const anim = el.animate(frames, { duration: HOP_MS, delay, fill: 'both' });
    const l: Live = { el, anim, kind };
    this.live.add(l);
    anim.onfinish = () => this.stop(l);
    return el;
  }

  /** Removes every token (a reset, a new document). */
  clear(): void {
    for (const l of [...this.live]) this.stop(l);
  }

  /** Stops every animation. */
  dispose(): void {
    this.clear();
  }

  private stop(l: Live): void {
    if (!this.live.delete(l)) return;
    l.anim.onfinish = null;
    l.anim.cancel();
    l.el.style.visibility = 'hidden';
    this.free.push(l.el);
  }
}
