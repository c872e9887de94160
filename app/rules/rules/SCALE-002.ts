import type { DiagramNode } from '../../model/types';
import { finding, type Rule } from '../kit';
import { kp, notesA, notesB, t, web } from '../text';
import type { RawFinding } from '../types';

const WORKLOAD: ReadonlySet<string> = new Set(['workload']);
const POOL: ReadonlySet<string> = new Set(['karpenterNodePool']);

export const SCALE_002: Rule = {
  id: 'SCALE-002',
  severity: 'warning',
  category: 'scaling',
  phase: 1,
  title: t('Karpenter and Cluster Autoscaler compete', 'Karpenter と Cluster Autoscaler が競合する'),
  message: t(
    'Karpenter and Cluster Autoscaler will both react to the same pending pods, such as those of {workload}.',
    'Karpenter と Cluster Autoscaler の両方が、{workload}などの同じ保留中の Pod に反応してしまいます。',
  ),
  why: t(
    "Both watch for unschedulable pods and add capacity, so they race each other and undo each other's scale-downs. The official migration scales Cluster Autoscaler to zero once Karpenter is running.",
    'どちらもスケジュールできない Pod を監視して容量を追加するため、互いに競い合い、相手のスケールダウンを打ち消してしまいます。公式の移行手順でも、Karpenter が動き始めたら Cluster Autoscaler のレプリカを 0 にします。',
  ),
  fix: t(
    'Keep one. During a migration, split workloads with taints and node selectors, and show the split with runsOn connections.',
    'どちらか一方にしてください。移行中は taint とノードセレクターでワークロードを分け、その分け方を runsOn の接続で図に示してください。',
  ),
  sources: [
    notesA('データプレーン', 'data plane'),
    notesB('2.5 自動スケーリング', 'auto scaling'),
    kp('getting-started/migrating-from-cas'),
    web('https://github.com/aws/karpenter-provider-aws/issues/2543', 'Karpenter issue #2543', 'Karpenter の Issue #2543'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const cluster of view.clusters()) {
      const autoscaler = view.addonsOf(cluster, 'cluster-autoscaler')[0];
      const karpenter = view.addonsOf(cluster, 'karpenter')[0];
      if (!autoscaler || !karpenter || view.members(cluster, POOL).length === 0) continue;
      const groups = new Set(view.caGroups(cluster).map((g) => g.id));
      if (groups.size === 0) continue;
      // Unpinned workloads share one candidate list: answer it once per list.
      const seen = new WeakMap<readonly DiagramNode[], boolean>();
      const both = (list: readonly DiagramNode[]): boolean => {
        const hit = seen.get(list);
        if (hit !== undefined) return hit;
        const answer = list.some((c) => groups.has(c.id)) && list.some((c) => c.kind === 'karpenterNodePool');
        seen.set(list, answer);
        return answer;
      };
      const x = view.members(cluster, WORKLOAD).find((w) => both(view.candidateCompute(w)));
      if (x) out.push(finding([autoscaler, karpenter, x], { params: { workload: view.name(x) } }));
    }
    return out;
  },
};
