/**
 * The pattern editor's hooks into the schema-driven inspector: which fields get an
 * "Edit & test…" button (event patterns, filter policies, ESM and pipe filters, failWhen),
 * which get the input transformer editor, and the producer's "Event from sample…". Everything
 * heavy behind these buttons loads on first click.
 */
import type { ReactNode } from 'react';
import type { EventTemplate, InputTransformer } from '../../model/types';
import type { SchemaFieldProps } from '../inspector/fieldTypes';
import { PatternFieldButton } from './PatternFieldButton';
import { isPatternField } from './patternTargets';
import { ProducerSampleButton } from './ProducerSampleButton';
import { TransformerButton } from './TransformerButton';
import './fieldActions.css';

/** The extra control of a field, if it has one (null for ordinary fields). */
export function fieldExtra({ name, value, optional, ctx, onCommit }: SchemaFieldProps): ReactNode {
  const owner = ctx.owner;
  if (!owner) return null;
  if (isPatternField(owner.type, name)) {
    const commit = (v: unknown) => onCommit(v === '' && optional ? undefined : v);
    return <PatternFieldButton owner={{ kind: owner.kind, id: owner.id }} field={name} value={value} onCommit={commit} />;
  }
  if (owner.kind === 'edge' && owner.type === 'ruleTarget' && name === 'InputTransformer') {
    return <TransformerButton edgeId={owner.id} onCommit={(v: InputTransformer | undefined) => onCommit(v)} />;
  }
  if (owner.kind === 'node' && owner.type === 'producer' && name === 'template') {
    return <ProducerSampleButton current={value as EventTemplate | undefined} onCommit={(t) => onCommit(t)} />;
  }
  return null;
}
