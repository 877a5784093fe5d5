/**
 * The test events a pattern editor offers: what arrives at the element in the user's flow, then
 * the sample catalogue, the samples fitting the element first. Pure.
 */
import { defaultParams, generateSample, SAMPLE_EVENTS, type SampleEventDef, type SampleShape } from '../../model/samples/index';
import type { EventView, PatternMode } from '../../worker/protocolPatterns';
import type { Arrival } from './arrivals';
import { arrivalText } from './testInputs';

/** A choice: `flow:<index>` (an arrival) or `sample:<id>`. */
export type EventChoice = string;

/** The catalogue, most fitting samples first, for a pattern read as `mode`/`view`. */
export function orderedSamples(mode: PatternMode, view: EventView): SampleEventDef[] {
  const first: SampleShape = view === 'lambdaRecord' ? 'lambdaRecords' : 'eventBridge';
  const fits = (d: SampleEventDef) => (mode === 'sns-attributes' || mode === 'sns-body' ? d.service === 'sns' : d.shape === first);
  return [...SAMPLE_EVENTS.filter(fits), ...SAMPLE_EVENTS.filter((d) => !fits(d))];
}

/** The first choice: the first arrival, else the most fitting sample. */
export function initialChoice(arrivals: readonly Arrival[], mode: PatternMode, view: EventView): EventChoice {
  if (arrivals.length > 0) return 'flow:0';
  return `sample:${orderedSamples(mode, view)[0].id}`;
}

/** The event text of a choice, or the problems building it. */
export function choiceText(choice: EventChoice, params: Record<string, string>, mode: PatternMode, arrivals: readonly Arrival[]): { text: string } | { problems: string[] } {
  if (choice.startsWith('flow:')) {
    const a = arrivals[Number(choice.slice(5))];
    return a ? { text: arrivalText(mode, a) } : { problems: ['That flow is no longer in the scenario.'] };
  }
  const id = choice.slice(7);
  const r = generateSample(id, { ...defaultParams(id), ...params });
  if (!r.ok) return { problems: r.error.map((p) => (p.param ? `${p.param}: ${p.message}` : p.message)) };
  return { text: JSON.stringify(r.value, null, 2) };
}
