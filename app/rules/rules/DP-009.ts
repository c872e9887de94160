import { finding, type Rule } from '../kit';
import { bp, kp, t } from '../text';
import type { RawFinding } from '../types';

export const DP_009: Rule = {
  id: 'DP-009',
  severity: 'error',
  category: 'data plane',
  phase: 1,
  title: t("NodePool can't launch nodes", 'NodePool がノードを起動できない'),
  message: t("{pool} can't launch nodes.", '{pool}はノードを起動できません。'),
  messages: {
    a: t('{pool} selects no security groups.', '{pool}はセキュリティグループを 1 つも選択していません。'),
    b: t('No Karpenter controller runs in this cluster, so {pool} does nothing.', 'このクラスターでは Karpenter コントローラーが動いていないため、{pool}は何もしません。'),
  },
  why: t(
    'Every EC2NodeClass must select the security groups (and subnets) for the instances it launches. NodePools do nothing unless a Karpenter controller watches them.',
    'EC2NodeClass は、起動するインスタンスのセキュリティグループ（とサブネット）を必ず選択する必要があります。また NodePool は、Karpenter コントローラーが監視していなければ何もしません。',
  ),
  fix: t(
    'Connect the pool to its security groups (tagged for discovery, for example karpenter.sh/discovery), and add the karpenter add-on.',
    'NodePool をセキュリティグループ（karpenter.sh/discovery などの検出用タグ付き）に接続し、karpenter アドオンを追加してください。',
  ),
  sources: [kp('concepts/nodeclasses'), bp('subnets')],
  check(view) {
    const out: RawFinding[] = [];
    for (const p of view.ofKind('karpenterNodePool')) {
      const cluster = view.clusterOf(p);
      if (cluster === null) continue;
      const params = { pool: view.name(p) };
      if (view.out(p, 'protectedBy').length === 0) out.push(finding([p], { subCase: 'a', params }));
      if (!view.hasAddon(cluster, 'karpenter')) out.push(finding([p], { subCase: 'b', params }));
    }
    return out;
  },
};
