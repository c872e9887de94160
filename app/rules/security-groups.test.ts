import { describe, expect, it } from 'vitest';
import { doc, edge, node } from '../model/testing';
import type { DiagramDocument, DiagramNode, JsonObject } from '../model/types';
import { checkDocumentRaw } from './engine';
import {
  allOf,
  anyOf,
  checkedGroup,
  clientParty,
  clusterParty,
  clusterSide,
  EKS_IMPLIED_RULES,
  eksGroupIds,
  endpointParty,
  implicitEksGroupId,
  INTERNET,
  nodeParty,
  nodeSide,
  parsePorts,
  peerCovers,
  portIn,
  protocolMatches,
  ruleAdmits,
  rulesOf,
  sideAdmits,
  type Flow,
  type Party,
} from './security-groups';
import { buildView, type RuleView } from './view';

/** Security-group reasoning behind SEC-006 (rules.md; components.md §4.7). */

function get(view: RuleView, id: string): DiagramNode {
  const n = view.node(id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

const r = (direction: string, protocol: string, ports: string, peer: string): JsonObject => ({ direction, protocol, ports, peer, description: '' });
const sg = (id: string, rules: JsonObject[], managedBy = 'user') => node(id, 'securityGroup', 'vpc', { managedBy, rules });
const party = (groups: string[], ...cidrs: (string | null)[]): Party => ({
  groups: new Set(groups),
  blocks: cidrs.map((c) => (c === null ? null : { cidr: c, exact: true })),
});
const IN_443: Flow = { direction: 'inbound', protocol: 'tcp', port: 443 };

/** A cluster VPC with one node group in two private subnets, a cluster ENI subnet, and a few groups. */
function cluster(extra: { nodes?: DiagramNode[]; edges?: ReturnType<typeof edge>[]; cp?: JsonObject } = {}): DiagramDocument {
  return doc(
    [
      node('cp', 'eksControlPlane', null, { endpointPrivateAccess: true, ...extra.cp }),
      node('vpc', 'vpc', null, { cidr: '10.0.0.0/16' }),
      node('priv-a', 'subnet', 'vpc', { cidr: '10.0.16.0/20' }),
      node('priv-c', 'subnet', 'vpc', { cidr: '10.0.32.0/20' }),
      node('blank', 'subnet', 'vpc', { cidr: '' }),
      node('cs-a', 'subnet', 'vpc', { cidr: '10.0.2.0/27' }),
      node('eni-a', 'clusterEni', 'cs-a'),
      node('ng', 'managedNodeGroup', 'priv-a'),
      node('bare', 'managedNodeGroup', 'priv-c'),
      ...(extra.nodes ?? []),
    ],
    [
      edge('u1', 'usesSubnet', 'ng', 'priv-c'),
      edge('x1', 'eniAttachment', 'cp', 'eni-a'),
      ...(extra.edges ?? []),
    ],
  );
}

describe('three-valued logic', () => {
  it('anyOf: true wins, then unknown', () => {
    expect(anyOf([false, null, true])).toBe(true);
    expect(anyOf([false, null])).toBeNull();
    expect(anyOf([false, false])).toBe(false);
    expect(anyOf([])).toBe(false);
  });

  it('allOf: false wins, then unknown', () => {
    expect(allOf([true, null, false])).toBe(false);
    expect(allOf([true, null])).toBeNull();
    expect(allOf([true])).toBe(true);
    expect(allOf([])).toBe(true);
  });
});

describe('ports and protocols', () => {
  it('parses all, a single port and a range', () => {
    expect(parsePorts('all')).toEqual({ from: 0, to: 65535 });
    expect(parsePorts(' ALL ')).toEqual({ from: 0, to: 65535 });
    expect(parsePorts('443')).toEqual({ from: 443, to: 443 });
    expect(parsePorts('1025-65535')).toEqual({ from: 1025, to: 65535 });
    expect(parsePorts('53 - 54')).toEqual({ from: 53, to: 54 });
  });

  it('answers null for what does not parse', () => {
    for (const bad of ['', 'https', '70000', '90-80', '1-70000', '443,80', '-1', '1025-']) expect(parsePorts(bad)).toBeNull();
  });

  it('checks a port against a range, and a protocol against tcp/udp/all', () => {
    expect(portIn(10250, { from: 1025, to: 65535 })).toBe(true);
    expect(portIn(443, { from: 1025, to: 65535 })).toBe(false);
    expect(protocolMatches('all', 'udp')).toBe(true);
    expect(protocolMatches('tcp', 'tcp')).toBe(true);
    expect(protocolMatches('tcp', 'udp')).toBe(false);
    expect(protocolMatches('icmp', 'tcp')).toBe(false);
  });
});

describe('rulesOf', () => {
  it('reads the implied rules of an EKS-managed group and ignores its list', () => {
    const view = buildView(doc([node('vpc', 'vpc'), sg('e', [r('inbound', 'tcp', '22', '0.0.0.0/0')], 'eks')]));
    expect(rulesOf(view, get(view, 'e'))).toBe(EKS_IMPLIED_RULES);
  });

  it('reads a user group as written, and the default (all outbound) when the prop is missing', () => {
    const missing = { ...sg('m', []), props: { managedBy: 'user' } };
    const view = buildView(doc([node('vpc', 'vpc'), sg('u', [r('inbound', 'tcp', ' 443 ', ' sg-x ')]), missing]));
    expect(rulesOf(view, get(view, 'u'))).toEqual([{ direction: 'inbound', protocol: 'tcp', ports: '443', peer: 'sg-x' }]);
    expect(rulesOf(view, get(view, 'm'))).toEqual([{ direction: 'outbound', protocol: 'all', ports: 'all', peer: '0.0.0.0/0' }]);
  });

  it('answers null (not stated) for a list that does not fit the prop, instead of the default', () => {
    const view = buildView(doc([node('vpc', 'vpc'), sg('bad', [{ direction: 'sideways', protocol: 'tcp', ports: '443', peer: 'self', description: '' }])]));
    expect(rulesOf(view, get(view, 'bad'))).toBeNull();
  });
});

describe('peerCovers', () => {
  const view = buildView(doc([node('vpc', 'vpc'), sg('sg-a', []), node('ng', 'managedNodeGroup')]));
  const member = party(['sg-a'], '10.0.16.0/20');
  const outsider = party([], '10.0.16.0/20');

  it('self: the party is in the owner group', () => {
    expect(peerCovers(view, 'sg-a', 'self', member, member.blocks[0] ?? null)).toBe(true);
    expect(peerCovers(view, 'sg-a', 'self', outsider, outsider.blocks[0] ?? null)).toBe(false);
  });

  it('a drawn group id: the party belongs to it; an id that is not a drawn group is unknown', () => {
    expect(peerCovers(view, 'x', 'sg-a', member, null)).toBe(true);
    expect(peerCovers(view, 'x', 'sg-a', outsider, null)).toBe(false);
    expect(peerCovers(view, 'x', 'sg-0123abcd', member, null)).toBeNull();
    expect(peerCovers(view, 'x', 'ng', member, null)).toBeNull();
    expect(peerCovers(view, 'x', '', member, null)).toBeNull();
    expect(peerCovers(view, 'x', 'pl-12345', member, null)).toBeNull();
  });

  it('a CIDR: contains the block, is disjoint from it, or only partly covers it (unknown)', () => {
    const block = { cidr: '10.0.16.0/20', exact: true };
    expect(peerCovers(view, 'x', '10.0.0.0/16', outsider, block)).toBe(true);
    expect(peerCovers(view, 'x', '10.0.32.0/20', outsider, block)).toBe(false);
    expect(peerCovers(view, 'x', '10.0.16.0/24', outsider, block)).toBeNull();
  });

  it('unknown addresses are covered only by 0.0.0.0/0; an enclosing block only proves coverage', () => {
    expect(peerCovers(view, 'x', '0.0.0.0/0', outsider, null)).toBe(true);
    expect(peerCovers(view, 'x', '10.0.0.0/16', outsider, null)).toBeNull();
    const bound = { cidr: '10.0.0.0/16', exact: false };
    expect(peerCovers(view, 'x', '10.0.0.0/8', outsider, bound)).toBe(true);
    expect(peerCovers(view, 'x', '192.168.0.0/16', outsider, bound)).toBeNull();
  });

  it('towards the internet, private ranges are certainly not enough; public ranges may be', () => {
    const internet = INTERNET.blocks[0] ?? null;
    expect(peerCovers(view, 'x', '0.0.0.0/0', INTERNET, internet)).toBe(true);
    expect(peerCovers(view, 'x', '10.0.0.0/16', INTERNET, internet)).toBe(false);
    expect(peerCovers(view, 'x', '52.0.0.0/8', INTERNET, internet)).toBeNull();
  });
});

describe('ruleAdmits and sideAdmits', () => {
  const view = buildView(doc([node('vpc', 'vpc'), sg('sg-a', [])]));
  const p = party(['sg-a'], '10.0.16.0/20');
  const block = p.blocks[0] ?? null;
  const rule = (direction: string, protocol: string, ports: string, peer: string) => ({ direction, protocol, ports, peer });

  it('needs the direction, protocol, port and peer to match', () => {
    expect(ruleAdmits(view, 'sg-b', rule('inbound', 'tcp', '443', 'sg-a'), IN_443, p, block)).toBe(true);
    expect(ruleAdmits(view, 'sg-b', rule('outbound', 'tcp', '443', 'sg-a'), IN_443, p, block)).toBe(false);
    expect(ruleAdmits(view, 'sg-b', rule('inbound', 'udp', '443', 'sg-a'), IN_443, p, block)).toBe(false);
    expect(ruleAdmits(view, 'sg-b', rule('inbound', 'icmp', 'all', 'sg-a'), IN_443, p, block)).toBe(false);
    expect(ruleAdmits(view, 'sg-b', rule('inbound', 'tcp', '1025-65535', 'sg-a'), IN_443, p, block)).toBe(false);
    expect(ruleAdmits(view, 'sg-b', rule('inbound', 'tcp', '443', 'self'), IN_443, p, block)).toBe(false);
  });

  it('protocol all covers every port whatever the ports field says', () => {
    expect(ruleAdmits(view, 'sg-b', rule('inbound', 'all', '', 'sg-a'), IN_443, p, block)).toBe(true);
  });

  it('unparseable ports are unknown, unless the peer rules the rule out anyway', () => {
    expect(ruleAdmits(view, 'sg-b', rule('inbound', 'tcp', 'https', 'sg-a'), IN_443, p, block)).toBeNull();
    expect(ruleAdmits(view, 'sg-b', rule('inbound', 'tcp', 'https', '192.168.0.0/16'), IN_443, p, block)).toBe(false);
  });

  it('a party in several subnets needs every block admitted, by any rule of any group on the side', () => {
    const two = party([], '10.0.16.0/20', '10.0.32.0/20');
    const group = (id: string, rules: ReturnType<typeof rule>[]) => ({ id, node: undefined, rules, user: true });
    const onlyA = [group('g1', [rule('inbound', 'tcp', '443', '10.0.16.0/20')])];
    expect(sideAdmits(view, onlyA, IN_443, two)).toBe(false);
    const split = [...onlyA, group('g2', [rule('inbound', 'tcp', '443', '10.0.32.0/20')])];
    expect(sideAdmits(view, split, IN_443, two)).toBe(true);
    const unknownList = [...onlyA, { id: 'g3', node: undefined, rules: null, user: true }];
    expect(sideAdmits(view, unknownList, IN_443, two)).toBeNull();
  });
});

describe('which groups protect what', () => {
  it('cluster SGs come from the control plane and its ENIs, plus an implicit EKS group when none is drawn', () => {
    const view = buildView(
      cluster({
        nodes: [sg('sg-cp', []), sg('sg-eni', [])],
        edges: [edge('p1', 'protectedBy', 'cp', 'sg-cp'), edge('p2', 'protectedBy', 'eni-a', 'sg-eni')],
      }),
    );
    const cp = get(view, 'cp');
    const side = clusterSide(view, cp);
    expect(side.map((g) => g.id)).toEqual(['sg-cp', 'sg-eni', implicitEksGroupId('cp')]);
    expect(side.map((g) => g.user)).toEqual([true, true, false]);
    expect(checkedGroup(side)?.id).toBe('sg-cp');
    expect([...clusterParty(view, cp).groups]).toEqual(['sg-cp', 'sg-eni', implicitEksGroupId('cp')]);
    expect(clusterParty(view, cp).blocks).toEqual([{ cidr: '10.0.2.0/27', exact: true }]);
  });

  it('a drawn EKS-managed group stands for the cluster group, wherever it is attached', () => {
    const view = buildView(cluster({ nodes: [sg('sg-eks', [], 'eks')], edges: [edge('p1', 'protectedBy', 'ng', 'sg-eks')] }));
    expect(eksGroupIds(view, 'cp')).toEqual(['sg-eks']);
    expect(clusterSide(view, get(view, 'cp')).map((g) => g.id)).toEqual(['sg-eks']);
    expect(checkedGroup(clusterSide(view, get(view, 'cp')))).toBeUndefined();
    // Nodes without groups of their own use it.
    expect([...nodeParty(view, get(view, 'bare')).groups]).toEqual(['sg-eks']);
  });

  it('node SGs are the protectedBy targets; without any, the side is empty and the nodes use the cluster group', () => {
    const view = buildView(cluster({ nodes: [sg('sg-n', [])], edges: [edge('p1', 'protectedBy', 'ng', 'sg-n')] }));
    expect(nodeSide(view, get(view, 'ng')).map((g) => g.id)).toEqual(['sg-n']);
    expect(nodeSide(view, get(view, 'bare'))).toEqual([]);
    expect([...nodeParty(view, get(view, 'ng')).groups]).toEqual(['sg-n']);
    expect([...nodeParty(view, get(view, 'bare')).groups]).toEqual([implicitEksGroupId('cp')]);
    expect(nodeParty(view, get(view, 'ng')).blocks).toEqual([
      { cidr: '10.0.16.0/20', exact: true },
      { cidr: '10.0.32.0/20', exact: true },
    ]);
  });

  it('a subnet without a CIDR is bounded by its VPC block; compute without subnets has unknown addresses', () => {
    const view = buildView(
      cluster({
        nodes: [node('odd', 'selfManagedNodeGroup', 'blank'), node('nowhere', 'karpenterNodePool')],
      }),
    );
    expect(nodeParty(view, get(view, 'odd')).blocks).toEqual([{ cidr: '10.0.0.0/16', exact: false }]);
    expect(nodeParty(view, get(view, 'nowhere')).blocks).toEqual([null]);
  });

  it('endpoints sit in their subnets; kubectl clients in their subnet, else at their sourceCidr', () => {
    const view = buildView(
      cluster({
        nodes: [
          node('vpce', 'vpcEndpoint', 'priv-a'),
          sg('sg-e', []),
          node('dc', 'onPremises'),
          node('k-sub', 'kubectlClient', 'cs-a'),
          node('k-dc', 'kubectlClient', 'dc', { sourceCidr: '192.168.10.0/24' }),
          node('k-none', 'kubectlClient', 'dc'),
        ],
        edges: [edge('p1', 'protectedBy', 'vpce', 'sg-e'), edge('u9', 'usesSubnet', 'vpce', 'priv-c')],
      }),
    );
    const ep = endpointParty(view, get(view, 'vpce'));
    expect([...ep.groups]).toEqual(['sg-e']);
    expect(ep.blocks.map((b) => b?.cidr)).toEqual(['10.0.16.0/20', '10.0.32.0/20']);
    expect(clientParty(view, get(view, 'k-sub')).blocks).toEqual([{ cidr: '10.0.2.0/27', exact: true }]);
    expect(clientParty(view, get(view, 'k-dc')).blocks).toEqual([{ cidr: '192.168.10.0/24', exact: true }]);
    expect(clientParty(view, get(view, 'k-none')).blocks).toEqual([null]);
  });
});

describe('SEC-006 over these helpers', () => {
  const sec006 = (d: DiagramDocument) =>
    checkDocumentRaw(d)
      .filter((f) => f.rule === 'SEC-006')
      .map((f) => ({ sub: f.subCase, nodes: f.nodes }));

  const nodeRules = [r('outbound', 'all', 'all', '0.0.0.0/0'), r('inbound', 'all', 'all', 'self'), r('inbound', 'tcp', '1025-65535', 'sg-cp')];

  it('is quiet when nobody uses groups of their own', () => {
    expect(sec006(cluster())).toEqual([]);
  });

  it('checks no side whose groups are all EKS-managed', () => {
    const d = cluster({ nodes: [sg('sg-eks', [], 'eks')], edges: [edge('p1', 'protectedBy', 'cp', 'sg-eks'), edge('p2', 'protectedBy', 'ng', 'sg-eks')] });
    expect(sec006(d)).toEqual([]);
  });

  it('reports one finding per group and sub-case, naming both ends', () => {
    const d = cluster({
      nodes: [sg('sg-cp', [r('outbound', 'all', 'all', '0.0.0.0/0')]), sg('sg-n', nodeRules)],
      edges: [edge('p1', 'protectedBy', 'cp', 'sg-cp'), edge('p2', 'protectedBy', 'ng', 'sg-n'), edge('p3', 'protectedBy', 'bare', 'sg-n')],
    });
    expect(sec006(d)).toEqual([{ sub: 'a', nodes: ['sg-cp', 'ng', 'bare', 'cp'] }]);
  });

  it('(a) is not asked of the groups when the endpoint is public-only: node requests leave the VPC', () => {
    const d = cluster({
      cp: { endpointPrivateAccess: false },
      nodes: [sg('sg-cp', [r('outbound', 'all', 'all', '0.0.0.0/0')]), sg('sg-n', nodeRules)],
      edges: [edge('p1', 'protectedBy', 'cp', 'sg-cp'), edge('p2', 'protectedBy', 'ng', 'sg-n'), edge('p3', 'protectedBy', 'bare', 'sg-n')],
    });
    expect(sec006(d)).toEqual([]);
  });

  it('(c) never asks Windows nodes to answer DNS', () => {
    const rules = [r('outbound', 'all', 'all', '0.0.0.0/0'), r('inbound', 'tcp', '1025-65535', '10.0.2.0/27')];
    const d = (os: string) => {
      const base = cluster({
        nodes: [sg('sg-lin', [...rules, r('inbound', 'all', 'all', 'self'), r('inbound', 'all', 'all', 'sg-win')]), sg('sg-win', rules)],
        edges: [edge('p2', 'protectedBy', 'ng', 'sg-lin'), edge('p3', 'protectedBy', 'bare', 'sg-win')],
      });
      return { ...base, nodes: base.nodes.map((n) => (n.id === 'bare' ? { ...n, props: { ...n.props, os } } : n)) };
    };
    expect(sec006(d('windows'))).toEqual([]);
    // Linux nodes on sg-win would answer DNS too, and sg-win admits nobody.
    expect(sec006(d('linux'))).toEqual([{ sub: 'c', nodes: ['sg-win', 'ng', 'bare'] }]);
  });

  it('leaves a node group without groups to the cluster group (it talks to the control plane freely)', () => {
    const d = cluster({
      nodes: [sg('sg-cp', [r('outbound', 'all', 'all', '0.0.0.0/0')]), sg('sg-n', [...nodeRules, r('inbound', 'tcp', '443', 'sg-cp')])],
      edges: [edge('p1', 'protectedBy', 'cp', 'sg-cp'), edge('p2', 'protectedBy', 'ng', 'sg-n')],
    });
    // ng needs 443 into the control plane; bare uses the cluster group. DNS between ng and bare is
    // checked on sg-n's side: nothing there admits bare's pods by group, so it is reported.
    expect(sec006(d)).toEqual([
      { sub: 'a', nodes: ['sg-cp', 'ng', 'cp'] },
      { sub: 'c', nodes: ['sg-n', 'bare', 'ng'] },
    ]);
  });

  it('skips a flow that depends on a peer it cannot read', () => {
    const d = cluster({
      nodes: [sg('sg-n', [r('outbound', 'all', 'all', '0.0.0.0/0'), r('inbound', 'all', 'all', 'sg-0abc1234')])],
      edges: [edge('p2', 'protectedBy', 'ng', 'sg-n'), edge('p3', 'protectedBy', 'bare', 'sg-n')],
    });
    expect(sec006(d)).toEqual([]);
  });

  it('(d) accepts HTTPS to every interface endpoint of the VPC instead of 0.0.0.0/0, and (e) checks the endpoints', () => {
    const nodesOut = (peer: string) =>
      sg('sg-n', [
        r('outbound', 'all', 'all', 'self'),
        r('outbound', 'tcp', '443', '10.0.2.0/27'),
        r('outbound', 'tcp', '443', peer),
        r('inbound', 'all', 'all', 'self'),
        r('inbound', 'tcp', '1025-65535', '10.0.2.0/27'),
      ]);
    const d = (peer: string, endpointPeer: string) =>
      cluster({
        nodes: [nodesOut(peer), node('vpce', 'vpcEndpoint', 'priv-a', { service: 'ecr.dkr' }), sg('sg-e', [r('inbound', 'tcp', '443', endpointPeer)])],
        edges: [
          edge('p2', 'protectedBy', 'ng', 'sg-n'),
          edge('p3', 'protectedBy', 'bare', 'sg-n'),
          edge('p4', 'protectedBy', 'vpce', 'sg-e'),
        ],
      });
    expect(sec006(d('sg-e', 'sg-n'))).toEqual([]);
    expect(sec006(d('sg-e', '10.0.16.0/20'))).toEqual([{ sub: 'e', nodes: ['sg-e', 'ng', 'bare', 'vpce'] }]);
    expect(sec006(d('10.0.0.0/24', 'sg-n'))).toEqual([{ sub: 'd', nodes: ['sg-n', 'ng', 'bare', 'vpce'] }]);
  });

  it('(f) wants kubectl admitted only from inside the VPC, or a connected network when the endpoint is private-only', () => {
    const d = (publicAccess: boolean) =>
      doc(
        [
          node('cp', 'eksControlPlane', null, { endpointPublicAccess: publicAccess, endpointPrivateAccess: true }),
          node('vpc', 'vpc', null, { cidr: '10.0.0.0/16' }),
          node('cs-a', 'subnet', 'vpc', { cidr: '10.0.2.0/27' }),
          node('eni-a', 'clusterEni', 'cs-a'),
          node('ops', 'subnet', 'vpc', { cidr: '10.0.9.0/24' }),
          node('k-in', 'kubectlClient', 'ops'),
          node('dc', 'onPremises'),
          node('k-dc', 'kubectlClient', 'dc', { sourceCidr: '192.168.0.0/24' }),
          node('tgw', 'transitGateway'),
          node('vpn', 'hybridLink'),
          sg('sg-cp', [r('outbound', 'all', 'all', '0.0.0.0/0'), r('inbound', 'tcp', '443', '10.0.9.0/24')]),
        ],
        [
          edge('x1', 'eniAttachment', 'cp', 'eni-a'),
          edge('p1', 'protectedBy', 'cp', 'sg-cp'),
          edge('k1', 'callsApi', 'k-in', 'cp'),
          edge('k2', 'callsApi', 'k-dc', 'cp'),
          edge('a1', 'attaches', 'tgw', 'vpc'),
          edge('c1', 'connects', 'vpn', 'dc'),
          edge('c2', 'connects', 'vpn', 'tgw'),
        ],
      );
    expect(sec006(d(true))).toEqual([]);
    expect(sec006(d(false))).toEqual([{ sub: 'f', nodes: ['sg-cp', 'k-dc', 'cp'] }]);
  });
});
