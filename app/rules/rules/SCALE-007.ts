import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, t } from '../text';
import type { DiagramNode } from '../../model/types';
import type { RawFinding } from '../types';
import type { ClusterRef } from '../view';

export const SCALE_007: Rule = {
  id: 'SCALE-007',
  severity: 'warning',
  category: 'scaling',
  phase: 1,
  title: t('Karpenter NodePool hygiene', 'Karpenter NodePool の運用上の注意'),
  message: t(
    "Turn on Karpenter's interruption handling for Spot, and pin tested AMIs in production.",
    'Spot を使うなら Karpenter の中断処理を有効にし、本番環境ではテスト済みの AMI に固定してください。',
  ),
  messages: {
    a: t(
      '{pool} uses Spot, but {addon} has no interruption queue to drain nodes before AWS reclaims them.',
      '{pool}は Spot を使いますが、{addon}には、AWS に回収される前にノードを退避させるための中断キューがありません。',
    ),
    b: t(
      '{pool} follows the latest AMI alias; pin a tested AMI version in production.',
      '{pool}は AMI のエイリアスで常に最新のイメージを使います。本番環境ではテスト済みの AMI バージョンに固定してください。',
    ),
  },
  why: t(
    "With its SQS interruption queue Karpenter drains a Spot node before AWS takes it back (don't run Node Termination Handler alongside). An AMI alias that always follows the latest image ships untested images to production.",
    'SQS の中断キューがあれば、Karpenter は AWS が Spot ノードを回収する前にそのノードから Pod を退避させます（Node Termination Handler を併用してはいけません）。常に最新のイメージを指す AMI エイリアスを使うと、テストしていないイメージが本番環境に入ってしまいます。',
  ),
  fix: t(
    'Give Karpenter an SQS interruption queue; select a tested AMI version instead of the latest alias.',
    'Karpenter に SQS の中断キューを用意し、最新を指すエイリアスではなくテスト済みの AMI バージョンを選択してください。',
  ),
  sources: [bp('karpenter')],
  check(view) {
    const out: RawFinding[] = [];
    // The Karpenter controllers without an interruption queue, found once per cluster.
    const unqueued = new Map<ClusterRef, readonly DiagramNode[]>();
    const withoutQueue = (cluster: ClusterRef): readonly DiagramNode[] => {
      let hit = unqueued.get(cluster);
      if (!hit) {
        hit = view.addonsOf(cluster, 'karpenter').filter((a) => !view.bool(a, 'interruptionQueue'));
        unqueued.set(cluster, hit);
      }
      return hit;
    };
    for (const p of view.ofKind('karpenterNodePool')) {
      const pool = view.name(p);
      const cluster = view.clusterOf(p);
      if (cluster !== null && view.list(p, 'capacityTypes').includes('spot')) {
        for (const a of withoutQueue(cluster)) out.push(finding([p, a], { subCase: 'a', key: a.id, params: { pool, addon: view.name(a) } }));
      }
      if (view.str(p, 'amiSelector') === 'latest') out.push(finding([p], { subCase: 'b', params: { pool } }));
    }
    return out;
  },
  quickFix(f, view) {
    if (f.subCase === 'a') {
      const a = nodeAt(view, f, 1);
      return a ? setPropFix(a, 'interruptionQueue', true) : null;
    }
    const p = f.subCase === 'b' ? nodeAt(view, f, 0) : undefined;
    return p ? setPropFix(p, 'amiSelector', 'pinned') : null;
  },
};
