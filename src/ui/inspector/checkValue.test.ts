import { describe, expect, it } from 'vitest';
import { NODE_PROPS_SCHEMAS } from '../../model/schema/nodeSchemas';
import { EDGE_PROPS_SCHEMAS } from '../../model/schema/edgeSchemas';
import { checkValue } from './checkValue';
import { fieldKind, isJsonText, isNodeRef } from './fieldKind';
import { diffPatch } from './patch';
import { refChain } from './SchemaField';

const queue = NODE_PROPS_SCHEMAS.sqsQueue.properties!;

describe('checkValue', () => {
  it('says what is wrong with a value in AWS terms', () => {
    expect(checkValue(queue.VisibilityTimeout, 30)).toBeNull();
    expect(checkValue(queue.VisibilityTimeout, 50000)).toBe('Must be at most 43200 seconds.');
    expect(checkValue(queue.VisibilityTimeout, 1.5)).toBe('Must be a whole number.');
    expect(checkValue(queue.MessageRetentionPeriod, 10)).toBe('Must be at least 60 seconds.');
    expect(checkValue(queue.QueueName, 'bad name!')).toMatch(/^Must be 1-80 letters/);
    expect(checkValue(queue.QueueName, '')).toBe('Required.');
    expect(checkValue(NODE_PROPS_SCHEMAS.eventBus.properties!.BusType, 'weird')).toBe('Must be one of default, custom, partner.');
    expect(checkValue(EDGE_PROPS_SCHEMAS.eventSourceMapping.properties!.FunctionResponseTypes, ['ReportBatchItemFailures'])).toBeNull();
    expect(checkValue(EDGE_PROPS_SCHEMAS.eventSourceMapping.properties!.FunctionResponseTypes, ['Nope'])).toMatch(/^Item 1/);
  });
});

describe('fieldKind', () => {
  it('picks the editor a property needs', () => {
    expect(fieldKind(queue.VisibilityTimeout)).toBe('number');
    expect(fieldKind(queue.FifoQueue)).toBe('boolean');
    expect(fieldKind(NODE_PROPS_SCHEMAS.rule.properties!.State)).toBe('enum');
    expect(isJsonText(NODE_PROPS_SCHEMAS.rule.properties!.EventPattern)).toBe(true);
    expect(isJsonText(NODE_PROPS_SCHEMAS.rule.properties!.ScheduleExpression)).toBe(false);
    expect(fieldKind(EDGE_PROPS_SCHEMAS.eventSourceMapping.properties!.FunctionResponseTypes)).toBe('flags');
    expect(fieldKind(NODE_PROPS_SCHEMAS.lambdaFunction.properties!.EventInvokeConfig)).toBe('group');
    expect(isNodeRef(EDGE_PROPS_SCHEMAS.ruleTarget.properties!.DeadLetterConfig.properties!.Arn)).toBe(true);
  });

  it('edits a one-reference object (DeadLetterConfig, DestinationConfig) as a single node choice', () => {
    expect(refChain(EDGE_PROPS_SCHEMAS.ruleTarget.properties!.DeadLetterConfig)).toEqual(['Arn']);
    expect(refChain(EDGE_PROPS_SCHEMAS.eventSourceMapping.properties!.DestinationConfig)).toEqual(['OnFailure', 'Destination']);
    expect(refChain(EDGE_PROPS_SCHEMAS.ruleTarget.properties!.RetryPolicy)).toBeNull();
  });
});

describe('diffPatch', () => {
  it('turns a new value into the merge patch that produces it', () => {
    expect(diffPatch({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 5 } })).toEqual({ b: { c: 5, d: null } });
    expect(diffPatch([1], [2])).toEqual([2]);
    expect(diffPatch({ a: 1 }, undefined)).toBeNull();
  });
});
