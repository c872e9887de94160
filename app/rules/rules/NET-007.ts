import { EC2_SET } from '../../catalog/sets';
import type { DiagramNode } from '../../model/types';
import { finding, type Rule } from '../kit';
import { bp, t, ug } from '../text';
import type { RawFinding } from '../types';
import type { RuleView } from '../view';

/** The estimate rules.md allows when maxPodsPerNode is not stated. */
const PODS_ESTIMATE = 30;
/** Add-ons have no replicas prop; two is the usual controller deployment. */
const ADDON_REPLICAS = 2;
const PER_LB = 8;
const PER_CLUSTER_ENI_SUBNET = 4;

function replicas(view: RuleView, x: DiagramNode): number {
  if (x.kind === 'addon') return ADDON_REPLICAS;
  const hpa = view.in(x, 'scales').find((h) => h.kind === 'hpa');
  return hpa ? (view.int(hpa, 'maxReplicas') ?? 0) : (view.int(x, 'replicas') ?? 0);
}

/** demand(s) of NET-007 (a): addresses that nodes, pods, load balancers and cluster ENIs may take from s. */
function demand(view: RuleView, s: DiagramNode): number {
  let total = 0;
  for (const c of view.computeUsing(s)) {
    const share = view.nodeSubnets(c).length;
    if (c.kind === 'managedNodeGroup' || c.kind === 'selfManagedNodeGroup') {
      const pods = view.int(c, 'maxPodsPerNode') ?? PODS_ESTIMATE;
      total += Math.ceil((view.int(c, 'maxSize') ?? 0) / share) * (pods + 1);
    } else if (c.kind === 'fargateProfile') {
      for (const x of view.podsOf(c)) total += Math.ceil(replicas(view, x) / share);
    }
  }
  total += PER_LB * view.lbsUsing(s).length;
  if (view.children(s).some((x) => x.kind === 'clusterEni')) total += PER_CLUSTER_ENI_SUBNET;
  return total;
}

export const NET_007: Rule = {
  id: 'NET-007',
  severity: 'warning',
  category: 'networking',
  phase: 1,
  title: t('Subnet may run out of IP addresses', 'サブネットの IP アドレスが不足するおそれ'),
  message: t('{subnet} may run out of IP addresses for nodes and pods.', '{subnet}では、ノードや Pod に割り当てる IP アドレスが不足するおそれがあります。'),
  messages: {
    a: t(
      '{subnet} may run out of IP addresses for nodes and pods: up to {demand} may be needed, {free} are free.',
      '{subnet}では、ノードや Pod に割り当てる IP アドレスが不足するおそれがあります。最大 {demand} 個必要になる可能性がありますが、空きは {free} 個です。',
    ),
    b: t(
      "Nodes share cluster subnet {subnet}; keep cluster subnets for the control plane's ENIs.",
      'ノードがクラスターサブネット{subnet}を共有しています。クラスターサブネットはコントロールプレーンの ENI 専用にしておきましょう。',
    ),
  },
  why: t(
    'The VPC CNI gives every pod an address from its node\'s subnet and keeps spare interfaces and addresses warm, so pods use up a subnet far faster than nodes do. Once it is empty, new pods and nodes fail, and the next cluster upgrade can fail because EKS needs fresh addresses for its replacement ENIs.',
    'VPC CNI はすべての Pod にノードのサブネットからアドレスを割り当て、予備のインターフェイスとアドレスも確保しておくため、Pod はノードよりはるかに速くサブネットを使い切ります。空きがなくなると新しい Pod やノードが起動できず、EKS が置き換え用 ENI のアドレスを確保できないため、次のクラスター更新も失敗することがあります。',
  ),
  fix: t(
    'Use larger subnets, add a secondary CIDR with custom networking, turn on prefix delegation or move to IPv6; keep small dedicated subnets for the cluster ENIs.',
    'より大きなサブネットを使う、セカンダリ CIDR とカスタムネットワーキングを追加する、プレフィックス委任を有効にする、IPv6 に移行する、のいずれかを検討してください。クラスター ENI には専用の小さなサブネットを用意しましょう。',
  ),
  sources: [bp('vpc-cni', 'Overview'), bp('ip-opt'), bp('subnets'), ug('network-reqs')],
  check(view) {
    const out: RawFinding[] = [];
    for (const s of view.ofKind('subnet')) {
      const free = view.freeIps(s);
      if (free !== null) {
        const need = demand(view, s);
        if (need > free) out.push(finding([s], { subCase: 'a', params: { subnet: view.name(s), demand: String(need), free: String(free) } }));
      }
      const holdsEni = view.children(s).some((x) => x.kind === 'clusterEni');
      if (holdsEni && view.computeUsing(s).some((c) => EC2_SET.has(c.kind))) out.push(finding([s], { subCase: 'b', params: { subnet: view.name(s) } }));
    }
    return out;
  },
};
