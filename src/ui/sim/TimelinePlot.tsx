import { useLayoutEffect, useRef, useState } from 'react';
import type { Arrival, ArrivalMark } from '../../worker/protocolView';
import { MARKS, type MarkKind } from './marks';
import { formatClock } from './time';

const HEIGHT = 170;
const PAD = { left: 44, right: 10, top: 10, bottom: 26 };

const MARK_OF: Record<ArrivalMark, MarkKind> = { inOrder: 'normal', outOfOrder: 'outOfOrder', retry: 'retry', duplicate: 'duplicate' };
const WORDS: Record<ArrivalMark, string> = { inOrder: 'in order', outOfOrder: 'out of order', retry: 'a retry', duplicate: 'a duplicate' };

/** Describes one arrival for its tooltip. */
export function arrivalText(a: Arrival, index: number, consumer: string): string {
  return `${a.label} (published #${a.publishRank}) arrived #${index + 1} at ${consumer} at ${formatClock(a.timeMs)}, receive ${a.attempt}: ${WORDS[a.mark]}.`;
}

/**
 * Arrival order (left to right) against publish order (bottom to top): in-order arrivals climb
 * a staircase; an out-of-order one (teal diamond ⇅) drops below it, a retry (orange ring ↻) or a
 * duplicate (purple cross ×2) returns to an earlier height. Shapes, not only colours, differ.
 */
export function TimelinePlot({ arrivals, consumer, onPick }: { arrivals: readonly Arrival[]; consumer: string; onPick(a: Arrival): void }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(200, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const ranks = arrivals.map((a) => a.publishRank);
  const lo = Math.min(...ranks, Infinity);
  const hi = Math.max(...ranks, -Infinity);
  const w = width - PAD.left - PAD.right;
  const h = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (arrivals.length <= 1 ? w / 2 : (i / (arrivals.length - 1)) * w);
  const y = (r: number) => PAD.top + (hi === lo ? h / 2 : h - ((r - lo) / (hi - lo)) * h);
  return (
    <div ref={box} className="sim-timeline__plot">
      <svg width={width} height={HEIGHT} role="img" aria-label={`Arrival order against publish order at ${consumer}: ${arrivals.filter((a) => a.mark === 'outOfOrder').length} out of order, ${arrivals.filter((a) => a.mark === 'retry').length} retries, ${arrivals.filter((a) => a.mark === 'duplicate').length} duplicates among the last ${arrivals.length} arrivals.`}>
        <line x1={PAD.left} y1={PAD.top + h} x2={PAD.left + w} y2={PAD.top + h} className="sim-timeline__axis" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + h} className="sim-timeline__axis" />
        <text x={PAD.left + w / 2} y={HEIGHT - 6} textAnchor="middle" className="sim-timeline__label">
          arrival order →
        </text>
        <text x={12} y={PAD.top + h / 2} textAnchor="middle" transform={`rotate(-90 12 ${PAD.top + h / 2})`} className="sim-timeline__label">
          publish order →
        </text>
        {arrivals.length > 0 && (
          <>
            <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="sim-timeline__tick">
              #{hi}
            </text>
            <text x={PAD.left - 4} y={PAD.top + h} textAnchor="end" className="sim-timeline__tick">
              #{lo}
            </text>
          </>
        )}
        {arrivals.map((a, i) => (
          <g key={a.seq} className={`sim-timeline__pt sim-mark--${MARK_OF[a.mark]}`} transform={`translate(${x(i)} ${y(a.publishRank)})`} onClick={() => onPick(a)} data-mark={a.mark}>
            <title>{arrivalText(a, i, consumer)}</title>
            <Shape mark={a.mark} />
          </g>
        ))}
      </svg>
    </div>
  );
}

function Shape({ mark }: { mark: ArrivalMark }) {
  switch (mark) {
    case 'inOrder':
      return <circle r={2.6} className="sim-shape--fill" />;
    case 'outOfOrder':
      return <rect x={-4} y={-4} width={8} height={8} transform="rotate(45)" className="sim-shape--fill" />;
    case 'retry':
      return <circle r={4.5} className="sim-shape--ring" />;
    case 'duplicate':
      return <path d="M-4 -4 L4 4 M-4 4 L4 -4" className="sim-shape--cross" />;
  }
}

/** The legend of the plot's shapes. */
export const TIMELINE_LEGEND: Array<{ mark: ArrivalMark; kind: MarkKind; text: string }> = [
  { mark: 'inOrder', kind: 'normal', text: 'in publish order' },
  { mark: 'outOfOrder', kind: 'outOfOrder', text: `${MARKS.outOfOrder.glyph} out of order` },
  { mark: 'retry', kind: 'retry', text: `${MARKS.retry.glyph} retry` },
  { mark: 'duplicate', kind: 'duplicate', text: `${MARKS.duplicate.glyph} duplicate` },
];
