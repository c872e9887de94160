import { EC2_SET } from '../../catalog/sets';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { t, ug } from '../text';
import type { RawFinding } from '../types';

export const NET_006: Rule = {
  id: 'NET-006',
  severity: 'error',
  category: 'networking',
  phase: 1,
  title: t('Nodes in a public subnet get no public IP', 'パブリックサブネットのノードにパブリック IP が付かない'),
  message: t(
    "Nodes in public subnet {subnet} won't get a public IP, so they can reach neither the cluster nor the internet.",
    'パブリックサブネット{subnet}のノードにはパブリック IP が付かないため、クラスターにもインターネットにも到達できません。',
  ),
  why: t(
    "In a public subnet the only way out is the instance's own public address through the internet gateway; there is no NAT path. Managed node groups require the subnet to assign public IPv4 addresses automatically.",
    'パブリックサブネットから外に出る手段は、インスタンス自身のパブリックアドレスでインターネットゲートウェイを通る経路だけで、NAT を経由する道はありません。マネージド型ノードグループは、サブネットがパブリック IPv4 アドレスを自動で割り当てる設定になっていることを求めます。',
  ),
  fix: t(
    'Turn on auto-assign, or better (SEC-007) move the nodes to private subnets behind a NAT gateway.',
    '自動割り当てを有効にしてください。より望ましいのは（SEC-007 のとおり）ノードを NAT ゲートウェイの背後のプライベートサブネットに移すことです。',
  ),
  sources: [ug('managed-node-groups'), ug('network-reqs', 'Subnet requirements for nodes')],
  check(view) {
    const out: RawFinding[] = [];
    for (const s of view.ofKind('subnet')) {
      if (!view.isPublic(s) || view.bool(s, 'mapPublicIpOnLaunch')) continue;
      const ec2 = view.computeUsing(s).filter((c) => EC2_SET.has(c.kind));
      if (ec2.length > 0) out.push(finding([s, ...ec2], { params: { subnet: view.name(s) } }));
    }
    return out;
  },
  quickFix(f, view) {
    const s = nodeAt(view, f, 0);
    return s ? setPropFix(s, 'mapPublicIpOnLaunch', true) : null;
  },
};
