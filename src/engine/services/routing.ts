/**
 * Where a unit goes when it arrives at a node: each node kind's accept function. Kinds that
 * never take units by a connection (producers, rules, schedules; pipes, which poll their
 * source; archives, which their bus feeds) drop them as NO_RESOURCE.
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
    default:
      sim.fact(TK.dropped, node, u.edge, u, -1, -1, -1, -1, RS.NO_RESOURCE);
      return sim.ledger.settle(u, ST.dropped, RS.NO_RESOURCE);
  }
}
