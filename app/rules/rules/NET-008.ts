import { finding, type Rule } from '../kit';
import { bp, t, ug, web } from '../text';
import type { RawFinding } from '../types';

export const NET_008: Rule = {
  id: 'NET-008',
  severity: 'error',
  category: 'networking',
  phase: 1,
  title: t('Public subnet in a VPC without an internet gateway', 'インターネットゲートウェイのない VPC にパブリックサブネットがある'),
  message: t('{vpc} has public subnets but no internet gateway.', '{vpc}にはパブリックサブネットがありますが、インターネットゲートウェイがありません。'),
  why: t(
    'A subnet is public only because its route table sends internet traffic to the VPC\'s internet gateway. Without one, nothing in those subnets (NAT gateways, nodes with public IPs, internet-facing load balancers) can reach the internet or be reached from it, and every egress path built on them is broken.',
    'サブネットがパブリックであるのは、ルートテーブルがインターネット向けの通信を VPC のインターネットゲートウェイに送るからです。ゲートウェイがなければ、そのサブネット内の NAT ゲートウェイ、パブリック IP を持つノード、インターネット向けロードバランサーのどれもインターネットとやり取りできず、それらに頼る外向きの経路もすべて機能しません。',
  ),
  fix: t('Add an internet gateway to the VPC, or mark the subnets private.', 'VPC にインターネットゲートウェイを追加するか、サブネットをプライベートにしてください。'),
  sources: [
    ug('network-reqs', 'public and private subnets'),
    bp('subnets'),
    web('https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html', 'Amazon VPC User Guide: Internet gateways', 'Amazon VPC ユーザーガイド: インターネットゲートウェイ'),
  ],
  check(view) {
    const publicByVpc = new Map<string, ReturnType<typeof view.ofKind>[number][]>();
    for (const s of view.ofKind('subnet')) {
      const v = view.vpcOf(s);
      if (!v || !view.isPublic(s)) continue;
      const list = publicByVpc.get(v.id) ?? [];
      list.push(s);
      publicByVpc.set(v.id, list);
    }
    const out: RawFinding[] = [];
    for (const v of view.ofKind('vpc')) {
      const subnets = publicByVpc.get(v.id);
      if (subnets && !view.hasIgw(v)) out.push(finding([v, ...subnets], { params: { vpc: view.name(v) } }));
    }
    return out;
  },
};
