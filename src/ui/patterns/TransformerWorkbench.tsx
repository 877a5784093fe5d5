import { lazy, Suspense, useMemo, useState } from 'react';
import type { InputTransformer, Scenario, ScenarioEdge } from '../../model/types';
import { PATTERN_LANGUAGE, TEMPLATE_LANGUAGE, type EditorContext } from '../editor/editorContext';
import { choiceText, initialChoice } from './eventChoices';
import { EventSourcePicker } from './EventSourcePicker';
import { awsName } from './flowHops';
import { PatternDialog } from './PatternDialog';
import { readPathsMap, transformerToApply, transformMarkers } from './transformMarkers';
import { TransformPreview } from './TransformPreview';
import { usePatternCatalog } from './usePatternCatalog';
import { useWorkerAnswer } from './useWorkerAnswer';
import './patterns.css';

const CodeEditor = lazy(() => import('../editor/CodeEditor'));
const EVENT_CONTEXT: EditorContext = { kind: 'event' };
const DEFAULT_MAP = '{\n  "source": "$.source",\n  "detail-type": "$.detail-type"\n}';
const DEFAULT_TEMPLATE = '{\n  "what": "<detail-type> from <source>",\n  "rule": <aws.events.rule-name>,\n  "at": <aws.events.event.ingestion-time>\n}';

/** Props of {@link TransformerWorkbench}. */
export interface TransformerWorkbenchProps {
  scenario: Scenario;
  edge: Extract<ScenarioEdge, { kind: 'ruleTarget' }>;
  theme: 'light' | 'dark';
  /** Sends the transformer (undefined removes it) to the model; returns its refusal, if any. */
  onApply(value: InputTransformer | undefined): string | null;
  onClose(): void;
}

/**
 * The input transformer editor of a rule target: InputPathsMap and InputTemplate in Monaco (paths
 * and variables completed from the events the bus sees), and the exact payload the target
 * receives for a chosen event, predefined variables included, or PutTargets' refusals.
 */
export default function TransformerWorkbench({ scenario, edge, theme, onApply, onClose }: TransformerWorkbenchProps) {
  const current = edge.props.InputTransformer;
  const [mapText, setMapText] = useState(() => (current ? JSON.stringify(current.InputPathsMap, null, 2) : DEFAULT_MAP));
  const [template, setTemplate] = useState(current?.InputTemplate ?? DEFAULT_TEMPLATE);
  const [refusal, setRefusal] = useState<string | null>(null);
  const element = useMemo(() => ({ kind: 'edge' as const, id: edge.id }), [edge.id]);
  const [eventText, setEventText] = useState('');
  const [choice, setChoice] = useState('');
  const { arrivals, catalog } = usePatternCatalog(scenario, element, 'eventbridge', 'event', eventText);
  if (choice === '') {
    const c = initialChoice(arrivals, 'eventbridge', 'event');
    const r = choiceText(c, {}, 'eventbridge', arrivals);
    setChoice(c);
    if ('text' in r) setEventText(r.text);
  }

  const rule = scenario.nodes.find((n) => n.id === edge.source);
  const target = scenario.nodes.find((n) => n.id === edge.target);
  const busId = scenario.edges.find((e) => e.kind === 'busRule' && e.target === edge.source)?.source;
  const bus = scenario.nodes.find((n) => n.id === busId);
  const ruleName = rule ? awsName(rule) : edge.source;
  const busName = bus ? awsName(bus) : 'default';
  const ruleArn = `arn:aws:events:us-east-1:123456789012:rule/${busName === 'default' ? '' : `${busName}/`}${ruleName}`;
  const targetId = edge.props.Id || edge.id;

  const preview = useWorkerAnswer({ type: 'previewTransform', inputPathsMap: mapText, inputTemplate: template, event: eventText, ruleName, ruleArn, targetId }, 'transformPreviewed', 250);
  const fresh = preview.answered?.type === 'previewTransform' && preview.answered.inputTemplate === template && preview.answered.inputPathsMap === mapText;
  const markers = useMemo(() => (fresh && preview.answer ? transformMarkers(preview.answer.problems, mapText) : { map: [], template: [] }), [fresh, preview.answer, mapText]);
  const paths = useMemo(() => readPathsMap(mapText) ?? {}, [mapText]);
  const mapContext = useMemo<EditorContext>(() => ({ kind: 'pathsMap', catalog }), [catalog]);
  const templateContext = useMemo<EditorContext>(() => ({ kind: 'template', paths, catalog }), [paths, catalog]);

  const apply = (value: InputTransformer | undefined) => {
    const refused = onApply(value);
    if (refused) setRefusal(refused);
    else onClose();
  };
  const applyCurrent = () => {
    const t = transformerToApply(mapText, template);
    if (!t.ok) return setRefusal(t.error);
    apply(t.value);
  };

  return (
    <PatternDialog
      title={`Input transformer of target ${targetId}`}
      subtitle={`Rule ${ruleName} → ${target ? awsName(target) : edge.target}. InputPathsMap names parts of the event; InputTemplate builds what the target receives.`}
      onClose={onClose}
      testId="transformer-workbench"
      actions={
        <>
          {refusal && <span className="pw__error pw__refusal">{refusal}</span>}
          {current && (
            <button type="button" className="danger" onClick={() => apply(undefined)}>
              Remove transformer
            </button>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={applyCurrent} data-testid="transformer-apply">
            Apply
          </button>
        </>
      }
    >
      <div className="pw">
        <section className="pw__pane" aria-label="Transformer">
          <p className="pw__label">InputPathsMap</p>
          <div className="pw__half">
            <Suspense fallback={<p className="code-editor__loading">Loading editor…</p>}>
              <CodeEditor value={mapText} onChange={setMapText} language={PATTERN_LANGUAGE} context={mapContext} ariaLabel="InputPathsMap" height="100%" theme={theme} markers={markers.map} testId="paths-editor" />
            </Suspense>
          </div>
          <p className="pw__label">InputTemplate</p>
          <div className="pw__half">
            <Suspense fallback={<p className="code-editor__loading">Loading editor…</p>}>
              <CodeEditor value={template} onChange={setTemplate} language={TEMPLATE_LANGUAGE} context={templateContext} ariaLabel="InputTemplate" height="100%" theme={theme} markers={markers.template} testId="template-editor" />
            </Suspense>
          </div>
        </section>
        <section className="pw__pane pw__pane--test" aria-label="Preview">
          <EventSourcePicker mode="eventbridge" view="event" arrivals={arrivals} choice={choice} onChoice={setChoice} onEvent={setEventText} />
          <div className="pw__event pw__event--short">
            <Suspense fallback={<p className="code-editor__loading">Loading editor…</p>}>
              <CodeEditor value={eventText} onChange={setEventText} language={PATTERN_LANGUAGE} context={EVENT_CONTEXT} ariaLabel="Test event (JSON)" height="100%" theme={theme} testId="event-editor" />
            </Suspense>
          </div>
          <TransformPreview answer={preview.answer} failure={preview.failure} pending={preview.pending} targetLabel={target ? awsName(target) : 'the target'} />
        </section>
      </div>
    </PatternDialog>
  );
}
