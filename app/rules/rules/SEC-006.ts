import { EC2_SET } from '../../catalog/sets';
import type { DiagramNode, Text } from '../../model/types';
import { finding, type Rule } from '../kit';
import {
  allOf,
  anyOf,
  checkedGroup,
  clientParty,
  clusterParty,
  clusterSide,
  endpointParty,
  endpointSide,
  INTERNET,
  nodeParty,
  nodeSide,
  sideAdmits,
  type Direction,
  type FlowProtocol,
  type Group,
  type Party,
  type Tri,
} from '../security-groups';
import { bp, listOf, notesB, t, ug } from '../text';
import type { RawFinding } from '../types';
import type { RuleView } from '../view';

type SubCase = 'a' | 'b' | 'c' | 'd' | 'e' | 'f';

/** What the missing rule must allow: towards these nodes, or out to the internet (or the interface endpoints). */
type Towards = { readonly nodes: readonly DiagramNode[] } | { readonly internet: 'only' | 'orEndpoints' };

interface Need {
  readonly direction: Direction;
  readonly protocols: readonly FlowProtocol[];
  readonly port: number;
  readonly towards: Towards;
}

/** One finding in the making: per group and sub-case (rules.md, "One finding per problem"). */
interface Pending {
  readonly group: DiagramNode;
  readonly subCase: SubCase;
  readonly sources: DiagramNode[];
  readonly targets: DiagramNode[];
  readonly seenSources: Set<string>;
  readonly seenTargets: Set<string>;
  readonly needs: Map<string, { need: Need; peers: DiagramNode[]; seen: Set<string> }>;
}

function protocolText(protocols: readonly FlowProtocol[], port: number): Text {
  if (protocols.length > 1) return t(`TCP and UDP ${port}`, `TCP と UDP の ${port}`);
  const p = (protocols[0] ?? 'tcp').toUpperCase();
  return t(`${p} ${port}`, `${p} ${port}`);
}

function needText(view: RuleView, need: Need, peers: readonly DiagramNode[]): Text {
  const what = protocolText(need.protocols, need.port);
  let whom: Text;
  if ('internet' in need.towards) {
    // A leading space in Japanese: the address follows a particle directly, unlike a 「quoted」 name.
    whom = need.towards.internet === 'only' ? t('0.0.0.0/0', ' 0.0.0.0/0 ') : t("0.0.0.0/0 or to the VPC's interface endpoints", ' 0.0.0.0/0 または VPC のインターフェイスエンドポイント');
  } else {
    whom = listOf(peers.map((p) => view.name(p)));
  }
  return need.direction === 'inbound'
    ? t(`an inbound rule for ${what.en} from ${whom.en}`, `${whom.ja}からの ${what.ja} を許可するインバウンドルール`)
    : t(`an outbound rule for ${what.en} to ${whom.en}`, `${whom.ja}宛ての ${what.ja} を許可するアウトバウンドルール`);
}

class Findings {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly view: RuleView) {}

  /**
   * One required flow checked on one side: the protocols its groups admit
   * nowhere are recorded against the side's first user-managed group. A side
   * without such a group, or a flow whose answer depends on something not
   * stated, is left alone.
   */
  check(
    subCase: SubCase,
    side: readonly Group[],
    direction: Direction,
    protocols: readonly FlowProtocol[],
    port: number,
    party: Party,
    ends: { readonly from: DiagramNode; readonly to: DiagramNode },
  ): void {
    const g = checkedGroup(side);
    if (!g) return;
    const blocked = protocols.filter((protocol) => sideAdmits(this.view, side, { direction, protocol, port }, party) === false);
    if (blocked.length === 0) return;
    const peer = direction === 'inbound' ? ends.from : ends.to;
    this.add(g, subCase, [ends.from], [ends.to], { direction, protocols: blocked, port, towards: { nodes: [peer] } });
  }

  add(g: DiagramNode, subCase: SubCase, sources: readonly DiagramNode[], targets: readonly DiagramNode[], need: Need): void {
    const key = `${g.id}\u0000${subCase}`;
    let p = this.pending.get(key);
    if (!p) {
      p = { group: g, subCase, sources: [], targets: [], seenSources: new Set(), seenTargets: new Set(), needs: new Map() };
      this.pending.set(key, p);
    }
    for (const [list, seen, nodes] of [[p.sources, p.seenSources, sources], [p.targets, p.seenTargets, targets]] as const) {
      for (const n of nodes) {
        if (seen.has(n.id)) continue;
        seen.add(n.id);
        list.push(n);
      }
    }
    const towardsKey = 'internet' in need.towards ? `internet:${need.towards.internet}` : 'nodes';
    const needKey = [need.direction, need.protocols.join('+'), need.port, towardsKey].join('\u0000');
    const entry = p.needs.get(needKey) ?? { need, peers: [], seen: new Set<string>() };
    if (!('internet' in need.towards)) {
      for (const n of need.towards.nodes) {
        if (entry.seen.has(n.id)) continue;
        entry.seen.add(n.id);
        entry.peers.push(n);
      }
    }
    p.needs.set(needKey, entry);
  }

  results(): RawFinding[] {
    return [...this.pending.values()].map((p) =>
      finding([p.group, ...p.sources, ...p.targets], {
        subCase: p.subCase,
        params: {
          sg: this.view.name(p.group),
          rule: listOf([...p.needs.values()].map(({ need, peers }) => needText(this.view, need, peers))),
        },
      }),
    );
  }
}

/** The one VPC enclosing all the compute's subnets, else undefined. */
function nodeVpc(view: RuleView, c: DiagramNode): DiagramNode | undefined {
  let found: DiagramNode | undefined;
  for (const s of view.nodeSubnets(c)) {
    const v = view.vpcOf(s);
    if (!v || (found && found.id !== v.id)) return undefined;
    found = v;
  }
  return found;
}

function interfaceEndpoints(view: RuleView, vpc: DiagramNode): DiagramNode[] {
  return view.ofKind('vpcEndpoint').filter((e) => view.str(e, 'type') === 'interface' && view.vpcOf(e)?.id === vpc.id);
}

const TCP: readonly FlowProtocol[] = ['tcp'];
const DNS: readonly FlowProtocol[] = ['tcp', 'udp'];

/**
 * (a) nodes → cluster TCP 443; (b) cluster → nodes TCP 10250; (f) kubectl →
 * private endpoint TCP 443. Nodes call the API server through the cluster
 * ENIs only when private access is on; with a public-only endpoint their
 * requests leave the VPC (CP-006), so (a) is not asked of the groups then.
 */
function controlPlaneFlows(view: RuleView, f: Findings): void {
  for (const cp of view.controlPlanes()) {
    const cSide = clusterSide(view, cp);
    const cParty = clusterParty(view, cp);
    const privateAccess = view.bool(cp, 'endpointPrivateAccess');
    for (const c of view.members(cp.id, EC2_SET)) {
      const nSide = nodeSide(view, c);
      const nParty = nodeParty(view, c);
      if (privateAccess) {
        f.check('a', cSide, 'inbound', TCP, 443, nParty, { from: c, to: cp });
        f.check('a', nSide, 'outbound', TCP, 443, cParty, { from: c, to: cp });
      }
      f.check('b', nSide, 'inbound', TCP, 10250, cParty, { from: cp, to: c });
      f.check('b', cSide, 'outbound', TCP, 10250, nParty, { from: cp, to: c });
    }
    if (!privateAccess) continue;
    const vpc = view.clusterVpc(cp.id);
    if (!vpc) continue;
    const publicToo = view.bool(cp, 'endpointPublicAccess');
    for (const k of view.in(cp, 'callsApi')) {
      const home = view.parent(k);
      let inside = false;
      if (home?.kind === 'subnet') {
        const own = view.vpcOf(home);
        // With the public endpoint on too, only the cluster VPC resolves the private one by default.
        inside = own !== undefined && (own.id === vpc.id || (!publicToo && view.vpcConnected(own, vpc)));
      } else if (home?.kind === 'onPremises') {
        inside = !publicToo && view.onPremReaches(home, vpc);
      }
      if (inside) f.check('f', cSide, 'inbound', TCP, 443, clientParty(view, k), { from: k, to: cp });
    }
  }
}

/**
 * (c) node ↔ node TCP and UDP 53, between every ordered pair of EC2 compute
 * of one cluster (a group with itself too). CoreDNS runs on Linux only, so
 * Windows nodes are never asked to answer DNS.
 */
function dnsFlows(view: RuleView, f: Findings): void {
  for (const cluster of view.clusters()) {
    const nodes = view.members(cluster, EC2_SET);
    for (const from of nodes) {
      for (const to of nodes) {
        if (view.str(to, 'os') === 'windows') continue;
        f.check('c', nodeSide(view, to), 'inbound', DNS, 53, nodeParty(view, from), { from, to });
        f.check('c', nodeSide(view, from), 'outbound', DNS, 53, nodeParty(view, to), { from, to });
      }
    }
  }
}

/** (d) nodes outbound TCP 443 to 0.0.0.0/0 or to the interface endpoints; (e) endpoints inbound TCP 443 from the nodes. */
function endpointFlows(view: RuleView, f: Findings): void {
  const flow = { direction: 'outbound' as const, protocol: 'tcp' as const, port: 443 };
  for (const c of view.ofKinds(EC2_SET)) {
    if (view.clusterOf(c) === null) continue;
    const side = nodeSide(view, c);
    const g = checkedGroup(side);
    const vpc = nodeVpc(view, c);
    const endpoints = vpc ? interfaceEndpoints(view, vpc) : [];
    if (g) {
      const toInternet = sideAdmits(view, side, flow, INTERNET);
      const perEndpoint = endpoints.map((e) => sideAdmits(view, side, flow, endpointParty(view, e)));
      const toEndpoints: Tri = vpc === undefined ? null : endpoints.length === 0 ? false : allOf(perEndpoint);
      if (anyOf([toInternet, toEndpoints]) === false) {
        const blocked = endpoints.filter((_, i) => perEndpoint[i] === false);
        f.add(g, 'd', [c], blocked, { direction: 'outbound', protocols: TCP, port: 443, towards: { internet: endpoints.length > 0 ? 'orEndpoints' : 'only' } });
      }
    }
    for (const e of endpoints) f.check('e', endpointSide(view, e), 'inbound', TCP, 443, nodeParty(view, c), { from: c, to: e });
  }
}

export const SEC_006: Rule = {
  id: 'SEC-006',
  severity: 'error',
  category: 'security',
  phase: 2,
  title: t('Security groups block control plane ↔ node traffic', 'セキュリティグループがコントロールプレーンとノード間の通信を遮断している'),
  message: t(
    "Security group {sg} is missing {rule}; nodes or kubectl won't work.",
    'セキュリティグループ{sg}に{rule}がないため、ノードや kubectl が動作しません。',
  ),
  messages: {
    a: t(
      "Security group {sg} is missing {rule}, so the nodes can't reach the cluster's API server and won't join.",
      'セキュリティグループ{sg}に{rule}がないため、ノードがクラスターの API サーバーに接続できず、クラスターに参加できません。',
    ),
    b: t(
      "Security group {sg} is missing {rule}, so the control plane can't reach the kubelet on the nodes (kubectl logs, exec and metrics fail).",
      'セキュリティグループ{sg}に{rule}がないため、コントロールプレーンがノードの kubelet に接続できません（kubectl logs や exec、メトリクスの取得が失敗します）。',
    ),
    c: t(
      'Security group {sg} is missing {rule}, so DNS lookups between nodes (CoreDNS) fail.',
      'セキュリティグループ{sg}に{rule}がないため、ノード間の DNS（CoreDNS への問い合わせ）が失敗します。',
    ),
    d: t(
      "Security group {sg} is missing {rule}, so the nodes can't pull images or call AWS APIs.",
      'セキュリティグループ{sg}に{rule}がないため、ノードがイメージを取得したり AWS の API を呼び出したりできません。',
    ),
    e: t(
      "Security group {sg} is missing {rule}, so the nodes can't use the interface endpoint.",
      'セキュリティグループ{sg}に{rule}がないため、ノードがインターフェイスエンドポイントを利用できません。',
    ),
    f: t(
      "Security group {sg} is missing {rule}, so kubectl can't reach the private API endpoint.",
      'セキュリティグループ{sg}に{rule}がないため、kubectl がプライベート API エンドポイントに接続できません。',
    ),
  },
  why: t(
    'The cluster security group that EKS creates lets its members talk to each other freely and allows all outbound traffic. Once the control plane, nodes or endpoints use groups of your own instead, every path they need has to be opened by hand: nodes to the API server on 443, the control plane to the kubelet on 10250 (and to any webhook ports), DNS between nodes, HTTPS out to registries and AWS APIs (or to the interface endpoints), and kubectl to a private endpoint.',
    'EKS が作成するクラスターセキュリティグループは、メンバー同士の通信とすべての送信通信を許可しています。コントロールプレーン、ノード、エンドポイントに独自のセキュリティグループを使うと、必要な経路をすべて自分で開けなければなりません。ノードから API サーバーへの 443、コントロールプレーンから kubelet への 10250（と Webhook のポート）、ノード間の DNS、レジストリや AWS の API（またはインターフェイスエンドポイント）への HTTPS、そしてプライベートエンドポイントへの kubectl の通信です。',
  ),
  fix: t(
    'Add the missing rule, or attach the cluster security group to every node group.',
    '不足しているルールを追加するか、すべてのノードグループにクラスターセキュリティグループを関連付けてください。',
  ),
  sources: [
    notesB('4. セキュリティと認証・認可', 'security and authorisation, item セキュリティグループ / security groups'),
    ug('sec-group-reqs'),
    bp('network-security', 'Security groups'),
  ],
  check(view) {
    const f = new Findings(view);
    controlPlaneFlows(view, f);
    dnsFlows(view, f);
    endpointFlows(view, f);
    return f.results();
  },
};
