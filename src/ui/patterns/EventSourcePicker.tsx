import { useState } from 'react';
import { defaultParams, getSampleEvent } from '../../model/samples/index';
import type { EventView, PatternMode } from '../../worker/protocolPatterns';
import type { Arrival } from './arrivals';
import { choiceText, orderedSamples, type EventChoice } from './eventChoices';
import { SampleParamsForm } from './SampleParamsForm';

/** Props of {@link EventSourcePicker}. */
export interface EventSourcePickerProps {
  mode: PatternMode;
  view: EventView;
  arrivals: readonly Arrival[];
  choice: EventChoice;
  onChoice(choice: EventChoice): void;
  /** The chosen event, as JSON text. */
  onEvent(text: string): void;
}

/**
 * Chooses the test event: one arriving at this element in the user's own flow (the producers'
 * templates, wrapped hop by hop), or a catalogue sample with its parameters. The event text
 * stays editable below, so any event can be pasted too.
 */
export function EventSourcePicker({ mode, view, arrivals, choice, onChoice, onEvent }: EventSourcePickerProps) {
  const [params, setParams] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const samples = orderedSamples(mode, view);
  const sampleId = choice.startsWith('sample:') ? choice.slice(7) : null;
  const def = sampleId ? getSampleEvent(sampleId) : undefined;

  const emit = (c: EventChoice, p: Record<string, string>) => {
    const r = choiceText(c, p, mode, arrivals);
    if ('text' in r) {
      setProblems([]);
      onEvent(r.text);
    } else setProblems(r.problems);
  };
  const choose = (c: EventChoice) => {
    const p = c.startsWith('sample:') ? defaultParams(c.slice(7)) : {};
    setParams(p);
    onChoice(c);
    emit(c, p);
  };

  return (
    <div className="event-source">
      <label className="pw__label" htmlFor="event-choice">
        Test event
      </label>
      <select id="event-choice" className="event-source__select" value={choice} onChange={(e) => choose(e.target.value)} data-testid="event-choice">
        {arrivals.length > 0 && (
          <optgroup label="Arriving here in your flow">
            {arrivals.map((a, i) => (
              <option key={`flow:${i}`} value={`flow:${i}`}>
                {a.label}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="Sample events (sam local generate-event)">
          {samples.map((s) => (
            <option key={s.id} value={`sample:${s.id}`}>
              {s.title}
            </option>
          ))}
        </optgroup>
      </select>
      {arrivals.length === 0 && <p className="pw__hint">No producer reaches this element yet: choose a sample, or paste an event below.</p>}
      {def && (
        <SampleParamsForm
          def={def}
          values={params}
          problems={problems}
          onChange={(p) => {
            setParams(p);
            emit(choice, p);
          }}
        />
      )}
      {!def && problems.map((m) => <p key={m} className="sample-params__error">{m}</p>)}
    </div>
  );
}
