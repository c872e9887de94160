import type { DiagramNode } from '../../model/types';
import { contains } from '../cidr';
import { finding, type Rule } from '../kit';
import { listOf, notesB, t, ug } from '../text';
import type { RawFinding } from '../types';
import { egressDestination, IMPLICIT_CLUSTER, type RuleView } from '../view';

/** AWS's recommended minimum for the link between on-premises and the Region. */
const MIN_MBPS = 100;
const MAX_RTT_MS = 200;

/** (b): s has an egressVia route to one of the gateways that covers the pool's node range ("" or an unstated destination counts). */
function routesBack(view: RuleView, s: DiagramNode, gateways: ReadonlySet<string>, nodeCidr: string): boolean {
  return view.outEdges(s, 'egressVia').some((e) => {
    if (!gateways.has(e.target)) return false;
    if (nodeCidr === '') return true;
    const dest = egressDestination(e);
    return dest === null || contains(dest, nodeCidr) !== false;
  });
}

function slow(view: RuleView, link: DiagramNode): boolean {
  const mbps = view.int(link, 'bandwidthMbps');
  const rtt = view.int(link, 'rttMs');
  return (mbps !== null && mbps < MIN_MBPS) || (rtt !== null && rtt > MAX_RTT_MS);
}

export const HYB_001: Rule = {
  id: 'HYB-001',
  severity: 'error',
  category: 'hybrid',
  phase: 1,
  title: t('Hybrid nodes have no private path to the VPC', 'ハイブリッドノードから VPC へのプライベートな経路がない'),
  message: t(
    'On-premises nodes need a VPN or Direct Connect path into the cluster VPC, with routes both ways.',
    'オンプレミスのノードには、クラスター VPC への VPN または Direct Connect の経路と、双方向のルートが必要です。',
  ),
  messages: {
    a: t(
      '{pool} has no VPN or Direct Connect link to a gateway attached to the cluster VPC {vpc}.',
      '{pool}から、クラスター VPC{vpc}にアタッチされたゲートウェイへの VPN または Direct Connect の接続がありません。',
    ),
    b: t(
      'These cluster subnets have no route to the on-premises nodes of {pool} through the hybrid gateway: {subnets}.',
      '次のクラスターサブネットには、ハイブリッド用のゲートウェイを経由して{pool}のオンプレミスノードへ向かうルートがありません（{subnets}）。',
    ),
    c: t(
      'The link {links} of {pool} is below the recommended 100 Mbps or above 200 ms round trip.',
      '{pool}の接続{links}は、推奨される 100 Mbps を下回るか、往復 200 ミリ秒を超えています。',
    ),
  },
  why: t(
    "The control plane reaches kubelets and webhooks on hybrid nodes through its ENIs in the cluster subnets, and the nodes answer the same way, so the cluster subnets need routes to the on-premises ranges. Hybrid nodes aren't meant for disconnected sites (EKS Anywhere covers those), and AWS recommends at least 100 Mbps and at most 200 ms round trip for the link.",
    'コントロールプレーンはクラスターサブネット内の ENI を通じてハイブリッドノードの kubelet や Webhook に接続し、ノードも同じ経路で応答します。そのため、クラスターサブネットにはオンプレミスのアドレス範囲へのルートが必要です。ハイブリッドノードはネットワークから切り離された拠点向けではなく（そうした拠点には EKS Anywhere があります）、AWS は接続に 100 Mbps 以上、往復 200 ミリ秒以下を推奨しています。',
  ),
  fix: t(
    'Add a hybridLink to a transit gateway or virtual private gateway attached to the cluster VPC, and routes from the cluster subnets.',
    'クラスター VPC にアタッチしたトランジットゲートウェイか仮想プライベートゲートウェイへの VPN / Direct Connect 接続を追加し、クラスターサブネットからのルートも追加してください。',
  ),
  sources: [
    notesB('1. サービス概要', 'service overview: hybrid-cloud use'),
    notesB('6. よくあるアーキテクチャ・設計パターン', 'common patterns: hybrid cloud'),
    ug('hybrid-nodes-prereqs'),
    ug('hybrid-nodes-networking'),
    ug('hybrid-nodes-overview'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const h of view.ofKind('hybridNodePool')) {
      const p = view.parent(h);
      if (p?.kind !== 'onPremises') continue;
      const cluster = view.clusterOf(h);
      const cp = cluster === null || cluster === IMPLICIT_CLUSTER ? undefined : view.cp(cluster);
      if (!cp) continue;
      const v = view.clusterVpc(cp.id);
      if (!v) continue;
      const pool = view.name(h);
      const gateways = view.onPremGateways(p, v);
      if (gateways.length === 0) out.push(finding([h], { subCase: 'a', params: { pool, vpc: view.name(v) } }));
      const ids = new Set(gateways.map((g) => g.id));
      const nodeCidr = view.str(h, 'nodeCidr');
      const unrouted = view.clusterSubnets(cp).filter((s) => !routesBack(view, s, ids, nodeCidr));
      if (unrouted.length > 0) {
        out.push(finding([h, ...unrouted], { subCase: 'b', params: { pool, subnets: listOf(unrouted.map((n) => view.name(n))) } }));
      }
      const weak = view.onPremLinks(p, v).filter((l) => slow(view, l));
      if (weak.length > 0) {
        out.push(finding([h, ...weak], { subCase: 'c', severity: 'warning', params: { pool, links: listOf(weak.map((n) => view.name(n))) } }));
      }
    }
    return out;
  },
};
