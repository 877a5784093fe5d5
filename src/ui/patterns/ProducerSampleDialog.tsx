import { useState } from 'react';
import { defaultParams, eventBridgeSamples, eventTemplateFromSample, getSampleEvent } from '../../model/samples/index';
import type { EventTemplate } from '../../model/types';
import { PatternDialog } from './PatternDialog';
import { SampleParamsForm } from './SampleParamsForm';
import './patterns.css';

/** Props of {@link ProducerSampleDialog}. */
export interface ProducerSampleDialogProps {
  current: EventTemplate | undefined;
  /** Sends the new template to the model; returns its refusal, if any. */
  onApply(template: EventTemplate): string | null;
  onClose(): void;
}

/** Sources starting with `aws.` belong to AWS services: PutEvents refuses them from producers. */
export const reservedSource = (source: string): boolean => source.startsWith('aws.');

/**
 * Fills a producer's event template from the sample catalogue (the EventBridge-shaped samples,
 * with their parameters), so producers send the events AWS services emit.
 */
export default function ProducerSampleDialog({ current, onApply, onClose }: ProducerSampleDialogProps) {
  const samples = eventBridgeSamples();
  const [id, setId] = useState(samples.find((s) => s.id === 'eventbridge.custom')?.id ?? samples[0].id);
  const [params, setParams] = useState<Record<string, string>>(() => defaultParams(id));
  const [refusal, setRefusal] = useState<string | null>(null);
  const def = getSampleEvent(id)!;
  const built = eventTemplateFromSample(id, params);
  const template = built.ok ? built.value : null;
  const [source, setSource] = useState<string | null>(null);
  const sampleSource = template?.Source ?? '';
  const reserved = reservedSource(sampleSource);
  const effectiveSource = source ?? (reserved ? `custom.${sampleSource.slice(4)}` : sampleSource);

  const apply = () => {
    if (!template) return;
    const next: EventTemplate = { ...(current ?? {}), Source: effectiveSource, DetailType: template.DetailType, Detail: template.Detail };
    const refused = onApply(next);
    if (refused) setRefusal(refused);
    else onClose();
  };

  return (
    <PatternDialog
      title="Event template from a sample"
      subtitle="The producer will send this event (Source, DetailType, Detail); MessageGroupId, PartitionKey and MessageAttributes stay as they are."
      onClose={onClose}
      testId="producer-sample"
      actions={
        <>
          {refusal && <span className="pw__error pw__refusal">{refusal}</span>}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={apply} disabled={!template} data-testid="producer-sample-apply">
            Use this event
          </button>
        </>
      }
    >
      <div className="producer-sample">
        <label className="pw__label" htmlFor="producer-sample-id">
          Sample
        </label>
        <select
          id="producer-sample-id"
          value={id}
          onChange={(e) => {
            setId(e.target.value);
            setParams(defaultParams(e.target.value));
            setSource(null);
          }}
        >
          {samples.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <SampleParamsForm def={def} values={params} onChange={setParams} problems={built.ok ? [] : built.error.filter((p) => !p.param).map((p) => p.message)} />
        {template && (
          <>
            <label className="pw__label" htmlFor="producer-sample-source">
              Source
            </label>
            <input id="producer-sample-source" type="text" value={effectiveSource} onChange={(e) => setSource(e.target.value)} spellCheck={false} />
            {reserved && <p className="pw__hint">The sample's source {JSON.stringify(sampleSource)} is reserved for AWS services: EventBridge refuses PutEvents from other senders with it, so the producer sends {JSON.stringify(effectiveSource)}. Match that source in your patterns.</p>}
            <pre className="flow__payload" data-testid="producer-sample-preview">{JSON.stringify({ Source: effectiveSource, DetailType: template.DetailType, Detail: template.Detail }, null, 2)}</pre>
          </>
        )}
      </div>
    </PatternDialog>
  );
}
