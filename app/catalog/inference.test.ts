import { describe, expect, it } from 'vitest';
import { doc, edge, node, withLabel } from '../model/testing';
import type { DiagramDocument, DiagramEdge, DiagramNode, Text } from '../model/types';
import { checkDocumentEdges, connectionContext, inferConnection, inferConnectionIn, type ConnectionProposal } from './inference';
import { ALB_NLB, COMPUTE, EC2, LBS, PODS, VPC_COMPUTE } from './sets';

/** §6.1 as written in the spec, expanded by hand (independent of INFERENCE_TABLE). */
const SPEC_ROWS: readonly (readonly [readonly string[], readonly string[], string])[] = [
  [['eksControlPlane'], ['clusterEni'], 'eniAttachment'],
  [['eksControlPlane'], ['securityGroup'], 'protectedBy'],
  [['eksControlPlane'], ['kmsKey'], 'encryptsSecretsWith'],
  [['eksControlPlane'], ['cloudWatch'], 'shipsLogsTo'],
  [['eksControlPlane'], ['iamRole'], 'assumes'],
  [['clusterEni'], ['securityGroup'], 'protectedBy'],
  [COMPUTE, ['eksControlPlane'], 'joins'],
  [VPC_COMPUTE, ['subnet'], 'usesSubnet'],
  [EC2, ['securityGroup'], 'protectedBy'],
  [COMPUTE, ['iamRole'], 'assumes'],
  [['k8sNamespace'], ['eksControlPlane'], 'belongsTo'],
  [['workload'], COMPUTE, 'runsOn'],
  [['workload'], ['persistentVolume'], 'mounts'],
  [PODS, ['awsService', 'secretsManagerSecret'], 'accesses'],
  [PODS, ['ecrRepository'], 'pullsFrom'],
  [PODS, ['iamRole'], 'assumes'],
  [['workload'], ['k8sService'], 'callsService'],
  [['workload'], ['cloudMapNamespace'], 'resolvesVia'],
  [['addon'], ['hybridNodePool'], 'runsOn'],
  [['addon'], ['cloudWatch'], 'shipsTelemetryTo'],
  [['k8sService'], ['workload'], 'selects'],
  [['k8sService'], LBS, 'provisions'],
  [['k8sService'], ['cloudMapNamespace'], 'exportsTo'],
  [['ingress'], ['k8sService'], 'routesTo'],
  [['ingress'], LBS, 'provisions'],
  [['ingress'], ['acmCertificate'], 'usesCertificate'],
  [['hpa'], ['workload'], 'scales'],
  [['subnet'], ['natGateway', 'transitGateway', 'virtualPrivateGateway'], 'egressVia'],
  [['vpcEndpoint'], ['subnet'], 'usesSubnet'],
  [['vpcEndpoint'], ['securityGroup'], 'protectedBy'],
  [LBS, ['subnet'], 'usesSubnet'],
  [LBS, ['securityGroup'], 'protectedBy'],
  [LBS, ['acmCertificate'], 'usesCertificate'],
  [['transitGateway', 'virtualPrivateGateway'], ['vpc'], 'attaches'],
  [['hybridLink'], ['onPremises', 'transitGateway', 'virtualPrivateGateway'], 'connects'],
  [['vpcPeering'], ['vpc'], 'connects'],
  [['apiGateway'], ['vpcLink', ...LBS], 'integratesWith'],
  [['vpcLink'], [...ALB_NLB, 'cloudMapNamespace'], 'targets'],
  [['kubectlClient'], ['eksControlPlane'], 'callsApi'],
  [['endUser'], [...LBS, 'ingress', 'k8sService', 'apiGateway'], 'sendsTrafficTo'],
];

const pairDoc = (sourceKind: string, targetKind: string, sourceProps = {}): DiagramDocument =>
  doc([node('a', sourceKind, null, sourceProps), node('b', targetKind)]);

function expectOk(p: ConnectionProposal): Extract<ConnectionProposal, { ok: true }> {
  if (!p.ok) throw new Error(`refused: ${p.reason.en}`);
  return p;
}

function expectRefused(p: ConnectionProposal): Text {
  if (p.ok) throw new Error(`accepted as ${p.kind}`);
  expect(p.reason.ja.length).toBeGreaterThan(0);
  expect(p.reason.ja).not.toBe(p.reason.en);
  return p.reason;
}

/** Appends `e` and asks CONN-001 about it. */
const reportedAfterAppending = (d: DiagramDocument, e: DiagramEdge) =>
  checkDocumentEdges({ ...d, edges: [...d.edges, e] }).violations.get(e.id);

describe('inferConnection: §6.1 rows', () => {
  for (const [sources, targets, kind] of SPEC_ROWS) {
    for (const s of sources) {
      for (const tg of targets) {
        it(`${s} → ${tg} is ${kind}`, () => {
          const p = expectOk(inferConnection(pairDoc(s, tg), 'a', 'b'));
          expect(p).toMatchObject({ kind, source: 'a', target: 'b', swapped: false });
          expect(p.alternatives).toContain(kind);
        });
      }
    }
  }

  it('addon → ALB/NLB and cloudMapNamespace is manages, for the add-on types that manage them', () => {
    for (const lb of ALB_NLB) {
      const p = inferConnection(pairDoc('addon', lb, { addonType: 'aws-load-balancer-controller' }), 'a', 'b');
      expect(expectOk(p).kind).toBe('manages');
    }
    for (const type of ['external-dns', 'cloudmap-mcs-controller']) {
      const p = inferConnection(pairDoc('addon', 'cloudMapNamespace', { addonType: type }), 'a', 'b');
      expect(expectOk(p).kind).toBe('manages');
    }
  });
});

describe('inferConnection: direction', () => {
  it('swaps a pair drawn backwards, so the arrow reads in the kind’s direction', () => {
    const p = expectOk(inferConnection(pairDoc('subnet', 'managedNodeGroup'), 'a', 'b'));
    expect(p).toMatchObject({ kind: 'usesSubnet', source: 'b', target: 'a', swapped: true });
    const q = expectOk(inferConnection(pairDoc('eksControlPlane', 'kubectlClient'), 'a', 'b'));
    expect(q).toMatchObject({ kind: 'callsApi', source: 'b', target: 'a', swapped: true });
  });

  it('swaps every listed pair drawn backwards, except the pair listed both ways', () => {
    for (const [sources, targets, kind] of SPEC_ROWS) {
      for (const s of sources) {
        for (const tg of targets) {
          const p = expectOk(inferConnection(pairDoc(tg, s), 'a', 'b'));
          if ((s === 'workload' && tg === 'k8sService') || (s === 'k8sService' && tg === 'workload')) continue;
          expect(p, `${tg} ⇢ ${s}`).toMatchObject({ kind, source: 'b', target: 'a', swapped: true });
        }
      }
    }
  });

  it('takes workload ↔ k8sService as drawn', () => {
    const d = doc([node('w', 'workload'), node('svc', 'k8sService')]);
    expect(expectOk(inferConnection(d, 'w', 'svc'))).toMatchObject({ kind: 'callsService', source: 'w', swapped: false });
    expect(expectOk(inferConnection(d, 'svc', 'w'))).toMatchObject({ kind: 'selects', source: 'svc', swapped: false });
  });
});

describe('inferConnection: the addon → compute ambiguity', () => {
  it('is manages when the add-on type manages that compute, with runsOn as the alternative', () => {
    const ca = expectOk(inferConnection(pairDoc('addon', 'managedNodeGroup', { addonType: 'cluster-autoscaler' }), 'a', 'b'));
    expect(ca.kind).toBe('manages');
    expect(ca.alternatives).toEqual(['runsOn', 'manages']);
    const kp = expectOk(inferConnection(pairDoc('addon', 'karpenterNodePool', { addonType: 'karpenter' }), 'a', 'b'));
    expect(kp.kind).toBe('manages');
  });

  it('is runsOn for add-ons that manage nothing, or only a flagged pair', () => {
    for (const [type, target] of [
      ['vpc-cni', 'managedNodeGroup'],
      ['coredns', 'fargateProfile'],
      ['karpenter', 'managedNodeGroup'],
      ['karpenter', 'fargateProfile'],
      ['cluster-autoscaler', 'karpenterNodePool'],
    ] as const) {
      const p = expectOk(inferConnection(pairDoc('addon', target, { addonType: type }), 'a', 'b'));
      expect(p.kind, `${type} → ${target}`).toBe('runsOn');
      expect(p.alternatives).toEqual(['runsOn', 'manages']);
    }
  });

  it('reads a missing or invalid addonType as the default (vpc-cni)', () => {
    const missing = doc([{ ...node('a', 'addon'), props: {} }, node('b', 'managedNodeGroup')]);
    expect(expectOk(inferConnection(missing, 'a', 'b')).kind).toBe('runsOn');
    const invalid = pairDoc('addon', 'managedNodeGroup', { addonType: 'nonsense' });
    expect(expectOk(inferConnection(invalid, 'a', 'b')).kind).toBe('runsOn');
  });

  it('lists a single alternative for ordinary pairs', () => {
    expect(expectOk(inferConnection(pairDoc('addon', 'hybridNodePool'), 'a', 'b')).alternatives).toEqual(['runsOn']);
    expect(expectOk(inferConnection(pairDoc('workload', 'k8sService'), 'a', 'b')).alternatives).toEqual(['callsService']);
  });
});

describe('inferConnection: §6.2 refusals with specific reasons', () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ['subnet', 'internetGateway', "A public subnet reaches the internet gateway by itself: set the subnet's tier to public."],
    ['managedNodeGroup', 'vpc', 'Compute launches into subnets: connect it to a subnet, or drop it inside one.'],
    ['fargateProfile', 'availabilityZone', 'Compute launches into subnets: connect it to a subnet, or drop it inside one.'],
    [
      'eksControlPlane',
      'subnet',
      'The control plane reaches your VPC through cluster ENIs: put a Cluster ENI in the subnet and connect the control plane to it.',
    ],
    [
      'eksControlPlane',
      'vpc',
      'The control plane reaches your VPC through cluster ENIs: put a Cluster ENI in the subnet and connect the control plane to it.',
    ],
    ['ingress', 'workload', 'Traffic reaches pods through a Service: connect it to the Service, and the Service to the workload.'],
    ['applicationLoadBalancer', 'workload', 'Traffic reaches pods through a Service: connect it to the Service, and the Service to the workload.'],
    ['endUser', 'workload', 'Traffic reaches pods through a Service: connect it to the Service, and the Service to the workload.'],
    ['workload', 'subnet', 'Pods run on compute: connect the workload to a node group, NodePool, Fargate profile or hybrid nodes.'],
    ['addon', 'vpc', 'Pods run on compute: connect the workload to a node group, NodePool, Fargate profile or hybrid nodes.'],
    ['hpa', 'managedNodeGroup', 'An HPA scales pods; nodes are added by Cluster Autoscaler or Karpenter.'],
    ['hpa', 'hybridNodePool', 'An HPA scales pods; nodes are added by Cluster Autoscaler or Karpenter.'],
    ['kubectlClient', 'subnet', "kubectl talks only to the cluster's API endpoint."],
    ['kubectlClient', 'k8sService', "kubectl talks only to the cluster's API endpoint."],
    ['hybridNodePool', 'subnet', 'Hybrid nodes run on-premises and use no VPC subnet.'],
  ];
  for (const [s, tg, reason] of cases) {
    it(`${s} → ${tg}`, () => {
      expect(expectRefused(inferConnection(pairDoc(s, tg), 'a', 'b')).en).toBe(reason);
    });
  }

  it('gives the same reason when the mistake is dragged from the other end', () => {
    expect(expectRefused(inferConnection(pairDoc('internetGateway', 'subnet'), 'a', 'b')).en).toMatch(/^A public subnet/);
    expect(expectRefused(inferConnection(pairDoc('workload', 'endUser'), 'a', 'b')).en).toMatch(/^Traffic reaches pods/);
  });

  it('answers anything else with what the source can connect to', () => {
    const r = expectRefused(inferConnection(pairDoc('ecrRepository', 'kmsKey'), 'a', 'b'));
    expect(r.en).toBe("ECR repository can't connect to KMS key. From ECR repository you can connect to: Workload, Add-on.");
    expect(r.ja).toBe('ECR リポジトリから KMS キーには接続できません。ECR リポジトリから接続できるのは次のコンポーネントです: ワークロード、アドオン。');
  });

  it('says so when the source takes no connections at all', () => {
    expect(expectRefused(inferConnection(pairDoc('internet', 'vpc'), 'a', 'b')).en).toBe(
      "Internet can't connect to VPC. Internet takes no connections.",
    );
  });

  it('refuses manages from an add-on type that does not manage the target', () => {
    const r = expectRefused(inferConnection(pairDoc('addon', 'applicationLoadBalancer'), 'a', 'b'));
    expect(r.en).toBe('A vpc-cni add-on does not manage Application Load Balancer.');
    const e = expectRefused(inferConnection(pairDoc('addon', 'cloudMapNamespace', { addonType: 'aws-load-balancer-controller' }), 'a', 'b'));
    expect(e.en).toBe('An aws-load-balancer-controller add-on does not manage Cloud Map namespace.');
    expect(e.ja).toBe('aws-load-balancer-controller アドオンは Cloud Map 名前空間を管理しません。');
    expect(expectRefused(inferConnection(pairDoc('addon', 'networkLoadBalancer', { addonType: 'karpenter' }), 'a', 'b')).en).toBe(
      'A karpenter add-on does not manage Network Load Balancer.',
    );
  });

  it('refuses self-loops, unknown kinds and missing nodes', () => {
    const d = doc([node('svc', 'k8sService'), node('m', 'mysteryBox')]);
    expect(expectRefused(inferConnection(d, 'svc', 'svc')).en).toBe("A component can't connect to itself.");
    expect(expectRefused(inferConnection(d, 'svc', 'm')).en).toContain('unknown component (kind “mysteryBox”)');
    expect(expectRefused(inferConnection(d, 'm', 'svc')).en).toContain('unknown component');
    expect(expectRefused(inferConnection(d, 'svc', 'ghost')).en).toBe('There is no component “ghost”.');
  });
});

describe('inferConnection: §5.2 limits and duplicates', () => {
  const twoClusters = (): DiagramNode[] => [node('cp1', 'eksControlPlane'), node('cp2', 'eksControlPlane')];

  it('refuses a duplicate of the same kind, source and target', () => {
    const d = doc([node('w', 'workload'), node('ng', 'managedNodeGroup')], [edge('e1', 'runsOn', 'w', 'ng')]);
    expect(expectRefused(inferConnection(d, 'w', 'ng')).en).toBe('w is already connected to ng by a “runs on” connection.');
    // Drawn backwards it is the same edge.
    expect(expectRefused(inferConnection(d, 'ng', 'w')).en).toContain('already connected');
  });

  it('names nodes by kind when their label is empty', () => {
    const d = doc(
      [withLabel(node('w', 'workload'), ''), withLabel(node('ng', 'managedNodeGroup'), ' ')],
      [edge('e1', 'runsOn', 'w', 'ng')],
    );
    const r = expectRefused(inferConnection(d, 'w', 'ng'));
    expect(r.en).toBe('Workload is already connected to Managed node group by a “runs on” connection.');
    expect(r.ja).toBe('「ワークロード」と「マネージド型ノードグループ」はすでに「実行先」の接続でつながっています。');
  });

  it('allows one joins per compute', () => {
    const d = doc([...twoClusters(), node('ng', 'managedNodeGroup')], [edge('e1', 'joins', 'ng', 'cp1')]);
    expect(expectRefused(inferConnection(d, 'ng', 'cp2')).en).toBe('ng already joins cp1; compute can join only one cluster.');
  });

  it('allows one belongsTo per namespace', () => {
    const d = doc([...twoClusters(), node('ns', 'k8sNamespace')], [edge('e1', 'belongsTo', 'ns', 'cp1')]);
    expect(expectRefused(inferConnection(d, 'cp2', 'ns')).en).toMatch(/^ns already belongs to cp1/);
  });

  it('allows one incoming eniAttachment per cluster ENI', () => {
    const d = doc([...twoClusters(), node('eni', 'clusterEni')], [edge('e1', 'eniAttachment', 'cp1', 'eni')]);
    expect(expectRefused(inferConnection(d, 'cp2', 'eni')).en).toMatch(/^eni already belongs to cp1/);
  });

  it('allows one encryptsSecretsWith per control plane', () => {
    const d = doc([node('cp', 'eksControlPlane'), node('k1', 'kmsKey'), node('k2', 'kmsKey')], [edge('e1', 'encryptsSecretsWith', 'cp', 'k1')]);
    expect(expectRefused(inferConnection(d, 'cp', 'k2')).en).toMatch(/^cp already encrypts Secrets with k1/);
  });

  it('allows one scales per hpa', () => {
    const d = doc([node('h', 'hpa'), node('w1', 'workload'), node('w2', 'workload')], [edge('e1', 'scales', 'h', 'w1')]);
    expect(expectRefused(inferConnection(d, 'h', 'w2')).en).toMatch(/^h already scales w1/);
  });

  it('allows one provisions per ingress or Service', () => {
    const d = doc(
      [node('i', 'ingress'), node('s', 'k8sService'), node('lb1', 'applicationLoadBalancer'), node('lb2', 'applicationLoadBalancer'), node('nlb', 'networkLoadBalancer')],
      [edge('e1', 'provisions', 'i', 'lb1'), edge('e2', 'provisions', 's', 'nlb')],
    );
    expect(expectRefused(inferConnection(d, 'i', 'lb2')).en).toMatch(/^i already creates lb1/);
    expect(expectRefused(inferConnection(d, 'lb2', 's')).en).toMatch(/^s already creates nlb/);
  });

  it('allows one attaches per virtual private gateway, any number per transit gateway', () => {
    const nodes = [node('vgw', 'virtualPrivateGateway'), node('tgw', 'transitGateway'), node('v1', 'vpc'), node('v2', 'vpc')];
    const d = doc(nodes, [edge('e1', 'attaches', 'vgw', 'v1'), edge('e2', 'attaches', 'tgw', 'v1')]);
    expect(expectRefused(inferConnection(d, 'vgw', 'v2')).en).toMatch(/^vgw is already attached to v1/);
    expect(expectOk(inferConnection(d, 'tgw', 'v2')).kind).toBe('attaches');
  });

  it('allows a hybridLink one on-premises end and one gateway', () => {
    const nodes = [node('h', 'hybridLink'), node('p1', 'onPremises'), node('p2', 'onPremises'), node('tgw', 'transitGateway'), node('vgw', 'virtualPrivateGateway')];
    const one = doc(nodes, [edge('e1', 'connects', 'h', 'p1')]);
    expect(expectRefused(inferConnection(one, 'h', 'p2')).en).toMatch(/^h already connects p1/);
    expect(expectOk(inferConnection(one, 'h', 'tgw')).kind).toBe('connects');
    const two = doc(nodes, [edge('e1', 'connects', 'h', 'p1'), edge('e2', 'connects', 'h', 'tgw')]);
    expect(expectRefused(inferConnection(two, 'h', 'vgw')).en).toMatch(/^h already ends at tgw/);
  });

  it('allows a vpcPeering two different VPCs', () => {
    const nodes = [node('p', 'vpcPeering'), node('v1', 'vpc'), node('v2', 'vpc'), node('v3', 'vpc')];
    const one = doc(nodes, [edge('e1', 'connects', 'p', 'v1')]);
    expect(expectRefused(inferConnection(one, 'p', 'v1')).en).toContain('already connected');
    expect(expectOk(inferConnection(one, 'p', 'v2')).kind).toBe('connects');
    const two = doc(nodes, [edge('e1', 'connects', 'p', 'v1'), edge('e2', 'connects', 'p', 'v2')]);
    const r = expectRefused(inferConnection(two, 'p', 'v3'));
    expect(r.en).toBe('p already connects v1 and v2; a peering connection joins exactly two VPCs.');
    expect(r.ja).toContain('「v1」と「v2」');
  });

  it('allows a subnet one egressVia per destination; a new edge uses 0.0.0.0/0', () => {
    const nodes = [node('s', 'subnet'), node('nat1', 'natGateway'), node('nat2', 'natGateway'), node('tgw', 'transitGateway')];
    const d = doc(nodes, [edge('e1', 'egressVia', 's', 'nat1')]);
    expect(expectRefused(inferConnection(d, 's', 'nat2')).en).toBe(
      's already routes 0.0.0.0/0 via nat1; a route table has one route per destination.',
    );
    const other = doc(nodes, [edge('e1', 'egressVia', 's', 'tgw', { destination: '10.0.0.0/8' })]);
    expect(expectOk(inferConnection(other, 's', 'nat2')).kind).toBe('egressVia');
  });
});

describe('inferConnection: same cluster', () => {
  /** Two clusters: ng1 joins cp1, ng2 joins cp2; namespaces ns1/ns2 belong to them. */
  function twoClusterDoc(extraNodes: DiagramNode[] = [], extraEdges: DiagramEdge[] = []): DiagramDocument {
    return doc(
      [
        node('cp1', 'eksControlPlane'),
        node('cp2', 'eksControlPlane'),
        node('ng1', 'managedNodeGroup'),
        node('ng2', 'managedNodeGroup'),
        node('ns1', 'k8sNamespace'),
        node('ns2', 'k8sNamespace'),
        ...extraNodes,
      ],
      [
        edge('j1', 'joins', 'ng1', 'cp1'),
        edge('j2', 'joins', 'ng2', 'cp2'),
        edge('b1', 'belongsTo', 'ns1', 'cp1'),
        edge('b2', 'belongsTo', 'ns2', 'cp2'),
        ...extraEdges,
      ],
    );
  }

  it('refuses runsOn to compute of another cluster', () => {
    const d = twoClusterDoc([node('w', 'workload', 'ns1')]);
    expect(expectOk(inferConnection(d, 'w', 'ng1')).kind).toBe('runsOn');
    const r = expectRefused(inferConnection(d, 'w', 'ng2'));
    expect(r.en).toBe('w and ng2 are in different clusters (cp1 and cp2).');
    expect(r.ja).toBe('「w」と「ng2」は別々のクラスター（「cp1」と「cp2」）に属しています。');
  });

  it('refuses selects, routesTo, scales, mounts and callsService across clusters', () => {
    const d = twoClusterDoc([
      node('w1', 'workload', 'ns1'),
      node('s2', 'k8sService', 'ns2'),
      node('i2', 'ingress', 'ns2'),
      node('h2', 'hpa', 'ns2'),
      node('pv2', 'persistentVolume', 'ns2'),
      node('s1', 'k8sService', 'ns1'),
    ]);
    for (const [a, b] of [
      ['s2', 'w1'],
      ['i2', 's1'],
      ['h2', 'w1'],
      ['w1', 'pv2'],
      ['w1', 's2'],
    ] as const) {
      expect(expectRefused(inferConnection(d, a, b)).en, `${a} → ${b}`).toContain('different clusters');
    }
    expect(expectOk(inferConnection(d, 'w1', 's1')).kind).toBe('callsService');
  });

  it('refuses manages towards compute of another cluster, but not towards an ALB', () => {
    const d = twoClusterDoc([
      node('ca', 'addon', 'ns1', { addonType: 'cluster-autoscaler' }),
      node('lbc', 'addon', 'ns1', { addonType: 'aws-load-balancer-controller' }),
      node('alb', 'applicationLoadBalancer'),
      node('s2', 'k8sService', 'ns2'),
    ], [edge('p', 'provisions', 's2', 'alb')]);
    expect(expectRefused(inferConnection(d, 'ca', 'ng2')).en).toContain('different clusters');
    expect(expectOk(inferConnection(d, 'ca', 'ng1')).kind).toBe('manages');
    expect(expectOk(inferConnection(d, 'lbc', 'alb')).kind).toBe('manages');
  });

  it('accepts ends whose cluster is unresolved', () => {
    const d = twoClusterDoc([node('w', 'workload'), node('ng3', 'managedNodeGroup')]);
    expect(expectOk(inferConnection(d, 'w', 'ng2')).kind).toBe('runsOn');
    expect(expectOk(inferConnection(d, 'w', 'ng3')).kind).toBe('runsOn');
  });

  it('never refuses with one control plane or none', () => {
    const one = doc([node('cp', 'eksControlPlane'), node('w', 'workload'), node('ng1', 'managedNodeGroup'), node('ng2', 'managedNodeGroup')], [
      edge('r', 'runsOn', 'w', 'ng1'),
    ]);
    expect(expectOk(inferConnection(one, 'w', 'ng2')).kind).toBe('runsOn');
    const none = doc([node('w', 'workload'), node('ng1', 'managedNodeGroup'), node('ng2', 'managedNodeGroup')], [edge('r', 'runsOn', 'w', 'ng1')]);
    expect(expectOk(inferConnection(none, 'w', 'ng2')).kind).toBe('runsOn');
  });
});

describe('checkDocumentEdges (CONN-001)', () => {
  it('reports the second and later edges over a limit, in array order', () => {
    const d = doc(
      [node('cp1', 'eksControlPlane'), node('cp2', 'eksControlPlane'), node('ng', 'managedNodeGroup')],
      [edge('j1', 'joins', 'ng', 'cp1'), edge('j2', 'joins', 'ng', 'cp2'), edge('j3', 'joins', 'ng', 'cp1')],
    );
    const { valid, violations } = checkDocumentEdges(d);
    expect(valid.map((e) => e.id)).toEqual(['j1']);
    expect([...violations.keys()]).toEqual(['j2', 'j3']);
    expect(violations.get('j2')?.code).toBe('limit');
    expect(violations.get('j3')?.code).toBe('duplicate');
  });

  it('does not let a rejected edge hold a limit', () => {
    const d = doc(
      [node('cp', 'eksControlPlane'), node('v', 'vpc'), node('ng', 'managedNodeGroup')],
      [edge('bad', 'joins', 'ng', 'v'), edge('good', 'joins', 'ng', 'cp')],
    );
    const { valid, violations } = checkDocumentEdges(d);
    expect(valid.map((e) => e.id)).toEqual(['good']);
    expect(violations.get('bad')?.code).toBe('pair');
    expect(violations.get('bad')?.reason.en).toBe('Compute launches into subnets: connect it to a subnet, or drop it inside one.');
  });

  it('explains stored kinds that do not fit their ends', () => {
    const d = doc(
      [node('ng', 'managedNodeGroup'), node('s', 'subnet'), node('w', 'workload'), node('h', 'hpa'), node('ns', 'k8sNamespace')],
      [
        edge('backwards', 'usesSubnet', 's', 'ng'),
        edge('wrong', 'mounts', 'h', 'w'),
        edge('alien', 'teleportsTo', 'w', 'ng'),
        edge('loop', 'runsOn', 'w', 'w'),
      ],
    );
    const v = checkDocumentEdges(d).violations;
    expect(v.get('backwards')?.reason.en).toBe('A “subnet” connection runs from Managed node group to Subnet, not the other way round.');
    expect(v.get('wrong')?.reason.en).toBe('A “mounts” connection can\'t join Horizontal Pod Autoscaler and Workload; the ones that fit are “scales”.');
    expect(v.get('alien')?.code).toBe('unknownKind');
    expect(v.get('loop')?.code).toBe('selfLoop');
  });

  it('reports manages from a non-managing add-on but keeps the flagged pairs', () => {
    const d = doc(
      [node('a', 'addon', null, { addonType: 'coredns' }), node('k', 'addon', null, { addonType: 'karpenter' }), node('ng', 'managedNodeGroup')],
      [edge('m1', 'manages', 'a', 'ng'), edge('m2', 'manages', 'k', 'ng')],
    );
    const { valid, violations } = checkDocumentEdges(d);
    expect(violations.get('m1')?.code).toBe('managesType');
    expect(valid.map((e) => e.id)).toEqual(['m2']);
  });

  it('skips edges with an unknown-kind end: neither valid nor reported', () => {
    const d = doc([node('w', 'workload'), node('x', 'mysteryBox')], [edge('e', 'runsOn', 'w', 'x')]);
    const { valid, violations } = checkDocumentEdges(d);
    expect(valid).toEqual([]);
    expect(violations.size).toBe(0);
  });

  it('reports the runsOn edges that split a pod across clusters', () => {
    const d = doc(
      [
        node('cp1', 'eksControlPlane'),
        node('cp2', 'eksControlPlane'),
        node('ng1', 'managedNodeGroup'),
        node('ng1b', 'managedNodeGroup'),
        node('ng2', 'managedNodeGroup'),
        node('w', 'workload'),
      ],
      [
        edge('j1', 'joins', 'ng1', 'cp1'),
        edge('j1b', 'joins', 'ng1b', 'cp1'),
        edge('j2', 'joins', 'ng2', 'cp2'),
        edge('r1', 'runsOn', 'w', 'ng1'),
        edge('r2', 'runsOn', 'w', 'ng2'),
      ],
    );
    expect([...checkDocumentEdges(d).violations.keys()]).toEqual(['r1', 'r2']);
    // A majority on one cluster keeps its edges; only the odd one out is reported.
    const more = { ...d, edges: [...d.edges, edge('r3', 'runsOn', 'w', 'ng1b')] };
    expect([...checkDocumentEdges(more).violations.keys()]).toEqual(['r2']);
  });

  it('agrees with drawing: an accepted proposal, appended, is never reported', () => {
    const nodes = [
      node('cp1', 'eksControlPlane'),
      node('cp2', 'eksControlPlane'),
      node('ng1', 'managedNodeGroup'),
      node('ng2', 'karpenterNodePool'),
      node('ns1', 'k8sNamespace'),
      node('ns2', 'k8sNamespace'),
      node('w1', 'workload', 'ns1'),
      node('w2', 'workload', 'ns2'),
      node('s1', 'k8sService', 'ns1'),
      node('k', 'addon', 'ns2', { addonType: 'karpenter' }),
      node('h', 'hpa', 'ns1'),
      node('sub', 'subnet'),
      node('nat', 'natGateway'),
      node('alb', 'applicationLoadBalancer'),
      node('ing', 'ingress', 'ns1'),
    ];
    const edges = [
      edge('j1', 'joins', 'ng1', 'cp1'),
      edge('j2', 'joins', 'ng2', 'cp2'),
      edge('r1', 'runsOn', 'w1', 'ng1'),
      edge('r2', 'runsOn', 'w2', 'ng2'),
      edge('eg', 'egressVia', 'sub', 'nat'),
    ];
    const d = doc(nodes, edges);
    const ctx = connectionContext(d);
    let accepted = 0;
    let refused = 0;
    for (const a of nodes) {
      for (const b of nodes) {
        const p = inferConnectionIn(ctx, a.id, b.id);
        if (!p.ok) {
          refused++;
          continue;
        }
        accepted++;
        const e = edge('new', p.kind, p.source, p.target);
        expect(reportedAfterAppending(d, e), `${a.id} → ${b.id} (${p.kind})`).toBeUndefined();
      }
    }
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });

  it('reports what drawing refuses, with the same reason', () => {
    const d = doc(
      [node('cp1', 'eksControlPlane'), node('cp2', 'eksControlPlane'), node('ng1', 'managedNodeGroup'), node('ng2', 'managedNodeGroup'), node('w', 'workload')],
      [edge('j1', 'joins', 'ng1', 'cp1'), edge('j2', 'joins', 'ng2', 'cp2'), edge('r1', 'runsOn', 'w', 'ng1')],
    );
    const refusal = expectRefused(inferConnection(d, 'w', 'ng2'));
    expect(reportedAfterAppending(d, edge('r2', 'runsOn', 'w', 'ng2'))?.reason.en).toBe(refusal.en);
  });
});
