import { finding, type Rule } from '../kit';
import { bp, t, ug } from '../text';
import type { RawFinding } from '../types';

/** The `manages` targets each autoscaler can't act on, with the sub-case they fall under. */
const CANNOT_SCALE: ReadonlyMap<string, { readonly subCase: string; readonly kinds: ReadonlySet<string> }> = new Map([
  ['cluster-autoscaler', { subCase: 'a', kinds: new Set(['fargateProfile', 'karpenterNodePool']) }],
  ['karpenter', { subCase: 'b', kinds: new Set(['fargateProfile', 'managedNodeGroup', 'selfManagedNodeGroup']) }],
]);

export const SCALE_003: Rule = {
  id: 'SCALE-003',
  severity: 'error',
  category: 'scaling',
  phase: 1,
  title: t("Autoscaler wired to capacity it can't scale", 'オートスケーラーが扱えない容量に接続されている'),
  message: t(
    'Cluster Autoscaler resizes EC2 Auto Scaling groups, Karpenter manages NodePools, and Fargate needs no node autoscaler.',
    'Cluster Autoscaler が調整するのは EC2 Auto Scaling グループ、Karpenter が管理するのは NodePool です。Fargate にはノードのオートスケーラーは要りません。',
  ),
  messages: {
    a: t(
      "{addon} can't scale {target}: Cluster Autoscaler only resizes the Auto Scaling groups behind node groups.",
      '{addon}は{target}をスケールできません。Cluster Autoscaler が調整できるのは、ノードグループの背後にある Auto Scaling グループだけです。',
    ),
    b: t(
      "{addon} can't manage {target}: Karpenter launches instances for its own NodePools, outside any Auto Scaling group.",
      '{addon}は{target}を管理できません。Karpenter は Auto Scaling グループを使わず、自分の NodePool のためにインスタンスを起動します。',
    ),
  },
  why: t(
    'Cluster Autoscaler works by changing the desired size of the Auto Scaling group behind a node group. Fargate adds capacity for each pod, and Karpenter launches instances itself, outside any Auto Scaling group.',
    'Cluster Autoscaler は、ノードグループの背後にある Auto Scaling グループの希望容量を変えることで動きます。Fargate は Pod ごとに容量を用意し、Karpenter は Auto Scaling グループを介さず自分でインスタンスを起動します。',
  ),
  fix: t('Remove the connection.', 'この接続を削除してください。'),
  sources: [ug('autoscaling'), ug('fargate'), bp('karpenter')],
  check(view) {
    const out: RawFinding[] = [];
    for (const a of view.ofKind('addon')) {
      const rule = CANNOT_SCALE.get(view.str(a, 'addonType'));
      if (!rule) continue;
      for (const e of view.outEdges(a, 'manages')) {
        const target = view.node(e.target);
        if (!target || !rule.kinds.has(target.kind)) continue;
        // One finding per edge: each wrong connection is deleted on its own.
        out.push(finding([a, target], { subCase: rule.subCase, edges: [e.id], key: e.id, params: { addon: view.name(a), target: view.name(target) } }));
      }
    }
    return out;
  },
};
