import { memo, useState, type KeyboardEvent } from 'react';
import type { TraceFact } from '../../engine/index';
import { useScenarioStore } from '../../store/scenarioStore';
import { useSimulationStore, type SimulationState } from '../../store/simulationStore';
import { MARKS, markOf, type MarkKind } from './marks';
import { namesOf, narrate, type Names } from './narrate';
import { formatClock } from './time';
import { usePaced } from './usePaced';

/** Rows rendered (the newest). */
const ROWS = 120;
/** While playing, the log moves on at most this often (ms): faster is unreadable. */
const LOG_MS = 400;

const selectLog = (s: SimulationState) => s.log;
const selectOutOfOrder = (s: SimulationState) => s.outOfOrder;

/**
 * What happened, in plain words, newest at the bottom (it follows new events unless scrolled
 * up; nothing is measured to do so, which keeps a busy run free of forced layouts). A row opens its message in the inspector: click it, or move with the arrow keys and
 * press Enter. Screen readers hear a throttled summary from `LiveAnnouncer` instead.
 */
export function NarratedLog() {
  const log = usePaced(selectLog, LOG_MS);
  const outOfOrder = usePaced(selectOutOfOrder, LOG_MS);
  const inspected = useSimulationStore((s) => s.inspected?.rootId);
  const names = namesOf(useScenarioStore((s) => s.scenario));
  const [notableOnly, setNotableOnly] = useState(false);
  const [active, setActive] = useState<number | null>(null);

  const rows = log
    .map((f) => ({ f, mark: markOf(f, outOfOrder) }))
    .filter((r) => !notableOnly || r.mark !== null)
    .slice(-ROWS);
  const activeSeq = active !== null && rows.some((r) => r.f.seq === active) ? active : (rows.at(-1)?.f.seq ?? null);

  const onKeyDown = (e: KeyboardEvent) => {
    const i = rows.findIndex((r) => r.f.seq === activeSeq);
    const move = (j: number) => {
      const r = rows[Math.max(0, Math.min(rows.length - 1, j))];
      if (!r) return;
      setActive(r.f.seq);
      document.getElementById(`sim-log-${r.f.seq}`)?.scrollIntoView({ block: 'nearest' });
    };
    if (e.key === 'ArrowUp') move(i - 1);
    else if (e.key === 'ArrowDown') move(i + 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === 'Enter' && i >= 0) useSimulationStore.getState().inspect(rows[i].f.rootId, rows[i].f.unitId);
    else return;
    e.preventDefault();
  };

  return (
    <div className="sim-log">
      <div className="sim-log__bar">
        <span>{log.length === 0 ? 'Nothing has happened yet: press Play or Step.' : `The last ${rows.length} things that happened, newest at the bottom. Click one to inspect its message.`}</span>
        <label>
          <input type="checkbox" checked={notableOnly} onChange={(e) => setNotableOnly(e.target.checked)} /> Only retries, failures, duplicates…
        </label>
      </div>
      {/* Newest first in the document, shown at the bottom (column-reverse): the list stays
          pinned to the newest events without measuring anything, unless the user scrolls up. */}
      <ol
        className="sim-log__list"
        role="listbox"
        aria-label="Narrated log: the most recent events"
        tabIndex={0}
        aria-activedescendant={activeSeq !== null ? `sim-log-${activeSeq}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="sim-log"
      >
        {[...rows].reverse().map(({ f, mark }) => (
          <LogRow key={f.seq} fact={f} mark={mark} names={names} active={f.seq === activeSeq} current={f.rootId === inspected} />
        ))}
      </ol>
    </div>
  );
}

interface RowProps {
  fact: TraceFact;
  mark: MarkKind | null;
  names: Names;
  active: boolean;
  current: boolean;
}

const LogRow = memo(function LogRow({ fact, mark, names, active, current }: RowProps) {
  return (
    <li
      id={`sim-log-${fact.seq}`}
      role="option"
      aria-selected={active}
      className={`sim-log__row${mark ? ` sim-mark--${mark}` : ''}${active ? ' is-active' : ''}${current ? ' is-current' : ''}`}
      onClick={() => useSimulationStore.getState().inspect(fact.rootId, fact.unitId)}
      data-root={fact.rootId}
      data-kind={fact.kind}
    >
      <span className="sim-log__time">{formatClock(fact.timeMs)}</span>
      <span className="sim-log__mark" title={mark ? `${MARKS[mark].label}: ${MARKS[mark].explain}` : undefined}>
        {mark ? MARKS[mark].glyph : ''}
        {mark && <span className="visually-hidden">{MARKS[mark].label}: </span>}
      </span>
      <span className="sim-log__text">{narrate(fact, names)}</span>
    </li>
  );
});
