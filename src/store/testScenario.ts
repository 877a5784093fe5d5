// A small valid scenario for unit tests: producer -> bus -> rule -> queue (with a DLQ) -> function.
import { createEdge, createNode, emptyScenario } from '../model/defaults';
import type { Scenario, ScenarioEdge, ScenarioNode } from '../model/types';

/** The test scenario; every call returns a fresh document. */
export function testScenario(): Scenario {
  const nodes = [
    createNode('producer', 'shop', { x: 0, y: 0 }),
    createNode('eventBus', 'bus', { x: 250, y: 0 }),
    createNode('rule', 'all', { x: 500, y: 0 }),
    createNode('sqsQueue', 'q', { x: 750, y: 0 }),
    createNode('sqsQueue', 'dlq', { x: 750, y: 150 }),
    createNode('lambdaFunction', 'fn', { x: 1000, y: 0 }),
  ] as ScenarioNode[];
  const edges = [
    createEdge('publish', 'e1', 'shop', 'bus'),
    createEdge('busRule', 'e2', 'bus', 'all'),
    createEdge('ruleTarget', 'e3', 'all', 'q'),
    createEdge('redrive', 'e4', 'q', 'dlq'),
    createEdge('eventSourceMapping', 'e5', 'q', 'fn'),
  ] as ScenarioEdge[];
  return { ...emptyScenario(), name: 'Test', nodes, edges };
}
