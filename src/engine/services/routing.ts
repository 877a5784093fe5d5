/**
 * Where a unit goes when it arrives at a node: each node kind's accept function. Archives
 * cannot take units yet (dropped with NotModelledYet); kinds that never take units (producers,
 * rules, schedules, pipes, which poll their source) drop them as NO_RESOURCE.
 */
import { ST, type Unit } from '../kernel/ledger';
import type { Sim } from '../kernel/sim';
import { RS, TK } from '../trace';
import { acceptAtBus } from './eventBus';
import { acceptAtStream } from './kinesisStream';
import { acceptAtLambda } from './lambdaAsync';
import { acceptAtQueue } from './sqsQueue';
import { acceptAtTopic } from './snsTopic';

/** Routes unit `u` (created at `node`) into the node's service model. */
export function acceptAt(sim: Sim, u: Unit, node: number): void {
  switch (sim.topo.nodes[node].kind) {
    case 'eventBus':
      return acceptAtBus(sim, u, node);
    case 'sqsQueue':
      return acceptAtQueue(sim, u, node);
    case 'lambdaFunction':
      return acceptAtLambda(sim, u, node);
    case 'snsTopic':
      return acceptAtTopic(sim, u, node);
    case 'kinesisStream':
      return acceptAtStream(sim, u, node);
    case 'archive':
      sim.fact(TK.dropped, node, u.edge, u, -1, -1, -1, -1, RS.NotModelledYet);
      return sim.ledger.settle(u, ST.dropped, RS.NotModelledYet);
    default:
      sim.fact(TK.dropped, node, u.edge, u, -1, -1, -1, -1, RS.NO_RESOURCE);
      return sim.ledger.settle(u, ST.dropped, RS.NO_RESOURCE);
  }
}
