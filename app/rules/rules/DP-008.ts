import { finding, type Rule } from '../kit';
import { bp, t } from '../text';

const KARPENTER_POOLS: ReadonlySet<string> = new Set(['karpenterNodePool']);

export const DP_008: Rule = {
  id: 'DP-008',
  severity: 'warning',
  category: 'data plane',
  phase: 1,
  title: t('Karpenter runs on capacity it manages', 'Karpenter が自分の管理する容量の上で動いている'),
  message: t('Run the Karpenter controller on a small managed node group or on Fargate.', 'Karpenter コントローラーは、小さなマネージド型ノードグループか Fargate で動かしましょう。'),
  why: t(
    'If Karpenter consolidates or terminates the node it is running on, nothing is left to launch capacity, not even a node for Karpenter itself. Capacity that Karpenter does not manage keeps the controller alive through its own decisions.',
    'Karpenter が自分の動いているノードを統合や終了の対象にすると、容量を起動する役がいなくなり、Karpenter 自身のノードさえ用意できなくなります。Karpenter が管理しない容量で動かせば、自分の判断でコントローラーが止まることはありません。',
  ),
  fix: t(
    'Run it on a managed node group (at least one node, two to be safe) or on a Fargate profile for its namespace.',
    'マネージド型ノードグループ（最低 1 ノード、安全のため 2 ノード）か、その名前空間用の Fargate プロファイルで動かしてください。',
  ),
  sources: [bp('karpenter', 'Run the Karpenter controller on EKS Fargate or on a worker node that belongs to a node group')],
  check(view) {
    return view
      .ofKind('addon')
      .filter((k) => view.str(k, 'addonType') === 'karpenter' && view.onKind(k, KARPENTER_POOLS))
      .map((k) => finding([k]));
  },
};
