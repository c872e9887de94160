import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { t, ug } from '../text';
import type { RawFinding } from '../types';

const HYBRID: ReadonlySet<string> = new Set(['hybridNodePool']);

export const HYB_002: Rule = {
  id: 'HYB-002',
  severity: 'error',
  category: 'hybrid',
  phase: 1,
  title: t('Public and private endpoint together with hybrid nodes', 'ハイブリッドノードでパブリックとプライベートのエンドポイントを併用している'),
  message: t(
    '{cluster} has hybrid nodes: choose public or private endpoint access, not both.',
    '{cluster}にはハイブリッドノードがあります。エンドポイントのアクセスはパブリックかプライベートのどちらか一方にしてください。',
  ),
  why: t(
    "Outside the VPC the endpoint's name resolves to its public addresses, so on-premises nodes don't use the private path you built and may fail to join. For this reason a cluster with hybrid nodes must use exactly one of the two modes.",
    'VPC の外ではエンドポイントの名前がパブリックアドレスに解決されるため、オンプレミスのノードは用意したプライベート経路を使わず、クラスターに参加できないことがあります。そのため、ハイブリッドノードを使うクラスターでは 2 つのモードのどちらか一方だけを使う必要があります。',
  ),
  fix: t(
    'Go private over VPN or Direct Connect (or public-only).',
    'VPN か Direct Connect 経由のプライベートのみにしてください（またはパブリックのみ）。',
  ),
  sources: [ug('hybrid-nodes-prereqs', 'EKS cluster configuration'), ug('cluster-endpoint')],
  check(view) {
    const out: RawFinding[] = [];
    for (const cp of view.controlPlanes()) {
      if (!view.bool(cp, 'endpointPublicAccess') || !view.bool(cp, 'endpointPrivateAccess')) continue;
      if (view.members(cp.id, HYBRID).length === 0) continue;
      out.push(finding([cp], { params: { cluster: view.name(cp) } }));
    }
    return out;
  },
  quickFix(f, view) {
    const cp = nodeAt(view, f, 0);
    return cp ? setPropFix(cp, 'endpointPublicAccess', false) : null;
  },
};
