import type { Finding } from '../../rules/types';

/**
 * Findings for the snapshot tests, as the rule engine would report them,
 * hand-written so that the SVG and Markdown snapshots don't move whenever a
 * rule's wording changes. Ids refer to app/export/fixtures/platform.kumozu.json.
 */
export const PLATFORM_FINDINGS: readonly Finding[] = [
  { rule: 'CP-005', severity: 'warning', nodes: ['cp'], edges: [], message: 'The public API endpoint accepts requests from anywhere (0.0.0.0/0).' },
  { rule: 'CP-010', severity: 'info', nodes: ['cp'], edges: [], message: 'Control-plane logs are on; keep an eye on their CloudWatch cost.' },
  { rule: 'CONN-001', severity: 'error', nodes: ['hpa', 'system'], edges: ['e28'], message: 'An HPA scales pods; nodes are added by Cluster Autoscaler or Karpenter.' },
  { rule: 'SCALE-001', severity: 'info', nodes: ['checkout'], edges: [], message: 'checkout has an HPA; set resource requests so it can compute utilisation.' },
];
