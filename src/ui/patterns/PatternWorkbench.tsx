import { lazy, Suspense, useMemo, useState } from 'react';
import type { Scenario } from '../../model/types';
import type { EditorMarker } from '../editor/editorMarks';
import { PATTERN_LANGUAGE, type EditorContext } from '../editor/editorContext';
import { BusTestView } from './BusTestView';
import { initialChoice, choiceText } from './eventChoices';
import { EventSourcePicker } from './EventSourcePicker';
import { explainLayout } from './explainMarks';
import { awsName } from './flowHops';
import { PatternDialog } from './PatternDialog';
import { PatternStatus } from './PatternStatus';
import { busRules, type PatternTarget } from './patternTargets';
import { TestResult } from './TestResult';
import { usePatternCatalog } from './usePatternCatalog';
import { useWorkerAnswer } from './useWorkerAnswer';
import './patterns.css';

const CodeEditor = lazy(() => import('../editor/CodeEditor'));
const EVENT_CONTEXT: EditorContext = { kind: 'event' };
const MAX_FILTERS = 5;

/** Props of {@link PatternWorkbench}. */
export interface PatternWorkbenchProps {
  target: PatternTarget;
  scenario: Scenario;
  /** The pattern text, or the texts of a FilterCriteria list. */
  initial: string[];
  /** The rule being edited (its row is marked in the bus test). */
  ruleId?: string;
  theme: 'light' | 'dark';
  /** Sends the texts to the model; returns its refusal, if any. */
  onApply(texts: string[]): string | null;
  onClose(): void;
}

/**
 * The pattern editor: Monaco with completion, hover help and AWS-worded error markers from the
 * worker, next to a test panel (an event from the flow, the catalogue or pasted; match or no
 * match with the verdict of every field drawn on the pattern's lines; every rule of the bus).
 */
export default function PatternWorkbench({ target, scenario, initial, ruleId, theme, onApply, onClose }: PatternWorkbenchProps) {
  const [texts, setTexts] = useState<string[]>(initial.length > 0 ? initial : ['']);
  const [active, setActive] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { mode, view, maxLength } = target;
  const [choice, setChoice] = useState(() => initialChoice([], mode, view));
  const [eventText, setEventText] = useState('');
  const { arrivals, catalog } = usePatternCatalog(scenario, target.element, mode, view, eventText);
  // The first event shown: the first arrival in the flow, else the most fitting sample.
  const [started, setStarted] = useState(false);
  if (!started) {
    const c = initialChoice(arrivals, mode, view);
    const r = choiceText(c, {}, mode, arrivals);
    setStarted(true);
    setChoice(c);
    if ('text' in r) setEventText(r.text);
  }

  const text = texts[active] ?? '';
  const empty = text.trim() === '';
  const check = useWorkerAnswer(empty ? null : { type: 'validatePattern', pattern: text, mode, ...(maxLength ? { maxLength } : {}) }, 'patternChecked', 200);
  const test = useWorkerAnswer(empty || eventText.trim() === '' ? null : { type: 'testPattern', pattern: text, mode, event: eventText, view, ...(maxLength ? { maxLength } : {}) }, 'patternTested', 350);
  const checkFresh = check.answered?.type === 'validatePattern' && check.answered.pattern === text;
  const errors = useMemo(() => (!empty && check.answer ? check.answer.errors : []), [empty, check.answer]);
  const markers = useMemo<EditorMarker[]>(() => (checkFresh ? errors.map((e) => ({ start: e.range?.offset ?? 0, end: (e.range?.offset ?? 0) + (e.range?.length ?? 0), message: e.message, severity: 'error' })) : []), [errors, checkFresh]);
  const testFresh = test.answered?.type === 'testPattern' && test.answered.pattern === text;
  const layout = useMemo(() => (testFresh && test.answer?.explanation ? explainLayout(text, test.answer.explanation) : null), [testFresh, test.answer, text]);
  const patternContext = useMemo<EditorContext>(() => ({ kind: 'pattern', mode, catalog }), [mode, catalog]);

  const setText = (t: string) => setTexts((all) => all.map((x, i) => (i === active ? t : x)));
  const apply = () => {
    const bad = texts.findIndex((t) => t.trim() !== '' && !isJsonObject(t));
    if (bad >= 0) return setRefusal(`${texts.length > 1 ? `Filter ${bad + 1}: ` : ''}not a JSON object yet; fix it before applying.`);
    const refused = onApply(texts);
    if (refused) setRefusal(refused);
    else onClose();
  };
  const bus = target.busId ? scenario.nodes.find((n) => n.id === target.busId) : undefined;

  return (
    <PatternDialog
      title={target.title}
      subtitle={target.about}
      onClose={onClose}
      testId="pattern-workbench"
      actions={
        <>
          {refusal && <span className="pw__error pw__refusal">{refusal}</span>}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={apply} data-testid="pattern-apply">
            Apply
          </button>
        </>
      }
    >
      <div className="pw">
        <section className="pw__pane" aria-label="Pattern">
          {target.list && (
            <div className="pw__tabs" role="tablist" aria-label="Filters">
              {texts.map((_, i) => (
                <button key={i} type="button" role="tab" aria-selected={i === active} className={`pw__tab${i === active ? ' pw__tab--active' : ''}`} onClick={() => setActive(i)}>
                  Filter {i + 1}
                </button>
              ))}
              {texts.length < MAX_FILTERS && (
                <button type="button" className="pw__tab pw__tab--add" onClick={() => (setTexts([...texts, '{\n  \n}']), setActive(texts.length))}>
                  + Add filter
                </button>
              )}
              {texts.length > 1 && (
                <button type="button" className="pw__tab pw__tab--remove" onClick={() => (setTexts(texts.filter((_, i) => i !== active)), setActive(Math.max(0, active - 1)))}>
                  Remove filter {active + 1}
                </button>
              )}
            </div>
          )}
          <Suspense fallback={<p className="code-editor__loading">Loading editor…</p>}>
            <CodeEditor key={active} value={text} onChange={setText} language={PATTERN_LANGUAGE} context={patternContext} ariaLabel={target.title} height="100%" theme={theme} markers={markers} decorations={layout} testId="pattern-editor" />
          </Suspense>
          <PatternStatus mode={mode} empty={empty} errors={errors} awsMessage={check.answer?.awsMessage ?? null} fields={check.answer?.fields ?? []} pending={check.pending} failure={check.failure} />
        </section>
        <section className="pw__pane pw__pane--test" aria-label="Test">
          <EventSourcePicker mode={mode} view={view} arrivals={arrivals} choice={choice} onChoice={setChoice} onEvent={setEventText} />
          <div className="pw__event">
            <Suspense fallback={<p className="code-editor__loading">Loading editor…</p>}>
              <CodeEditor value={eventText} onChange={setEventText} language={PATTERN_LANGUAGE} context={EVENT_CONTEXT} ariaLabel="Test event (JSON)" height="100%" theme={theme} testId="event-editor" />
            </Suspense>
          </div>
          <TestResult answer={test.answer} failure={test.failure} pending={test.pending} empty={empty} />
          {bus && !target.list && <BusTestView busName={awsName(bus)} rules={busRules(scenario, bus.id, ruleId ? { ruleId, pattern: text } : undefined)} eventText={eventText} currentRuleId={ruleId} />}
        </section>
      </div>
    </PatternDialog>
  );
}

function isJsonObject(t: string): boolean {
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
