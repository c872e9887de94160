import { finding, type Rule } from '../kit';
import { bp, t, ug } from '../text';
import type { RawFinding } from '../types';

/** Add-on types that run as a DaemonSet, one pod per node. */
const DAEMONSET_ADDONS: ReadonlySet<string> = new Set([
  'vpc-cni',
  'kube-proxy',
  'ebs-csi-driver',
  'efs-csi-driver',
  'pod-identity-agent',
  'secrets-store-csi-ascp',
  'cloudwatch-observability',
  'cilium',
  'calico',
]);

export const DP_002: Rule = {
  id: 'DP-002',
  severity: 'error',
  category: 'data plane',
  phase: 1,
  title: t('DaemonSet aimed at Fargate', 'DaemonSet が Fargate に向けられている'),
  message: t("{pods} is a DaemonSet, and DaemonSets don't run on Fargate.", '{pods}は DaemonSet ですが、DaemonSet は Fargate では動きません。'),
  why: t(
    'Each Fargate pod gets its own isolated node, so there is no shared node for a per-node agent to sit on. Logging on Fargate uses a built-in Fluent Bit router configured through the aws-logging ConfigMap in the aws-observability namespace.',
    'Fargate では Pod ごとに専用の分離されたノードが用意されるため、ノードごとのエージェントを置く共有ノードがありません。Fargate のログ出力には、aws-observability 名前空間の aws-logging ConfigMap で設定する組み込みの Fluent Bit ルーターを使います。',
  ),
  fix: t(
    'Use a sidecar container, run the agent on EC2 nodes, or use the built-in log router.',
    'サイドカーコンテナを使うか、エージェントを EC2 ノードで動かすか、組み込みのログルーターを使ってください。',
  ),
  sources: [ug('fargate'), ug('fargate-logging'), bp('cost-opt-compute', 'Fargate compute')],
  check(view) {
    const out: RawFinding[] = [];
    for (const x of [...view.ofKind('workload'), ...view.ofKind('addon')]) {
      const daemon = x.kind === 'workload' ? view.str(x, 'workloadType') === 'DaemonSet' : DAEMONSET_ADDONS.has(view.str(x, 'addonType'));
      if (!daemon || !view.onFargate(x)) continue;
      const profiles = view.runsOn(x).filter((c) => c.kind === 'fargateProfile');
      const ids = new Set(profiles.map((p) => p.id));
      const edges = view.outEdges(x, 'runsOn').filter((e) => ids.has(e.target)).map((e) => e.id);
      out.push(finding([x, ...profiles], { edges, params: { pods: view.name(x) } }));
    }
    return out;
  },
};
