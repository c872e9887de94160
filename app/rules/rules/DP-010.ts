import { COMPUTE_SET, EC2_SET } from '../../catalog/sets';
import { finding, type Rule } from '../kit';
import { t, ug } from '../text';
import type { RawFinding } from '../types';

export const DP_010: Rule = {
  id: 'DP-010',
  severity: 'error',
  category: 'data plane',
  phase: 1,
  title: t('Only Windows compute in the cluster', 'クラスターのコンピューティングが Windows だけ'),
  message: t(
    'Add at least one Linux node group (two nodes recommended) or a Fargate profile for CoreDNS and the other system pods.',
    'CoreDNS などのシステム Pod のために、Linux のノードグループ（2 ノード推奨）か Fargate プロファイルを少なくとも 1 つ追加してください。',
  ),
  why: t(
    "CoreDNS and other core system pods run only on Linux, so a Windows-only cluster can't even resolve names. Windows nodes are meant to sit next to Linux nodes, not replace them.",
    'CoreDNS などの中核となるシステム Pod は Linux でしか動かないため、Windows だけのクラスターでは名前解決すらできません。Windows ノードは Linux ノードと並べて使うもので、置き換えるものではありません。',
  ),
  fix: t('Add a small Linux managed node group.', '小さな Linux のマネージド型ノードグループを追加してください。'),
  sources: [ug('windows-support')],
  check(view) {
    const out: RawFinding[] = [];
    for (const cluster of view.clusters()) {
      const compute = view.members(cluster, COMPUTE_SET);
      if (compute.length === 0) continue;
      if (!compute.every((c) => EC2_SET.has(c.kind) && view.str(c, 'os') === 'windows')) continue;
      const badge = view.cp(cluster) ?? compute[0];
      if (badge) out.push(finding([badge]));
    }
    return out;
  },
};
