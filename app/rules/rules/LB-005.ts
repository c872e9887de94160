import { LBS_SET } from '../../catalog/sets';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, lbc, t, ug } from '../text';
import type { RawFinding } from '../types';

export const LB_005: Rule = {
  id: 'LB-005',
  severity: 'error',
  category: 'placement',
  phase: 1,
  title: t('Internet-facing load balancer in private subnets', 'インターネット向けロードバランサーがプライベートサブネットにある'),
  message: t('An internet-facing load balancer must sit in public subnets: {subnet} is private.', 'インターネット向けロードバランサーはパブリックサブネットに置く必要がありますが、{subnet}はプライベートです。'),
  why: t(
    'Traffic from the internet can only arrive through subnets routed to the internet gateway; from there the load balancer can still forward it to pods in private subnets. For this scheme the controller only considers public subnets tagged for ELB.',
    'インターネットからの通信は、インターネットゲートウェイにルーティングされたサブネットからしか入れません。そこからでも、ロードバランサーはプライベートサブネットの Pod へ転送できます。このスキームでは、コントローラーは ELB 用のタグが付いたパブリックサブネットだけを候補にします。',
  ),
  fix: t(
    'Put the load balancer in public subnets (the usual layout: public load balancers, private nodes).',
    'ロードバランサーをパブリックサブネットに置いてください（ロードバランサーはパブリック、ノードはプライベートが一般的な構成です）。',
  ),
  sources: [ug('network-reqs', 'Subnet requirements for nodes'), lbc('deploy/subnet_discovery'), bp('subnets')],
  check(view) {
    const out: RawFinding[] = [];
    for (const l of view.ofKinds(LBS_SET)) {
      if (view.effScheme(l) !== 'internet-facing') continue;
      const priv = view.lbSubnets(l).filter((s) => !view.isPublic(s));
      if (priv.length > 0) out.push(finding([l, ...priv], { params: { subnet: view.name(priv[0] ?? l) } }));
    }
    return out;
  },
  quickFix(f, view) {
    const l = nodeAt(view, f, 0);
    const holder = l ? view.holder(l) : undefined;
    // Offered as "make it internal": it changes what the user meant, so the label says so.
    return holder
      ? setPropFix(holder, 'scheme', 'internal', t(`Make it internal (set the scheme of ${holder.label.trim() || holder.id} to internal)`, `内部向けにする（「${holder.label.trim() || holder.id}」のスキームを internal に変更）`))
      : null;
  },
};
