import type { DiagramNode } from '../../model/types';
import { finding, type Rule } from '../kit';
import { notesA, notesB, t, ug } from '../text';
import type { RawFinding } from '../types';
import type { ClusterRef, RuleView } from '../view';

const NODE_GROUPS: ReadonlySet<string> = new Set(['managedNodeGroup', 'selfManagedNodeGroup']);

/** A node group whose size can't change: minSize = maxSize. */
function fixedSize(view: RuleView, c: DiagramNode): boolean {
  if (!NODE_GROUPS.has(c.kind)) return false;
  const min = view.int(c, 'minSize');
  return min !== null && min === view.int(c, 'maxSize');
}

export const SCALE_006: Rule = {
  id: 'SCALE-006',
  severity: 'warning',
  category: 'scaling',
  phase: 1,
  title: t("Pods can scale but nodes can't", 'Pod はスケールできるがノードはスケールできない'),
  message: t(
    '{hpa} will add pods of {workload} that have nowhere to run: its node groups have a fixed size and no node autoscaler is installed.',
    '{hpa}が{workload}の Pod を増やしても、動かす場所がありません。ノードグループのサイズは固定で、ノードのオートスケーラーもインストールされていません。',
  ),
  why: t(
    "The HPA only changes the number of pods; extra nodes come from Cluster Autoscaler or Karpenter, the faster of the two in notes A's comparison. Fargate needs neither, because it adds capacity per pod.",
    'HPA が変えるのは Pod の数だけです。ノードを増やすのは Cluster Autoscaler か Karpenter で、学習ノート A の比較表では Karpenter の方が高速です。Fargate は Pod ごとに容量を用意するため、どちらも必要ありません。',
  ),
  fix: t(
    "Add a node autoscaler, widen the group's min/max, or run the workload on Fargate.",
    'ノードのオートスケーラーを追加する、グループの最小・最大サイズの幅を広げる、ワークロードを Fargate で動かす、のいずれかを行ってください。',
  ),
  sources: [
    notesB('2.5 自動スケーリング', 'auto scaling'),
    notesB('8.5 自動スケーリング', 'auto scaling'),
    notesA('データプレーン', 'scaling-speed column'),
    ug('autoscaling'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    // Unpinned workloads share one candidate list: answer it once per list.
    const stuck = new WeakMap<readonly DiagramNode[], boolean>();
    const allFixed = (list: readonly DiagramNode[]): boolean => {
      let hit = stuck.get(list);
      if (hit === undefined) {
        hit = list.length > 0 && list.every((c) => fixedSize(view, c));
        stuck.set(list, hit);
      }
      return hit;
    };
    // Whether a cluster has a node autoscaler, asked once per cluster rather than once per HPA.
    const autoscaled = new Map<ClusterRef, boolean>();
    const hasNodeAutoscaler = (cluster: ClusterRef): boolean => {
      let hit = autoscaled.get(cluster);
      if (hit === undefined) {
        hit = view.hasAddon(cluster, 'cluster-autoscaler') || view.hasAddon(cluster, 'karpenter');
        autoscaled.set(cluster, hit);
      }
      return hit;
    };
    for (const h of view.ofKind('hpa')) {
      for (const x of view.out(h, 'scales')) {
        const cluster = view.clusterOf(x);
        if (cluster === null || hasNodeAutoscaler(cluster)) continue;
        if (allFixed(view.candidateCompute(x))) out.push(finding([h, x], { params: { hpa: view.name(h), workload: view.name(x) } }));
      }
    }
    return out;
  },
};
