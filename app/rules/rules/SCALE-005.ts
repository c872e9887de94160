import type { DiagramNode } from '../../model/types';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, t, ug } from '../text';
import type { RawFinding } from '../types';

const WORKLOAD: ReadonlySet<string> = new Set(['workload']);

/** G = candidateCompute(x) ∩ caGroups(C), and the groups of G that span several AZs. */
interface Reach {
  readonly groups: readonly DiagramNode[];
  readonly multiAz: readonly DiagramNode[];
}

export const SCALE_005: Rule = {
  id: 'SCALE-005',
  severity: 'warning',
  category: 'scaling',
  phase: 1,
  title: t('EBS-backed workloads on a multi-AZ Cluster Autoscaler group', '複数 AZ の Cluster Autoscaler 対象グループで EBS を使うワークロード'),
  message: t(
    'For EBS-backed workloads use one node group per AZ and turn on balance-similar-node-groups.',
    'EBS を使うワークロードには、AZ ごとに 1 つのノードグループを用意し、balance-similar-node-groups を有効にしてください。',
  ),
  messages: {
    a: t(
      '{workload} uses an EBS volume but may land on {group}, a Cluster Autoscaler group spanning several AZs; use one node group per AZ.',
      '{workload}は EBS ボリュームを使いますが、複数の AZ にまたがる Cluster Autoscaler 対象のグループ{group}に配置される可能性があります。AZ ごとに 1 つのノードグループを用意してください。',
    ),
    b: t(
      '{workload} uses an EBS volume, but {addon} does not balance similar node groups; turn on balance-similar-node-groups.',
      '{workload}は EBS ボリュームを使いますが、{addon}は似たノードグループ間でノード数を均等にしません。balance-similar-node-groups を有効にしてください。',
    ),
  },
  why: t(
    "An EBS volume lives in one AZ, and Cluster Autoscaler can't ask a multi-AZ Auto Scaling group for a node in a particular AZ, so a pod can wait for a node in the wrong zone. Karpenter doesn't have this problem as long as its subnets cover every AZ.",
    'EBS ボリュームは 1 つの AZ にしか存在しません。Cluster Autoscaler は複数 AZ にまたがる Auto Scaling グループに対して特定の AZ のノードを要求できないため、Pod が別の AZ に追加されたノードを待ち続けることがあります。Karpenter なら、サブネットがすべての AZ をカバーしていればこの問題は起きません。',
  ),
  fix: t('Split the group per AZ and balance similar groups.', 'グループを AZ ごとに分け、似たグループ間のバランス調整を有効にしてください。'),
  sources: [ug('managed-node-groups'), bp('cas', 'EBS Volumes'), bp('data-plane')],
  check(view) {
    const out: RawFinding[] = [];
    for (const cluster of view.clusters()) {
      const groups = view.caGroups(cluster);
      if (groups.length === 0) continue;
      const ids = new Set(groups.map((g) => g.id));
      const unbalanced = view.addonsOf(cluster, 'cluster-autoscaler').filter((a) => !view.bool(a, 'balanceSimilarNodeGroups'));
      // Unpinned workloads share one candidate list: intersect it with caGroups once per list.
      const memo = new WeakMap<readonly DiagramNode[], Reach>();
      const reachable = (list: readonly DiagramNode[]): Reach => {
        let hit = memo.get(list);
        if (!hit) {
          const groupsOf = list.filter((c) => ids.has(c.id));
          hit = { groups: groupsOf, multiAz: groupsOf.filter((g) => view.distinctAzs(view.nodeSubnets(g)) >= 2) };
          memo.set(list, hit);
        }
        return hit;
      };
      for (const x of view.members(cluster, WORKLOAD)) {
        if (!view.out(x, 'mounts').some((pv) => view.str(pv, 'storage') === 'ebs')) continue;
        const reached = reachable(view.candidateCompute(x));
        if (reached.groups.length === 0) continue;
        const workload = view.name(x);
        for (const g of reached.multiAz) out.push(finding([x, g], { subCase: 'a', key: g.id, params: { workload, group: view.name(g) } }));
        for (const a of unbalanced) out.push(finding([x, a], { subCase: 'b', key: a.id, params: { workload, addon: view.name(a) } }));
      }
    }
    return out;
  },
  quickFix(f, view) {
    const a = f.subCase === 'b' ? nodeAt(view, f, 1) : undefined;
    return a ? setPropFix(a, 'balanceSimilarNodeGroups', true) : null;
  },
};
