import { EDGE_KIND_LABELS, NODE_KIND_LABELS, capitalize } from '../../model/labels';
import type { EdgeKind, NodeKind } from '../../model/types';

/** How a node kind looks: AWS's category colour, a short badge and a readable label. */
export interface KindStyle {
  label: string;
  badge: string;
  color: string;
}

// Colours follow AWS's architecture-icon categories (application integration pink,
// compute orange, analytics purple); the badge text keeps kinds apart without colour.
const LOOKS: Record<NodeKind, Omit<KindStyle, 'label'>> = {
  producer: { badge: 'PUT', color: '#5a6b7b' },
  eventBus: { badge: 'BUS', color: '#e7157b' },
  rule: { badge: 'RULE', color: '#c7106a' },
  sqsQueue: { badge: 'SQS', color: '#b0084d' },
  snsTopic: { badge: 'SNS', color: '#d6246e' },
  kinesisStream: { badge: 'KDS', color: '#8c4fff' },
  lambdaFunction: { badge: 'λ', color: '#ed7100' },
  pipe: { badge: 'PIPE', color: '#e7157b' },
  schedule: { badge: 'CRON', color: '#a4116b' },
  archive: { badge: 'ARC', color: '#7d5a8c' },
};

/** Look of every node kind; labels come from the model so the UI and messages agree. */
export const KIND_STYLES: Record<NodeKind, KindStyle> = Object.fromEntries(
  (Object.keys(LOOKS) as NodeKind[]).map((k) => [k, { ...LOOKS[k], label: capitalize(NODE_KIND_LABELS[k]) }]),
) as Record<NodeKind, KindStyle>;

/** Human names of connection kinds. */
export const EDGE_LABELS: Record<EdgeKind, string> = EDGE_KIND_LABELS;
