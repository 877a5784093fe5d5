import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatClock } from './time';

/** One line of a chart. */
export interface Line {
  label: string;
  values: Float64Array;
}

// Lines differ by dash as well as colour, so they can be told apart without colour.
const COLOURS = ['#2f6fed', '#e07b00', '#0f9d8a', '#c2185b', '#7c3aed'];
const DASHES: number[][] = [[], [7, 4], [2, 3], [10, 3, 2, 3], [4, 4]];

/** How line `i` of a chart is drawn (index 0 with `total`: the total). */
export function lineStyle(i: number, total: boolean): { stroke: string | null; dash: number[]; width: number } {
  if (total && i === 0) return { stroke: null, dash: [], width: 2.2 };
  const k = total ? i - 1 : i;
  return { stroke: COLOURS[k % COLOURS.length], dash: DASHES[k % DASHES.length], width: 1.6 };
}

const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en') : String(Math.round(v * 10) / 10));

/**
 * A small uPlot line chart over simulated time. The chart is created once per set of lines and
 * then only fed new data; its width follows its box. Hovering shows the values at that time.
 */
export function UplotChart({ t, lines, total, height, label }: { t: Float64Array; lines: Line[]; total: boolean; height: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = lines.map((l) => l.label).join('|');
  const data = useRef<uPlot.AlignedData>([t, ...lines.map((l) => l.values)]);
  data.current = [t, ...lines.map((l) => l.values)];

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const css = getComputedStyle(el);
    const text = css.getPropertyValue('--text').trim() || '#1b2230';
    const muted = css.getPropertyValue('--muted').trim() || '#5b6677';
    const grid = css.getPropertyValue('--border').trim() || '#dbe0e8';
    const axis: uPlot.Axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '10px system-ui, sans-serif', size: 34 };
    const u = new uPlot(
      {
        width: Math.max(160, el.clientWidth),
        height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false }, points: { size: 5 } },
        scales: { x: { time: false } },
        axes: [
          { ...axis, size: 26, values: (_u, splits) => splits.map((s) => formatClock(s, 0)) },
          { ...axis, values: (_u, splits) => splits.map(fmt) },
        ],
        series: [
          {},
          ...lines.map((l, i) => {
            const s = lineStyle(i, total);
            return { label: l.label, stroke: s.stroke ?? text, dash: s.dash, width: s.width, points: { show: false } };
          }),
        ],
        hooks: {
          setCursor: [
            (p) => {
              const i = p.cursor.idx;
              const out = readout.current;
              if (!out) return;
              out.textContent = i == null ? '' : `${formatClock(p.data[0][i], 0)}: ${lines.map((l, k) => `${l.label} ${fmt(p.data[k + 1][i] ?? 0)}`).join(' · ')}`;
            },
          ],
        },
      },
      data.current,
      el,
    );
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(160, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
    // Recreated only when the set of lines changes; data arrives through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, total, height]);

  useEffect(() => {
    plot.current?.setData(data.current);
  }, [t, lines]);

  return (
    <>
      <div ref={box} className="sim-chart__plot" role="img" aria-label={label} />
      <div ref={readout} className="sim-chart__readout" aria-hidden="true" />
    </>
  );
}
