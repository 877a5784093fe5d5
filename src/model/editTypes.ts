/** Edits are data: plain JSON change objects, applied by `applyEdit`, kept by undo stacks. */
import type { EdgeId, EdgeKind, NodeId, Position, Scenario, ScenarioNode, SimulationSettings } from './types';

/** A JSON Merge Patch (RFC 7386): objects merge, `null` deletes a key, other values replace. */
export type JsonPatch = Record<string, unknown>;

/** One change to a scenario. */
export type ScenarioEdit =
  /** Adds a node (build it with `createNode`); missing defaults are filled in. */
  | { type: 'addNode'; node: ScenarioNode }
  /** Removes nodes, the edges attached to them, and props references to them (DLQs, destinations). */
  | { type: 'removeNodes'; ids: NodeId[] }
  /** Moves nodes on the canvas. */
  | { type: 'moveNodes'; moves: Array<{ id: NodeId; position: Position }> }
  /** Merge-patches a node's AWS props; toggling FifoQueue/FifoTopic/BusType fixes the name too. */
  | { type: 'updateNodeProps'; id: NodeId; patch: JsonPatch }
  /** Merge-patches a node's simulation behaviour. */
  | { type: 'updateNodeBehavior'; id: NodeId; patch: JsonPatch }
  /** Sets a node's AWS name (QueueName, FunctionName, ...). */
  | { type: 'renameNode'; id: NodeId; name: string }
  /** Connects two nodes, if AWS allows it (`canConnect`); the kind is inferred when absent. */
  | { type: 'addEdge'; id: EdgeId; source: NodeId; target: NodeId; kind?: EdgeKind; props?: JsonPatch; behavior?: JsonPatch }
  /** Removes edges (unknown ids are ignored, so a selection can be deleted in one batch). */
  | { type: 'removeEdges'; ids: EdgeId[] }
  /** Merge-patches an edge's props. */
  | { type: 'updateEdgeProps'; id: EdgeId; patch: JsonPatch }
  /** Merge-patches an edge's delivery behaviour. */
  | { type: 'updateEdgeBehavior'; id: EdgeId; patch: JsonPatch }
  /** Merge-patches the simulation settings. */
  | { type: 'setSettings'; patch: Partial<SimulationSettings> }
  /** Sets the scenario's name and/or description. */
  | { type: 'setInfo'; name?: string; description?: string }
  /** Replaces the whole document (an import); it is validated like a file. */
  | { type: 'replaceScenario'; scenario: Scenario }
  /** Several edits, all or nothing (paste, delete a selection): one undo step. */
  | { type: 'batch'; edits: ScenarioEdit[] };
