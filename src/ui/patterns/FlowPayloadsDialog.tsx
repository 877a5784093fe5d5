import { useMemo, useState } from 'react';
import { tryWrapChain, type Hop } from '../../model/samples/index';
import type { Scenario, ScenarioNode } from '../../model/types';
import { arrivalsAt, producerPayload, producerTemplate } from './arrivals';
import { choiceText, initialChoice } from './eventChoices';
import { EventSourcePicker } from './EventSourcePicker';
import { awsName, downstreamChains, stepLabel, type FlowChain } from './flowHops';
import { PatternDialog } from './PatternDialog';
import { tryParse } from './testInputs';
import './patterns.css';

/** Props of {@link FlowPayloadsDialog}. */
export interface FlowPayloadsDialogProps {
  scenario: Scenario;
  nodeId: string;
  onClose(): void;
}

/** The hop that brings a payload into a start node that is not a producer. */
function entryHop(n: ScenarioNode): Hop | null {
  switch (n.kind) {
    case 'eventBus':
      return { kind: 'eventBridge', busName: awsName(n) };
    case 'rule':
      return { kind: 'eventBridge' };
    case 'sqsQueue':
      return { kind: 'sqsMessage', queueName: awsName(n) };
    case 'kinesisStream':
      return { kind: 'kinesisRecord', streamName: awsName(n) };
    default:
      return null;
  }
}

/**
 * Chained envelopes of the user's own flow: from the selected node along every downstream path,
 * the payload at each hop (an S3 event inside an EventBridge event inside an SQS body inside a
 * Lambda batch), starting from the producer's template or a chosen sample.
 */
export default function FlowPayloadsDialog({ scenario, nodeId, onClose }: FlowPayloadsDialogProps) {
  const node = scenario.nodes.find((n) => n.id === nodeId);
  const chains = useMemo(() => downstreamChains(scenario, nodeId), [scenario, nodeId]);
  const arrivals = useMemo(() => arrivalsAt(scenario, { kind: 'node', id: nodeId }), [scenario, nodeId]);
  const template = node ? producerTemplate(node) : null;
  const [choice, setChoice] = useState(() => initialChoice(arrivals, 'eventbridge', 'event'));
  const [eventText, setEventText] = useState(() => {
    const r = choiceText(initialChoice(arrivals, 'eventbridge', 'event'), {}, 'eventbridge', arrivals);
    return 'text' in r ? r.text : '{}';
  });
  const [open, setOpen] = useState(0);
  if (!node) return null;
  const start = template ? null : tryParse(eventText);

  return (
    <PatternDialog title={`Payloads downstream of ${awsName(node)}`} subtitle="The payload at each hop of your flow, wrapped as AWS wraps it (sam local generate-event shapes). Input transformers and filters are not applied here." onClose={onClose} testId="flow-payloads">
      <div className="flow">
        {!template && (
          <div className="flow__start">
            <EventSourcePicker mode="eventbridge" view="event" arrivals={arrivals} choice={choice} onChoice={setChoice} onEvent={setEventText} />
            <textarea className="flow__event" aria-label="Starting payload (JSON)" spellCheck={false} value={eventText} onChange={(e) => setEventText(e.target.value)} rows={8} />
            {start === undefined && <p className="pw__error">The starting payload is not valid JSON.</p>}
          </div>
        )}
        {chains.length === 0 && <p className="pw__hint">Nothing downstream: connect this node to a rule, queue, topic, stream or function.</p>}
        <div className="flow__chains" role="tablist" aria-label="Paths">
          {chains.map((c, i) => (
            <button key={i} type="button" role="tab" aria-selected={i === open} className={`pw__tab${i === open ? ' pw__tab--active' : ''}`} onClick={() => setOpen(i)}>
              {c.steps.map((s) => awsName(s.node)).join(' → ')}
            </button>
          ))}
        </div>
        {chains[open] && <ChainSteps chain={chains[open]} start={template ? producerPayload(template, chains[open].steps[0]?.node) : start} entry={template ? null : entryHop(node)} seed={node.id} />}
      </div>
    </PatternDialog>
  );
}

function ChainSteps({ chain, start, entry, seed }: { chain: FlowChain; start: unknown; entry: Hop | null; seed: string }) {
  if (start === undefined) return null;
  const hops: Array<{ label: string; hop: Hop | null }> = [...(entry ? [{ label: `${awsName(chain.start)} (arrives)`, hop: entry }] : []), ...chain.steps.map((s) => ({ label: stepLabel(s), hop: s.hop }))];
  const real = hops.map((h) => h.hop).filter((h): h is Hop => h !== null);
  const wrapped = tryWrapChain(start, real, { seed });
  if (!wrapped.ok) return <p className="pw__error">{wrapped.error.map((p) => p.message).join(' ')}</p>;
  let k = 0;
  let payload: unknown = start;
  return (
    <ol className="flow__steps" data-testid="flow-steps">
      <li className="flow__step">
        <details>
          <summary>Start: {chain.start.kind === 'producer' ? `what ${awsName(chain.start)} sends` : 'the chosen payload'}</summary>
          <pre className="flow__payload">{JSON.stringify(start, null, 2)}</pre>
        </details>
      </li>
      {hops.map((h, i) => {
        if (h.hop) payload = wrapped.value[k++].payload;
        return (
          <li key={i} className="flow__step">
            <details open={i === hops.length - 1}>
              <summary>
                {i + 1}. {h.label}
                {!h.hop && <span className="flow__same"> — same payload</span>}
              </summary>
              <pre className="flow__payload">{JSON.stringify(payload, null, 2)}</pre>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
