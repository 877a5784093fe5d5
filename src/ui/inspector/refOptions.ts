import { isFifo } from '../../model/connections';
import type { JsonSchema } from '../../model/scenarioSchema';
import type { Scenario } from '../../model/types';
import { nodeTitle } from '../canvas/describeNode';
import type { RefOption } from './fieldTypes';

/**
 * The nodes a reference field may name. The schema says in its description what fits ("An SQS
 * standard queue or SNS standard topic node"); the model has the last word when the value is
 * applied, so a looser list here only costs a refusal message.
 */
export function refOptionsFor(scenario: Scenario, schema: JsonSchema, ownerId?: string): RefOption[] {
  const text = schema.description ?? '';
  const kinds = new Set<string>();
  if (/\bSQS\b/.test(text)) kinds.add('sqsQueue');
  if (/\bSNS\b/.test(text)) kinds.add('snsTopic');
  const standardOnly = /\bstandard\b|FIFO is not allowed/.test(text);
  return scenario.nodes
    .filter((n) => n.id !== ownerId && (kinds.size === 0 || kinds.has(n.kind)) && !(standardOnly && isFifo(n)))
    .map((n) => ({ id: n.id, label: nodeTitle(n) }));
}
