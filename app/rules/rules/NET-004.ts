import { finding, type Rule } from '../kit';
import { bp, t } from '../text';
import type { RawFinding } from '../types';

export const NET_004: Rule = {
  id: 'NET-004',
  severity: 'error',
  category: 'networking',
  phase: 1,
  title: t('NAT gateway misplaced or mis-wired', 'NAT ゲートウェイの配置やルートが誤っている'),
  message: t(
    'A public NAT gateway must sit in a public subnet, and public subnets route to the internet gateway, not to a NAT gateway.',
    'パブリック NAT ゲートウェイはパブリックサブネットに置く必要があります。また、パブリックサブネットのルートは NAT ゲートウェイではなくインターネットゲートウェイに向けます。',
  ),
  messages: {
    a: t(
      '{nat} is a public NAT gateway in private subnet {subnet}: it needs a public subnet to reach the internet gateway.',
      '{nat}はプライベートサブネット{subnet}にあるパブリック NAT ゲートウェイです。インターネットゲートウェイに出るにはパブリックサブネットに置く必要があります。',
    ),
    b: t(
      'Public subnet {subnet} routes through a NAT gateway; public subnets already route to the internet gateway.',
      'パブリックサブネット{subnet}のルートが NAT ゲートウェイに向いています。パブリックサブネットのルートはすでにインターネットゲートウェイに向いています。',
    ),
  },
  why: t(
    "Egress from private subnets runs subnet → NAT gateway → internet gateway, so the NAT gateway itself needs a public subnet's route. A public subnet's default route already goes to the internet gateway, so a NAT route from it contradicts the drawing. A VPC with no internet gateway at all is NET-008.",
    'プライベートサブネットからの外向き通信は、サブネット → NAT ゲートウェイ → インターネットゲートウェイの順に流れるため、NAT ゲートウェイ自体はパブリックサブネットのルートを必要とします。パブリックサブネットのデフォルトルートはすでにインターネットゲートウェイに向いているので、そこから NAT へのルートを引くと図が矛盾します。インターネットゲートウェイがない VPC は NET-008 で扱います。',
  ),
  fix: t(
    'Move the NAT gateway into a public subnet of the same AZ; remove the NAT route from the public subnet.',
    'NAT ゲートウェイを同じ AZ のパブリックサブネットに移し、パブリックサブネットから NAT へのルートを削除してください。',
  ),
  sources: [bp('cost-opt-networking', 'Using NAT Gateways'), bp('subnets')],
  check(view) {
    const out: RawFinding[] = [];
    for (const n of view.ofKind('natGateway')) {
      const home = view.parentSubnet(n);
      if (view.str(n, 'connectivity') === 'public' && home && !view.isPublic(home)) {
        out.push(finding([n, home], { subCase: 'a', params: { nat: view.name(n), subnet: view.name(home) } }));
      }
    }
    for (const s of view.ofKind('subnet')) {
      if (!view.isPublic(s)) continue;
      const routes = view.outEdges(s, 'egressVia').filter((e) => view.node(e.target)?.kind === 'natGateway');
      if (routes.length === 0) continue;
      out.push({ nodes: [s.id], edges: routes.map((e) => e.id), subCase: 'b', params: { subnet: view.name(s) } });
    }
    return out;
  },
};
