import { IMPLICIT_CLUSTER } from '../view';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { notesA, t, ug } from '../text';
import type { RawFinding } from '../types';

export const DP_007: Rule = {
  id: 'DP-007',
  severity: 'info',
  category: 'data plane',
  phase: 1,
  title: t('Self-managed nodes: the upkeep is yours', 'セルフマネージド型ノードの運用はお客様の担当'),
  message: t(
    'Self-managed nodes: you patch AMIs, upgrade kubelets, and drain and scale nodes yourself.',
    'セルフマネージド型ノードでは、AMI のパッチ適用、kubelet の更新、ノードのドレインやスケーリングをすべて自分で行います。',
  ),
  messages: {
    b: t(
      'Self-managed nodes: you patch AMIs, upgrade kubelets, and drain and scale nodes yourself, and each instance needs the kubernetes.io/cluster/{name}=owned tag.',
      'セルフマネージド型ノードでは、AMI のパッチ適用、kubelet の更新、ノードのドレインやスケーリングを自分で行い、さらに各インスタンスに kubernetes.io/cluster/{name}=owned タグが必要です。',
    ),
  },
  why: t(
    'Notes A rate self-managed nodes as the most customisable option, suited to HPC or special security needs, and the heaviest to operate. Instances you launch yourself must also carry the cluster ownership tag.',
    'ノート A では、セルフマネージド型ノードは最も自由にカスタマイズでき HPC や特別なセキュリティ要件に向く一方、運用負荷が最も重い選択肢とされています。自分で起動するインスタンスには、クラスターの所有タグも付ける必要があります。',
  ),
  fix: t(
    'Prefer managed node groups or Karpenter unless you need full control (or Outposts).',
    '完全な制御（または Outposts）が必要な場合を除き、マネージド型ノードグループか Karpenter を選びましょう。',
  ),
  sources: [notesA('データプレーン', 'comparison table'), ug('worker'), ug('eks-compute')],
  check(view) {
    const out: RawFinding[] = [];
    for (const g of view.ofKind('selfManagedNodeGroup')) {
      if (view.bool(g, 'clusterTag')) {
        out.push(finding([g], { subCase: 'a' }));
        continue;
      }
      // (b) replaces (a): one finding, at the stronger severity.
      const cluster = view.clusterOf(g);
      const cp = cluster === null || cluster === IMPLICIT_CLUSTER ? undefined : view.node(cluster);
      const name = cp ? view.label(cp).trim() || cp.id : '<cluster-name>';
      out.push(finding([g], { subCase: 'b', severity: 'warning', params: { name } }));
    }
    return out;
  },
  quickFix(f, view) {
    const g = nodeAt(view, f, 0);
    return f.subCase === 'b' && g ? setPropFix(g, 'clusterTag', true) : null;
  },
};
