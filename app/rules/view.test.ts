import { describe, expect, it } from 'vitest';
import { doc, edge, node } from '../model/testing';
import type { DiagramNode } from '../model/types';
import { compareMinor, contains, inRange, isRfc1918, minor, overlaps, shape } from './cidr';
import { buildView, IMPLICIT_ACCOUNT, IMPLICIT_CLUSTER, type RuleView } from './view';

const ids = (nodes: readonly DiagramNode[]): string[] => nodes.map((n) => n.id);

function get(view: RuleView, id: string): DiagramNode {
  const n = view.node(id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
}

/** A small VPC: AZ a with a public and a private subnet, AZ b with a private one. */
function network(extraNodes: DiagramNode[] = [], extraEdges: ReturnType<typeof edge>[] = []) {
  return doc(
    [
      node('vpc', 'vpc', null, { cidr: '10.0.0.0/16' }),
      node('igw', 'internetGateway', 'vpc'),
      node('az-a', 'availabilityZone', 'vpc', { name: 'ap-northeast-1a', azId: 'apne1-az4' }),
      node('az-b', 'availabilityZone', 'vpc', { name: 'ap-northeast-1c' }),
      node('pub-a', 'subnet', 'az-a', { tier: 'public', cidr: '10.0.0.0/24' }),
      node('priv-a', 'subnet', 'az-a', { cidr: '10.0.1.0/24' }),
      node('priv-b', 'subnet', 'az-b', { cidr: '10.0.2.0/28', availableIps: 3 }),
      node('nat', 'natGateway', 'pub-a', { publicIp: '203.0.113.10' }),
      ...extraNodes,
    ],
    [edge('r1', 'egressVia', 'priv-a', 'nat'), ...extraEdges],
  );
}

describe('view construction', () => {
  it('drops nodes of unknown kind and the edges CONN-001 reports', () => {
    const d = doc(
      [node('v', 'vpc'), { ...node('x', 'vpc'), kind: 'futureThing' }, node('s', 'subnet', 'v'), node('ng', 'managedNodeGroup', 's')],
      [edge('ok', 'usesSubnet', 'ng', 's'), edge('bad', 'usesSubnet', 's', 'ng'), edge('unk', 'usesSubnet', 'ng', 'x')],
    );
    const view = buildView(d);
    expect(view.node('x')).toBeUndefined();
    expect(view.ix.edges.map((e) => e.id)).toEqual(['ok']);
    expect([...view.edgeCheck.violations.keys()]).toEqual(['bad']);
  });

  it('reads invalid stored props as defaults and unstated values as not stated', () => {
    const view = buildView(doc([node('s', 'subnet', null, { tier: 'sideways', availableIps: -4, cidr: 'nope' })]));
    const s = get(view, 's');
    expect(view.str(s, 'tier')).toBe('private');
    expect(view.int(s, 'availableIps')).toBeNull();
    expect(view.freeIps(s)).toBeNull();
  });
});

describe('place and account (§7.2)', () => {
  it('vpcOf, parentSubnet, azNode, az, zoneType', () => {
    const view = buildView(
      network([node('loose', 'subnet', 'vpc', { az: 'ap-northeast-1d' }), node('bare', 'subnet', 'vpc'), node('edge-az', 'availabilityZone', 'vpc', { zoneType: 'localZone' }), node('lz', 'subnet', 'edge-az')]),
    );
    expect(view.vpcOf(get(view, 'nat'))?.id).toBe('vpc');
    expect(view.parentSubnet(get(view, 'nat'))?.id).toBe('pub-a');
    expect(view.parentSubnet(get(view, 'pub-a'))).toBeUndefined();
    expect(view.azNode(get(view, 'pub-a'))?.id).toBe('az-a');
    expect(view.az(get(view, 'pub-a'))).toBe('ap-northeast-1a');
    expect(view.az(get(view, 'lz'))).toBe('edge-az');
    expect(view.az(get(view, 'loose'))).toBe('ap-northeast-1d');
    expect(view.az(get(view, 'bare'))).toBeNull();
    expect(view.zoneType(get(view, 'lz'))).toBe('localZone');
    expect(view.zoneType(get(view, 'loose'))).toBe('region');
  });

  it('distinctAzs counts each unknown AZ as its own', () => {
    const view = buildView(network([node('bare1', 'subnet', 'vpc'), node('bare2', 'subnet', 'vpc')]));
    const s = (id: string) => get(view, id);
    expect(view.distinctAzs([s('pub-a'), s('priv-a')])).toBe(1);
    expect(view.distinctAzs([s('pub-a'), s('priv-b')])).toBe(2);
    expect(view.distinctAzs([s('pub-a'), s('bare1'), s('bare2')])).toBe(3);
  });

  it('freeIps: stated, derived from the CIDR, or unknown', () => {
    const view = buildView(network());
    expect(view.freeIps(get(view, 'priv-b'))).toBe(3);
    expect(view.freeIps(get(view, 'priv-a'))).toBe(251);
  });

  it('accountOf and accountsDiffer', () => {
    const view = buildView(
      doc([node('a1', 'customerAccount'), node('a2', 'customerAccount'), node('g1', 'apiGateway', 'a1'), node('g2', 'apiGateway', 'a2'), node('g3', 'apiGateway')]),
    );
    const acc = (id: string) => view.accountOf(get(view, id));
    expect(acc('g3')).toBe(IMPLICIT_ACCOUNT);
    expect(view.accountsDiffer(acc('g1'), acc('g2'))).toBe(true);
    expect(view.accountsDiffer(acc('g1'), acc('g3'))).toBe(false);
    expect(view.accountsDiffer(acc('g1'), acc('g1'))).toBe(false);
  });
});

describe('subnets, egress and endpoints (§7.3)', () => {
  it('isPublic, hasIgw, natsOf, hasNat, hasEgress', () => {
    const view = buildView(
      network(
        [node('tgw', 'transitGateway'), node('tgw2', 'transitGateway'), node('priv-c', 'subnet', 'vpc'), node('priv-d', 'subnet', 'vpc'), node('v2', 'vpc')],
        [edge('r2', 'egressVia', 'priv-c', 'tgw', { internetEgress: true }), edge('r3', 'egressVia', 'priv-d', 'tgw2')],
      ),
    );
    expect(view.isPublic(get(view, 'pub-a'))).toBe(true);
    expect(view.hasIgw(get(view, 'vpc'))).toBe(true);
    expect(view.hasIgw(get(view, 'v2'))).toBe(false);
    expect(ids(view.natsOf(get(view, 'priv-a')))).toEqual(['nat']);
    expect(view.hasNat(get(view, 'priv-b'))).toBe(false);
    expect(view.hasEgress(get(view, 'pub-a'))).toBe(true);
    expect(view.hasEgress(get(view, 'priv-a'))).toBe(true);
    expect(view.hasEgress(get(view, 'priv-b'))).toBe(false);
    expect(view.hasEgress(get(view, 'priv-c'))).toBe(true);
    expect(view.hasEgress(get(view, 'priv-d'))).toBe(false);
  });

  it('a NAT gateway in a private subnet, or a private NAT, gives no egress', () => {
    const view = buildView(
      network([node('nat2', 'natGateway', 'priv-b'), node('nat3', 'natGateway', 'pub-a', { connectivity: 'private' })], [
        edge('r2', 'egressVia', 'priv-a', 'nat2', { destination: '10.1.0.0/16' }),
        edge('r4', 'egressVia', 'priv-b', 'nat3'),
      ]),
    );
    expect(ids(view.natsOf(get(view, 'priv-a')))).toEqual(['nat']);
    expect(view.hasNat(get(view, 'priv-b'))).toBe(false);
  });

  it('epSubnets and hasEp (gateway, interface with private DNS and subnets)', () => {
    const view = buildView(
      network(
        [
          node('ep-s3', 'vpcEndpoint', 'vpc', { service: 's3', type: 'gateway' }),
          node('ep-sts', 'vpcEndpoint', 'priv-a', { service: 'sts' }),
          node('ep-ecr', 'vpcEndpoint', 'vpc', { service: 'ecr.api' }),
          node('ep-logs', 'vpcEndpoint', 'priv-a', { service: 'logs', privateDns: false }),
          node('ep-dkr', 'vpcEndpoint', 'vpc', { service: 'ecr.dkr' }),
        ],
        [edge('u1', 'usesSubnet', 'ep-dkr', 'priv-b')],
      ),
    );
    expect(ids(view.epSubnets(get(view, 'ep-sts')))).toEqual(['priv-a']);
    expect(ids(view.epSubnets(get(view, 'ep-dkr')))).toEqual(['priv-b']);
    const s = get(view, 'priv-b');
    expect(view.hasEp(s, 's3')).toBe(true);
    expect(view.hasEp(s, 'sts')).toBe(true);
    expect(view.hasEp(s, 'ecr.dkr')).toBe(true);
    expect(view.hasEp(s, 'ecr.api')).toBe(false);
    expect(view.hasEp(s, 'logs')).toBe(false);
    expect(view.hasEp(get(view, 'vpc'), 'sts')).toBe(true);
  });
});

describe('compute and load balancers (§7.4)', () => {
  it('nodeSubnets, zoneTypes, lbSubnets', () => {
    const view = buildView(
      network(
        [
          node('ng', 'managedNodeGroup', 'priv-a'),
          node('fp', 'fargateProfile', 'az-b'),
          node('hy-site', 'onPremises'),
          node('hy', 'hybridNodePool', 'hy-site'),
          node('alb', 'applicationLoadBalancer', 'pub-a'),
        ],
        [edge('u1', 'usesSubnet', 'ng', 'priv-b'), edge('u2', 'usesSubnet', 'fp', 'priv-b'), edge('u3', 'usesSubnet', 'alb', 'priv-a')],
      ),
    );
    expect(ids(view.nodeSubnets(get(view, 'ng')))).toEqual(['priv-a', 'priv-b']);
    expect(ids(view.nodeSubnets(get(view, 'fp')))).toEqual(['priv-b']);
    expect(view.nodeSubnets(get(view, 'hy'))).toEqual([]);
    expect([...view.zoneTypes(get(view, 'fp'))]).toEqual(['region']);
    expect(ids(view.lbSubnets(get(view, 'alb')))).toEqual(['pub-a', 'priv-a']);
  });

  it('owners, effScheme, effTargetType, holder, targetWorkloads', () => {
    const view = buildView(
      doc(
        [
          node('w1', 'workload'),
          node('w2', 'workload'),
          node('svc', 'k8sService', null, { serviceType: 'LoadBalancer', scheme: 'internet-facing', targetType: 'ip' }),
          node('svc2', 'k8sService'),
          node('ing', 'ingress', null, { scheme: 'internet-facing' }),
          node('nlb', 'networkLoadBalancer'),
          node('alb', 'applicationLoadBalancer', null, { scheme: 'internal' }),
          node('lone', 'applicationLoadBalancer', null, { scheme: 'internet-facing', targetType: 'ip' }),
          node('clb', 'classicLoadBalancer'),
        ],
        [
          edge('s1', 'selects', 'svc', 'w1'),
          edge('s2', 'selects', 'svc2', 'w2'),
          edge('rt', 'routesTo', 'ing', 'svc2'),
          edge('p1', 'provisions', 'svc', 'nlb'),
          edge('p2', 'provisions', 'ing', 'alb'),
        ],
      ),
    );
    const n = (id: string) => get(view, id);
    expect(ids(view.owners(n('nlb')))).toEqual(['svc']);
    expect(view.effScheme(n('nlb'))).toBe('internet-facing');
    expect(view.effScheme(n('alb'))).toBe('internet-facing');
    expect(view.effScheme(n('lone'))).toBe('internet-facing');
    expect(view.effTargetType(n('nlb'))).toBe('ip');
    expect(view.effTargetType(n('alb'))).toBe('instance');
    expect(view.effTargetType(n('clb'))).toBe('instance');
    expect(view.holder(n('nlb'))?.id).toBe('svc');
    expect(view.holder(n('lone'))?.id).toBe('lone');
    expect(view.holder(n('ing'))?.id).toBe('ing');
    expect(ids(view.targetWorkloads(n('svc')))).toEqual(['w1']);
    expect(ids(view.targetWorkloads(n('ing')))).toEqual(['w2']);
    expect(ids(view.targetWorkloads(n('alb')))).toEqual(['w2']);
  });

  it('holder is ⊥ for an LB with several owners', () => {
    const view = buildView(
      doc([node('i1', 'ingress'), node('i2', 'ingress'), node('alb', 'applicationLoadBalancer')], [edge('p1', 'provisions', 'i1', 'alb'), edge('p2', 'provisions', 'i2', 'alb')]),
    );
    expect(view.holder(get(view, 'alb'))).toBeUndefined();
  });

  it('podNetwork: overlay where an overlay CNI runs, cluster-wide when unpinned', () => {
    const pinned = buildView(
      doc(
        [node('ng1', 'managedNodeGroup'), node('ng2', 'managedNodeGroup'), node('cil', 'addon', null, { addonType: 'cilium', cniMode: 'overlay' })],
        [edge('r', 'runsOn', 'cil', 'ng1')],
      ),
    );
    expect(pinned.podNetwork(get(pinned, 'ng1'))).toBe('overlay');
    expect(pinned.podNetwork(get(pinned, 'ng2'))).toBe('vpc');
    const everywhere = buildView(doc([node('ng1', 'managedNodeGroup'), node('cal', 'addon', null, { addonType: 'calico', cniMode: 'overlay' })]));
    expect(everywhere.podNetwork(get(everywhere, 'ng1'))).toBe('overlay');
    const chained = buildView(doc([node('ng1', 'managedNodeGroup'), node('cal', 'addon', null, { addonType: 'calico' })]));
    expect(chained.podNetwork(get(chained, 'ng1'))).toBe('vpc');
  });
});

describe('Kubernetes objects (§7.5)', () => {
  const k8s = () =>
    buildView(
      doc(
        [
          node('ng', 'managedNodeGroup'),
          node('hy-site', 'onPremises'),
          node('hy', 'hybridNodePool', 'hy-site'),
          node('fp', 'fargateProfile', null, { selectors: ['prod:app=web,tier=*', 'kube-*'] }),
          node('fp2', 'fargateProfile', null, { selectors: ['batch'] }),
          node('ns', 'k8sNamespace', null, { name: 'prod' }),
          node('web', 'workload', 'ns', { labels: ['app=web', 'tier=front'] }),
          node('api', 'workload', 'ns', { labels: ['app=api'] }),
          node('pinned', 'workload', 'ng'),
          node('on-fp', 'workload', null, { namespace: 'batch' }),
          node('dns', 'addon', null, { addonType: 'coredns' }),
          node('irsa-role', 'iamRole', null, { roleType: 'irsa' }),
          node('exec-role', 'iamRole', null, { roleType: 'podExecution' }),
          node('svc', 'k8sService', null, { serviceType: 'LoadBalancer' }),
          node('lbc', 'addon', null, { addonType: 'aws-load-balancer-controller' }),
        ],
        [edge('r1', 'runsOn', 'on-fp', 'fp2'), edge('a1', 'assumes', 'api', 'irsa-role'), edge('a2', 'assumes', 'fp2', 'exec-role')],
      ),
    );

  it('runsOn, onKind, onFargate, podsOf', () => {
    const view = k8s();
    const n = (id: string) => get(view, id);
    expect(ids(view.runsOn(n('pinned')))).toEqual(['ng']);
    expect(ids(view.runsOn(n('on-fp')))).toEqual(['fp2']);
    expect(view.onFargate(n('on-fp'))).toBe(true);
    expect(view.onKind(n('pinned'), new Set(['managedNodeGroup']))).toBe(true);
    expect(ids(view.podsOf(n('ng')))).toEqual(['pinned']);
    expect(ids(view.podsOf(n('fp2')))).toEqual(['on-fp']);
  });

  it('namespace: the box, else the prop', () => {
    const view = k8s();
    expect(view.namespace(get(view, 'web'))).toBe('prod');
    expect(view.namespace(get(view, 'on-fp'))).toBe('batch');
    expect(view.namespace(get(view, 'dns'))).toBe('kube-system');
  });

  it('selectorMatches: namespace and label patterns with wildcards', () => {
    const view = k8s();
    const fp = get(view, 'fp');
    expect(view.selectorMatches(fp, get(view, 'web'))).toBe(true);
    expect(view.selectorMatches(fp, get(view, 'api'))).toBe(false);
    expect(view.selectorMatches(fp, get(view, 'dns'))).toBe(true);
    expect(view.selectorMatches(get(view, 'fp2'), get(view, 'web'))).toBe(false);
  });

  it('candidateCompute: runsOn, else EC2 and hybrid members plus matching profiles', () => {
    const view = k8s();
    expect(ids(view.candidateCompute(get(view, 'pinned')))).toEqual(['ng']);
    expect(ids(view.candidateCompute(get(view, 'web')))).toEqual(['ng', 'hy', 'fp']);
    expect(ids(view.candidateCompute(get(view, 'api')))).toEqual(['ng', 'hy']);
  });

  it('effCred, hasPodExecutionRole, effLbController, podSubnets', () => {
    const view = k8s();
    expect(view.effCred(get(view, 'api'))).toBe('irsa');
    expect(view.effCred(get(view, 'web'))).toBe('none');
    expect(view.effCred(get(view, 'dns'))).toBe('nodeRole');
    expect(view.hasPodExecutionRole(get(view, 'fp2'))).toBe(true);
    expect(view.effLbController(get(view, 'svc'))).toBe('aws-lbc');
    expect(view.podSubnets(get(view, 'web'))).toEqual([]);
    const noLbc = buildView(doc([node('svc', 'k8sService', null, { serviceType: 'LoadBalancer' })]));
    expect(noLbc.effLbController(get(noLbc, 'svc'))).toBe('in-tree');
    const noRole = buildView(doc([node('fp', 'fargateProfile', null, { podExecutionRole: false })]));
    expect(noRole.hasPodExecutionRole(get(noRole, 'fp'))).toBe(false);
  });
});

describe('clusters (§7.6)', () => {
  it('the implicit cluster when there is no control plane', () => {
    const view = buildView(doc([node('ng', 'managedNodeGroup'), node('a', 'addon', null, { addonType: 'karpenter' })]));
    expect(view.clusters()).toEqual([IMPLICIT_CLUSTER]);
    expect(view.clusterOf(get(view, 'ng'))).toBe(IMPLICIT_CLUSTER);
    expect(view.cp(IMPLICIT_CLUSTER)).toBeUndefined();
    expect(view.hasAddon(IMPLICIT_CLUSTER, 'karpenter')).toBe(true);
  });

  it('members, hasAddon, attachedEnis, clusterSubnets, clusterVpc with two control planes', () => {
    const view = buildView(
      network(
        [
          node('mgd', 'awsManagedAccount'),
          node('cp1', 'eksControlPlane', 'mgd'),
          node('cp2', 'eksControlPlane', 'mgd'),
          node('eni1', 'clusterEni', 'priv-a'),
          node('eni2', 'clusterEni', 'priv-b'),
          node('eni3', 'clusterEni', 'priv-b'),
          node('ng1', 'managedNodeGroup', 'priv-a'),
          node('ng2', 'managedNodeGroup', 'priv-b'),
          node('lbc', 'addon', 'ng1', { addonType: 'aws-load-balancer-controller' }),
        ],
        [
          edge('e1', 'eniAttachment', 'cp1', 'eni1'),
          edge('e2', 'eniAttachment', 'cp1', 'eni2'),
          edge('j1', 'joins', 'ng1', 'cp1'),
          edge('j2', 'joins', 'ng2', 'cp2'),
        ],
      ),
    );
    expect(view.clusters()).toEqual(['cp1', 'cp2']);
    expect(ids(view.members('cp1', new Set(['managedNodeGroup', 'addon'])))).toEqual(['ng1', 'lbc']);
    expect(view.hasAddon('cp1', 'aws-load-balancer-controller')).toBe(true);
    expect(view.hasAddon('cp2', 'aws-load-balancer-controller')).toBe(false);
    const cp1 = get(view, 'cp1');
    expect(ids(view.attachedEnis(cp1))).toEqual(['eni1', 'eni2']);
    expect(view.attachedEnis(get(view, 'cp2'))).toEqual([]);
    expect(ids(view.clusterSubnets(cp1))).toEqual(['priv-a', 'priv-b']);
    expect(view.clusterVpc('cp1')?.id).toBe('vpc');
    // No ENIs: read from the compute's subnets.
    expect(view.clusterVpc('cp2')?.id).toBe('vpc');
    expect(view.clusterOf(get(view, 'eni3'))).toBeNull();
  });

  it('with one control plane, unattached ENIs count as attached', () => {
    const view = buildView(doc([node('cp', 'eksControlPlane'), node('v', 'vpc'), node('s', 'subnet', 'v'), node('eni', 'clusterEni', 's')]));
    expect(ids(view.attachedEnis(get(view, 'cp')))).toEqual(['eni']);
    expect(view.clusterVpc('cp')?.id).toBe('v');
  });

  it('clusterVpc is ⊥ when the subnets span VPCs', () => {
    const view = buildView(
      doc([node('cp', 'eksControlPlane'), node('v1', 'vpc'), node('v2', 'vpc'), node('s1', 'subnet', 'v1'), node('s2', 'subnet', 'v2'), node('e1', 'clusterEni', 's1'), node('e2', 'clusterEni', 's2')]),
    );
    expect(view.clusterVpc('cp')).toBeUndefined();
  });

  it('caGroups: managed targets if drawn, else every node group of the cluster', () => {
    const base = [
      node('ng1', 'managedNodeGroup'),
      node('ng2', 'selfManagedNodeGroup'),
      node('kp', 'karpenterNodePool'),
      node('ca', 'addon', null, { addonType: 'cluster-autoscaler' }),
    ];
    const all = buildView(doc(base));
    expect(ids(all.caGroups(IMPLICIT_CLUSTER))).toEqual(['ng1', 'ng2']);
    const drawn = buildView(doc(base, [edge('m', 'manages', 'ca', 'ng2')]));
    expect(ids(drawn.caGroups(IMPLICIT_CLUSTER))).toEqual(['ng2']);
    const none = buildView(doc(base.slice(0, 3)));
    expect(none.caGroups(IMPLICIT_CLUSTER)).toEqual([]);
  });
});

describe('connectivity (§7.7)', () => {
  it('vpcConnected by peering or a shared transit gateway, not transitively', () => {
    const view = buildView(
      doc(
        [node('v1', 'vpc'), node('v2', 'vpc'), node('v3', 'vpc'), node('v4', 'vpc'), node('pcx', 'vpcPeering'), node('pcx2', 'vpcPeering'), node('tgw', 'transitGateway')],
        [
          edge('c1', 'connects', 'pcx', 'v1'),
          edge('c2', 'connects', 'pcx', 'v2'),
          edge('c3', 'connects', 'pcx2', 'v2'),
          edge('c4', 'connects', 'pcx2', 'v3'),
          edge('a1', 'attaches', 'tgw', 'v3'),
          edge('a2', 'attaches', 'tgw', 'v4'),
        ],
      ),
    );
    const v = (id: string) => get(view, id);
    expect(view.vpcConnected(v('v1'), v('v1'))).toBe(true);
    expect(view.vpcConnected(v('v1'), v('v2'))).toBe(true);
    expect(view.vpcConnected(v('v2'), v('v1'))).toBe(true);
    expect(view.vpcConnected(v('v1'), v('v3'))).toBe(false);
    expect(view.vpcConnected(v('v3'), v('v4'))).toBe(true);
  });

  it('onPremGateways and onPremReaches', () => {
    const view = buildView(
      doc(
        [node('dc', 'onPremises'), node('dc2', 'onPremises'), node('v', 'vpc'), node('vgw', 'virtualPrivateGateway'), node('vpn', 'hybridLink')],
        [edge('a', 'attaches', 'vgw', 'v'), edge('c1', 'connects', 'vpn', 'dc'), edge('c2', 'connects', 'vpn', 'vgw')],
      ),
    );
    expect(ids(view.onPremGateways(get(view, 'dc'), get(view, 'v')))).toEqual(['vgw']);
    expect(view.onPremReaches(get(view, 'dc'), get(view, 'v'))).toBe(true);
    expect(view.onPremReaches(get(view, 'dc2'), get(view, 'v'))).toBe(false);
  });
});

describe('value helpers (§7.8)', () => {
  it('CIDR comparisons, skipping what does not parse', () => {
    expect(contains('10.0.0.0/16', '10.0.4.0/24')).toBe(true);
    expect(contains('10.0.4.0/24', '10.0.0.0/16')).toBe(false);
    expect(contains('10.0.0.0/16', 'nope')).toBeNull();
    expect(overlaps('10.0.0.0/16', '10.0.255.0/24')).toBe(true);
    expect(overlaps('10.0.0.0/16', '10.1.0.0/16')).toBe(false);
    expect(inRange('203.0.113.10', '203.0.113.0/24')).toBe(true);
    expect(inRange('198.51.100.1', '203.0.113.0/24')).toBe(false);
    expect(inRange('not-an-ip', '203.0.113.0/24')).toBeNull();
    expect(isRfc1918('172.20.0.0/16')).toBe(true);
    expect(isRfc1918('172.32.0.0/16')).toBe(false);
    expect(isRfc1918('100.64.0.0/10')).toBe(false);
    expect(isRfc1918('')).toBeNull();
  });

  it('minor versions compare numerically', () => {
    expect(minor('v1.33.2-eksbuild.1')).toEqual([1, 33]);
    expect(minor('1.9')).toEqual([1, 9]);
    expect(minor('latest')).toBeNull();
    expect(compareMinor([1, 9], [1, 10])).toBeLessThan(0);
  });

  it('instance shapes', () => {
    expect(shape('m6i.large')).toBe('m.large');
    expect(shape('m5.large')).toBe(shape('m6i.large'));
    expect(shape('c5.large')).not.toBe(shape('m5.large'));
    expect(shape('m5.xlarge')).not.toBe(shape('m5.large'));
    expect(shape('oops')).toBeNull();
  });
});
