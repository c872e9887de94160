import { defaultProps, defaultSizeOf } from '../app/catalog/registry';
import { emptyDocument, type DiagramDocument, type DiagramEdge, type DiagramNode, type JsonObject } from '../app/model/types';

/**
 * Realistic, seeded diagrams of a given size for benchmarks and performance
 * checks: accounts, VPCs, AZs, public and private subnets, cluster ENIs,
 * compute groups holding workloads, load balancers, Services and Ingresses,
 * IAM roles (cluster, node, Pod Identity, pod execution, IRSA) assumed by
 * the control plane, compute groups and most workloads, with about 1.5
 * connections per node.
 */

function rng(seed: number): () => number {
  // mulberry32: small, fast and good enough to make runs comparable.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateDiagram(targetNodes: number, seed = 1): DiagramDocument {
  const rand = rng(seed);
  const doc = emptyDocument('en');
  doc.meta.title = `Generated ${targetNodes}-node diagram`;
  const nodes: DiagramNode[] = doc.nodes;
  const edges: DiagramEdge[] = doc.edges;
  let n = 0;
  const add = (kind: string, parent: string | null, x: number, y: number, props: JsonObject = {}, size?: { width: number; height: number }): string => {
    const id = `${kind}-${++n}`;
    const node: DiagramNode = { id, kind, label: `${kind} ${n}`, parent, position: { x, y }, props: { ...defaultProps(kind), ...props } };
    const s = size ?? (defaultSizeOf(kind).width !== 160 ? defaultSizeOf(kind) : undefined);
    if (s) node.size = s;
    nodes.push(node);
    return id;
  };
  let e = 0;
  const connect = (kind: string, source: string, target: string) => edges.push({ id: `e-${++e}`, kind, source, target, label: '', props: kind === 'egressVia' ? { destination: '0.0.0.0/0', internetEgress: false } : {} });

  const aws = add('awsManagedAccount', null, 0, 0);
  // Clusters (one customer account each) are laid out in a roughly square
  // grid, so fit view shows the whole diagram as a user would see it.
  const columns = Math.max(1, Math.round(Math.sqrt(targetNodes / 70)));
  let cluster = 0;
  while (nodes.length < targetNodes) {
    cluster++;
    const originX = 500 + ((cluster - 1) % columns) * 2400;
    const originY = Math.floor((cluster - 1) / columns) * 1600;
    const cp = add('eksControlPlane', aws, 40, 40 + ((cluster - 1) % 3) * 20, { endpointPrivateAccess: true });
    const acct = add('customerAccount', null, originX, originY, {}, { width: 2300, height: 1500 });
    const ecr = add('ecrRepository', acct, 1900, 10);
    // The IAM roles of a cluster: the control plane's, the EC2 nodes', and one
    // Pod Identity role that some workloads assume for their AWS calls.
    const clusterRole = add('iamRole', acct, 1900, 110, { roleType: 'cluster' });
    connect('assumes', cp, clusterRole);
    const nodeRole = add('iamRole', acct, 1900, 210, { roleType: 'node' });
    const podRole = add('iamRole', acct, 1900, 310, { roleType: 'podIdentity' });
    // Fargate pods run with a pod execution role and take their own permissions through IRSA.
    const executionRole = add('iamRole', acct, 1900, 410, { roleType: 'podExecution' });
    const irsaRole = add('iamRole', acct, 1900, 510, { roleType: 'irsa' });
    const vpc = add('vpc', acct, 40, 60, { cidr: `10.${cluster % 250}.0.0/16` }, { width: 2200, height: 1400 });
    add('internetGateway', vpc, 40, 60);
    for (let az = 0; az < 2 && nodes.length < targetNodes; az++) {
      const zone = add('availabilityZone', vpc, 40 + az * 1080, 160, {}, { width: 1040, height: 1200 });
      const pub = add('subnet', zone, 20, 40, { tier: 'public', elbRoleTags: ['elb'] }, { width: 1000, height: 220 });
      const priv = add('subnet', zone, 20, 290, { tier: 'private' }, { width: 1000, height: 880 });
      const nat = add('natGateway', pub, 20, 60);
      const alb = add('applicationLoadBalancer', pub, 220, 60, { scheme: 'internet-facing', targetType: 'ip' });
      connect('egressVia', priv, nat);
      const eni = add('clusterEni', priv, 20, 40);
      connect('eniAttachment', cp, eni);
      for (let g = 0; g < 2 && nodes.length < targetNodes; g++) {
        const kind = rand() < 0.7 ? 'managedNodeGroup' : 'fargateProfile';
        const group = add(kind, priv, 20 + g * 490, 140, {}, { width: 470, height: 700 });
        connect('joins', group, cp);
        const ec2 = kind === 'managedNodeGroup';
        if (ec2) {
          connect('assumes', group, nodeRole);
          // Pod Identity needs its agent on the EC2 nodes (Fargate pods would use IRSA).
          add('addon', group, 240, 590, { addonType: 'pod-identity-agent' });
        } else {
          connect('assumes', group, executionRole);
        }
        const svc = add('k8sService', group, 20, 40, { serviceType: 'ClusterIP' });
        const ing = add('ingress', group, 240, 40, { scheme: 'internet-facing', targetType: 'ip' });
        connect('routesTo', ing, svc);
        connect('provisions', ing, alb);
        for (let w = 0; w < 6 && nodes.length < targetNodes; w++) {
          const wl = add('workload', group, 20 + (w % 2) * 220, 140 + Math.floor(w / 2) * 110, { replicas: 1 + Math.floor(rand() * 5) });
          connect('selects', svc, wl);
          connect('pullsFrom', wl, ecr);
          if (rand() < 0.3) connect('callsService', wl, svc);
          if (rand() < 0.7) connect('assumes', wl, ec2 ? podRole : irsaRole);
          if (w % 3 === 0) {
            const hpa = add('hpa', group, 20 + (w % 2) * 220, 470 + Math.floor(w / 2) * 60);
            connect('scales', hpa, wl);
          }
        }
      }
    }
  }
  return doc;
}
