/**
 * Test support (not used by engine code): builds scenarios from the model's defaults with a
 * terse API, and runs simulations checking the ledger after every step.
 */
import { createEdge, createNode, emptyScenario, type EdgeOverrides, type NodeOverrides } from '../../model/defaults';
import type { EdgeKind, NodeKind, Scenario, ScenarioEdge, ScenarioNode, SimulationSettings } from '../../model/types';
import { createSimulation, type Simulation, type SimulationOptions } from './simulation';

/** Collects nodes and edges, then builds a scenario. */
export class ScenarioBuilder {
  private readonly nodes: ScenarioNode[] = [];
  private readonly edges: ScenarioEdge[] = [];

  /** Adds a node with default props/behaviour overridden by `o`. */
  node<K extends NodeKind>(kind: K, id: string, o: NodeOverrides<K> = {}): this {
    this.nodes.push(createNode(kind, id, { x: this.nodes.length * 100, y: 0 }, o) as ScenarioNode);
    return this;
  }

  /** Adds an edge (id `source__kind__target` unless given in `id`). */
  edge<K extends EdgeKind>(kind: K, source: string, target: string, o: EdgeOverrides<K> = {}, id?: string): this {
    const kindOf = (nid: string) => this.nodes.find((n) => n.id === nid)?.kind;
    this.edges.push(createEdge(kind, id ?? `${source}__${kind}__${target}`, source, target, o, { sourceKind: kindOf(source), targetKind: kindOf(target) }) as ScenarioEdge);
    return this;
  }

  /** The scenario document. */
  build(settings: Partial<SimulationSettings> = {}): Scenario {
    const s = emptyScenario();
    return { ...s, name: 'test', settings: { ...s.settings, ...settings }, nodes: [...this.nodes], edges: [...this.edges] };
  }
}

/** A producer behaviour sending `events` (Detail objects) at the given times. */
export function listOf(events: Array<{ atMs: number; Detail: Record<string, unknown>; MessageGroupId?: string }>): NodeOverrides<'producer'> {
  return {
    behavior: {
      mode: 'list',
      events: events.map((e) => ({ Source: 'com.example.orders', DetailType: 'OrderPlaced', ...e })),
    } as never,
  };
}

/** Runs to `untilMs`, asserting the ledger after every single step. Returns the simulation. */
export function runChecked(scenario: Scenario, untilMs: number, seed?: number, options: SimulationOptions = { traceMode: 'ring' }): Simulation {
  const sim = createSimulation(scenario, seed ?? scenario.settings.seed, options);
  checkBooks(sim);
  while (sim.nextEventTime() <= untilMs && sim.step()) checkBooks(sim);
  sim.runUntil(untilMs);
  checkBooks(sim);
  return sim;
}

/** Throws if the ledger does not balance. */
export function checkBooks(sim: Simulation): void {
  const problems = sim.audit();
  if (problems.length > 0) throw new Error(`ledger unbalanced at ${sim.now} ms after ${sim.eventsProcessed} events: ${problems.join('; ')}`);
}

/** A rule whose target is its own bus: an event loops forever until the event budget stops it. */
export function runawayLoopScenario(eventBudget: number): Scenario {
  return new ScenarioBuilder()
    .node('producer', 'p', listOf([{ atMs: 0, Detail: {} }]))
    .node('eventBus', 'bus')
    .node('rule', 'echo')
    .edge('publish', 'p', 'bus')
    .edge('busRule', 'bus', 'echo')
    .edge('ruleTarget', 'echo', 'bus')
    .build({ eventBudget });
}
