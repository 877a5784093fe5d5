import { useMemo } from 'react';
import type { Scenario } from '../../model/types';
import { buildFieldCatalog, type FieldCatalog } from '../editor/fieldCatalog';
import type { EventView, PatternMode } from '../../worker/protocolPatterns';
import { arrivalsAt, type Arrival, type FlowElement } from './arrivals';
import { patternInput, tryParse } from './testInputs';

/** The events reaching an element and the field catalogue built from them and the test event. */
export interface PatternExamples {
  arrivals: Arrival[];
  catalog: FieldCatalog;
}

/**
 * What completion knows: the fields of the events the producers upstream send here ("what the
 * bus has seen") and of the current test event, read as the pattern reads them.
 */
export function usePatternCatalog(scenario: Scenario, element: FlowElement, mode: PatternMode, view: EventView, eventText: string): PatternExamples {
  const { kind, id } = element;
  const arrivals = useMemo(() => arrivalsAt(scenario, { kind, id }), [scenario, kind, id]);
  const eventValue = useMemo(() => tryParse(eventText), [eventText]);
  const catalog = useMemo(() => {
    const examples = arrivals.map((a) => ({ source: `producer ${a.label.split(' → ')[0]}`, value: mode === 'sns-attributes' ? (a.attributes ?? {}) : patternInput(mode, view, a.payload) }));
    if (eventValue !== undefined) examples.push({ source: 'the test event', value: patternInput(mode, view, eventValue) });
    return buildFieldCatalog(examples);
  }, [arrivals, eventValue, mode, view]);
  return { arrivals, catalog };
}
