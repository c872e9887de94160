import type { DiagramNode } from '../../model/types';
import { contains, isRfc1918, overlaps } from '../cidr';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { t, ug, web } from '../text';
import type { RawFinding } from '../types';
import { IMPLICIT_CLUSTER, type RuleView } from '../view';

/** Some entry of the list contains the range (unparseable entries never do). */
function coveredBy(list: readonly string[], cidr: string): boolean {
  return list.some((n) => contains(n, cidr) === true);
}

/** (c): a stated range is public, the two ranges collide, or one collides with the VPC or the Service range. */
function addressProblem(view: RuleView, h: DiagramNode, cp: DiagramNode): boolean {
  const ranges = [view.str(h, 'nodeCidr'), view.str(h, 'podCidr')].filter((c) => c !== '');
  if (ranges.some((c) => isRfc1918(c) === false)) return true;
  const [node, pod] = [view.str(h, 'nodeCidr'), view.str(h, 'podCidr')];
  if (node !== '' && pod !== '' && overlaps(node, pod) === true) return true;
  const vpc = view.clusterVpc(cp.id);
  const taken = [vpc ? view.str(vpc, 'cidr') : '', view.str(cp, 'serviceCidr')].filter((c) => c !== '');
  return ranges.some((r) => taken.some((c) => overlaps(r, c) === true));
}

export const HYB_003: Rule = {
  id: 'HYB-003',
  severity: 'error',
  category: 'hybrid',
  phase: 1,
  title: t('Hybrid cluster, network or CNI settings invalid', 'ハイブリッドノードのクラスター、ネットワーク、CNI の設定が不正'),
  message: t('Hybrid nodes {pool}: the cluster settings are invalid.', 'ハイブリッドノード{pool}: クラスターの設定が不正です。'),
  messages: {
    a: t('Hybrid nodes {pool}: {cluster} is an IPv6 cluster, but hybrid nodes need IPv4.', 'ハイブリッドノード{pool}: {cluster}は IPv6 クラスターですが、ハイブリッドノードには IPv4 が必要です。'),
    b: t(
      "Hybrid nodes {pool}: the node range {cidr} isn't in the remote node networks of {cluster}.",
      'ハイブリッドノード{pool}: ノードのアドレス範囲 {cidr} が{cluster}のリモートノードネットワークに含まれていません。',
    ),
    c: t(
      'Hybrid nodes {pool}: the node and pod ranges must be private (RFC 1918) and must not overlap each other, the VPC or the Service range.',
      'ハイブリッドノード{pool}: ノードと Pod のアドレス範囲はプライベート（RFC 1918）で、互いにも VPC や Service の範囲とも重ならないようにする必要があります。',
    ),
    d: t(
      'Hybrid nodes {pool}: the pod range must be declared in the remote pod networks of {cluster}, because pods are reached by their own addresses.',
      'ハイブリッドノード{pool}: Pod は自身のアドレスで到達されるため、Pod のアドレス範囲を{cluster}のリモート Pod ネットワークに登録する必要があります。',
    ),
    e: t(
      "Hybrid nodes {pool} need Cilium or Calico as their CNI; the VPC CNI can't run on hybrid nodes.",
      'ハイブリッドノード{pool}: CNI には Cilium か Calico が必要です。VPC CNI はハイブリッドノードでは動きません。',
    ),
    f: t(
      'Hybrid nodes {pool}: {cluster} uses the CONFIG_MAP authentication mode, but hybrid nodes need access entries.',
      'ハイブリッドノード{pool}: {cluster}の認証モードは CONFIG_MAP ですが、ハイブリッドノードにはアクセスエントリが必要です。',
    ),
  },
  why: t(
    "Hybrid nodes work only with IPv4 clusters that use access entries (authentication mode API or API_AND_CONFIG_MAP), and the control plane routes to them through the remote node and pod networks you declare, which must be private RFC 1918 ranges that don't collide with the VPC or the Service range. The VPC CNI can't run on hybrid nodes, so Cilium or Calico is needed.",
    'ハイブリッドノードが使えるのは、アクセスエントリ（認証モード API または API_AND_CONFIG_MAP）を使う IPv4 クラスターだけです。コントロールプレーンは、宣言したリモートノードネットワークとリモート Pod ネットワークを通じてノードへルーティングします。これらは RFC 1918 のプライベート範囲で、VPC や Service の範囲と重なってはいけません。また VPC CNI はハイブリッドノードでは動かないため、Cilium か Calico が必要です。',
  ),
  fix: t(
    'Correct the ranges on the cluster and the pool, choose Cilium or Calico, and switch to access entries.',
    'クラスターとハイブリッドノードのアドレス範囲を直し、CNI には Cilium か Calico を選び、認証はアクセスエントリに切り替えてください。',
  ),
  sources: [
    ug('hybrid-nodes-cluster-create', 'Considerations'),
    ug('hybrid-nodes-networking'),
    ug('hybrid-nodes-overview'),
    ug('hybrid-nodes-cni'),
    web('https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteNodeNetwork.html', 'Amazon EKS API Reference: RemoteNodeNetwork', 'Amazon EKS API リファレンス: RemoteNodeNetwork'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const h of view.ofKind('hybridNodePool')) {
      const cluster = view.clusterOf(h);
      const cp = cluster === null || cluster === IMPLICIT_CLUSTER ? undefined : view.cp(cluster);
      if (!cp) continue;
      const params = { pool: view.name(h), cluster: view.name(cp) };
      const add = (subCase: string, extra: Record<string, string> = {}): void => {
        out.push(finding([h, cp], { subCase, params: { ...params, ...extra } }));
      };
      if (view.str(cp, 'ipFamily') === 'ipv6') add('a');
      const nodeCidr = view.str(h, 'nodeCidr');
      if (nodeCidr !== '' && !coveredBy(view.list(cp, 'remoteNodeNetworks'), nodeCidr)) add('b', { cidr: nodeCidr });
      if (addressProblem(view, h, cp)) add('c');
      if (!view.bool(h, 'podTrafficNatted') || view.bool(h, 'runsWebhooks')) {
        const podCidr = view.str(h, 'podCidr');
        const remotePods = view.list(cp, 'remotePodNetworks');
        if (podCidr === '' ? remotePods.length === 0 : !coveredBy(remotePods, podCidr)) add('d');
      }
      const cni = view.str(h, 'cni');
      if (cni === 'vpc-cni' || cni === 'none') add('e');
      if (view.str(cp, 'authenticationMode') === 'CONFIG_MAP') add('f');
    }
    return out;
  },
  quickFix(f, view) {
    if (f.subCase === 'e') {
      const h = nodeAt(view, f, 0);
      return h ? setPropFix(h, 'cni', 'cilium') : null;
    }
    if (f.subCase === 'f') {
      const cp = nodeAt(view, f, 1);
      return cp ? setPropFix(cp, 'authenticationMode', 'API_AND_CONFIG_MAP') : null;
    }
    return null;
  },
};
