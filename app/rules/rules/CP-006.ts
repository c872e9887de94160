import { VPC_COMPUTE_SET } from '../../catalog/sets';
import type { DiagramNode } from '../../model/types';
import { inRange } from '../cidr';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, listOf, t, ug } from '../text';
import type { RawFinding } from '../types';

export const CP_006: Rule = {
  id: 'CP-006',
  severity: 'error',
  category: 'endpoint',
  phase: 1,
  title: t('Nodes cannot reach a public-only endpoint', 'パブリック専用エンドポイントにノードが到達できない'),
  message: t(
    "Nodes in {subnet} can't register: the endpoint is public-only and they have no allowed path to it.",
    '{subnet}のノードはクラスターに登録できません。エンドポイントがパブリック専用なのに、そこへ許可された経路がありません。',
  ),
  why: t(
    'With public-only access, kubelet traffic leaves the VPC, so nodes need either their own public IP with an internet gateway route or a NAT gateway, and their source address must pass the allow-list. Fargate pods register the same way.',
    'パブリック専用アクセスでは kubelet の通信が VPC の外に出るため、ノードにはインターネットゲートウェイへのルートと自身のパブリック IP、または NAT ゲートウェイが必要で、送信元アドレスが許可リストに含まれていなければなりません。Fargate の Pod も同じ方法で登録されます。',
  ),
  fix: t(
    "Turn on private access (the usual fix), or give the subnet egress and allow the NAT gateway's address.",
    'プライベートアクセスを有効にするのが一般的な対処です。あるいは、サブネットに外向きの経路を用意し、NAT ゲートウェイのアドレスを許可リストに加えてください。',
  ),
  sources: [ug('cluster-endpoint'), ug('worker'), bp('subnets', 'Public Endpoint')],
  check(view) {
    const out: RawFinding[] = [];
    for (const cp of view.controlPlanes()) {
      if (!view.bool(cp, 'endpointPublicAccess') || view.bool(cp, 'endpointPrivateAccess')) continue;
      const cidrs = view.list(cp, 'publicAccessCidrs');
      const open = cidrs.includes('0.0.0.0/0');
      // A NAT address outside every allowed range; an address that does not parse is "not stated" and skipped.
      const blockedNat = (n: DiagramNode): boolean => {
        const ip = view.str(n, 'publicIp').trim();
        if (ip === '') return false;
        const verdicts = cidrs.map((c) => inRange(ip, c));
        return verdicts.every((v) => v === false);
      };
      for (const c of view.members(cp.id, VPC_COMPUTE_SET)) {
        const noEgress = view.nodeSubnets(c).filter((s) => !view.hasEgress(s));
        const blocked = open ? [] : view.nodeSubnets(c).filter((s) => view.isPublic(s) || view.natsOf(s).some(blockedNat));
        for (const [subCase, subnets] of [['a', noEgress], ['b', blocked]] as const) {
          if (subnets.length === 0) continue;
          out.push(finding([c, ...subnets, cp], { subCase, params: { subnet: listOf(subnets.map((s) => view.name(s))) } }));
        }
      }
    }
    return out;
  },
  quickFix(f, view) {
    const cp = nodeAt(view, f, f.nodes.length - 1);
    return cp?.kind === 'eksControlPlane' ? setPropFix(cp, 'endpointPrivateAccess', true) : null;
  },
};
