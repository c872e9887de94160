import { getKind } from '../catalog/registry';
import type { DiagramDocument, Lang, PresentationStep, Text } from '../model/types';

/**
 * Editing presentation steps as pure functions: each takes the current list and
 * returns the next one (or the same array when nothing changes), for the
 * `setPresentationSteps` command. The step editor never mutates steps itself.
 */

export type Steps = readonly PresentationStep[];

/** `s1`, `s2`, ...: the lowest free number. Step ids are their own namespace. */
export function freshStepId(steps: Steps): string {
  const taken = new Set(steps.map((s) => s.id));
  for (let i = 1; ; i++) if (!taken.has(`s${i}`)) return `s${i}`;
}

export interface StepSelection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

/** A new step at the end revealing `selection`; `title` names it. */
export function addStep(steps: Steps, selection: StepSelection, title: string): { steps: PresentationStep[]; id: string } {
  const id = freshStepId(steps);
  return { steps: [...steps, { id, title, nodes: [...new Set(selection.nodes)], edges: [...new Set(selection.edges)] }], id };
}

function update(steps: Steps, id: string, change: (s: PresentationStep) => PresentationStep): Steps {
  let changed = false;
  const next = steps.map((s) => {
    if (s.id !== id) return s;
    const out = change(s);
    if (out !== s) changed = true;
    return out;
  });
  return changed ? next : steps;
}

export function renameStep(steps: Steps, id: string, title: string): Steps {
  return update(steps, id, (s) => (s.title === title ? s : { ...s, title }));
}

/** Moves a step by `delta` places (−1 earlier, +1 later), within bounds. */
export function moveStep(steps: Steps, id: string, delta: number): Steps {
  const from = steps.findIndex((s) => s.id === id);
  const to = Math.min(Math.max(from + delta, 0), steps.length - 1);
  if (from < 0 || to === from) return steps;
  const next = [...steps];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as PresentationStep);
  return next;
}

export function deleteStep(steps: Steps, id: string): Steps {
  return steps.some((s) => s.id === id) ? steps.filter((s) => s.id !== id) : steps;
}

/**
 * Adds the selection to a step. A component belongs to one step at most (it
 * appears once), so it leaves any other step it was in.
 */
export function addToStep(steps: Steps, id: string, selection: StepSelection): Steps {
  if (!steps.some((s) => s.id === id)) return steps;
  const nodes = new Set(selection.nodes);
  const edges = new Set(selection.edges);
  let changed = false;
  const next = steps.map((s) => {
    if (s.id === id) {
      const addNodes = [...nodes].filter((n) => !s.nodes.includes(n));
      const addEdges = [...edges].filter((e) => !s.edges.includes(e));
      if (addNodes.length + addEdges.length === 0) return s;
      changed = true;
      return { ...s, nodes: [...s.nodes, ...addNodes], edges: [...s.edges, ...addEdges] };
    }
    if (!s.nodes.some((n) => nodes.has(n)) && !s.edges.some((e) => edges.has(e))) return s;
    changed = true;
    return { ...s, nodes: s.nodes.filter((n) => !nodes.has(n)), edges: s.edges.filter((e) => !edges.has(e)) };
  });
  return changed ? next : steps;
}

export function removeFromStep(steps: Steps, id: string, selection: StepSelection): Steps {
  const nodes = new Set(selection.nodes);
  const edges = new Set(selection.edges);
  return update(steps, id, (s) =>
    s.nodes.some((n) => nodes.has(n)) || s.edges.some((e) => edges.has(e))
      ? { ...s, nodes: s.nodes.filter((n) => !nodes.has(n)), edges: s.edges.filter((e) => !edges.has(e)) }
      : s,
  );
}

/** Node and edge ids that no step names: the context shown from the start. */
export function unstepped(doc: Pick<DiagramDocument, 'nodes' | 'presentation'>): string[] {
  const named = new Set(doc.presentation.steps.flatMap((s) => s.nodes));
  return doc.nodes.filter((n) => !named.has(n.id)).map((n) => n.id);
}

// ---------------------------------------------------------------------------
// Steps by layer

interface Layer {
  readonly title: Text;
  readonly kinds: readonly string[];
}

/**
 * The default teaching order, outside in: where things live, the managed
 * control plane, the network inside the VPC, the data plane, what runs on it,
 * how traffic reaches it, and what it depends on.
 */
export const LAYERS: readonly Layer[] = [
  {
    title: { en: 'Accounts and VPC', ja: 'アカウントと VPC' },
    kinds: ['awsManagedAccount', 'customerAccount', 'internet', 'onPremises', 'vpc', 'availabilityZone'],
  },
  { title: { en: 'Control plane', ja: 'コントロールプレーン' }, kinds: ['eksControlPlane', 'clusterEni', 'kubectlClient'] },
  {
    title: { en: 'Subnets and gateways', ja: 'サブネットとゲートウェイ' },
    kinds: ['subnet', 'internetGateway', 'natGateway', 'vpcEndpoint', 'transitGateway', 'virtualPrivateGateway', 'hybridLink', 'vpcPeering'],
  },
  {
    title: { en: 'Compute (data plane)', ja: 'コンピューティング（データプレーン）' },
    kinds: ['managedNodeGroup', 'selfManagedNodeGroup', 'karpenterNodePool', 'fargateProfile', 'hybridNodePool'],
  },
  { title: { en: 'Workloads', ja: 'ワークロード' }, kinds: ['k8sNamespace', 'workload', 'k8sService', 'persistentVolume', 'hpa'] },
  {
    title: { en: 'Load balancers and entry points', ja: 'ロードバランサーと入口' },
    kinds: ['endUser', 'applicationLoadBalancer', 'networkLoadBalancer', 'classicLoadBalancer', 'ingress', 'apiGateway', 'vpcLink', 'acmCertificate'],
  },
  {
    title: { en: 'Add-ons, IAM and AWS services', ja: 'アドオン・IAM・AWS サービス' },
    kinds: ['addon', 'iamRole', 'securityGroup', 'kmsKey', 'secretsManagerSecret', 'ecrRepository', 'cloudWatch', 'cloudMapNamespace', 'awsService'],
  },
];

const OTHER: Text = { en: 'Everything else', ja: 'その他' };

const layerOfKind = new Map<string, number>(LAYERS.flatMap((l, i) => l.kinds.map((k) => [k, i] as const)));

/** The layer index of a kind; kinds of no layer (and unknown kinds) come last. */
export function layerOf(kind: string): number {
  return layerOfKind.get(kind) ?? (getKind(kind) ? LAYERS.length - 1 : LAYERS.length);
}

/**
 * A proposed step order for the whole diagram, one step per layer present,
 * titled in `lang`. A node never comes before the container it sits in (an ENI
 * in a subnet comes with the subnets), so no step reveals a container early.
 */
export function stepsByLayer(doc: Pick<DiagramDocument, 'nodes'>, lang: Lang): PresentationStep[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const layer = new Map<string, number>();
  const layerFor = (id: string, seen: Set<string> = new Set()): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id);
    if (!n || seen.has(id)) return 0;
    seen.add(id);
    const own = layerOf(n.kind);
    const value = n.parent !== null && byId.has(n.parent) ? Math.max(own, layerFor(n.parent, seen)) : own;
    layer.set(id, value);
    return value;
  };
  const groups = new Map<number, string[]>();
  for (const n of doc.nodes) {
    const l = layerFor(n.id);
    const list = groups.get(l);
    if (list) list.push(n.id);
    else groups.set(l, [n.id]);
  }
  return [...groups.keys()]
    .sort((a, b) => a - b)
    .map((l, i) => ({ id: `s${i + 1}`, title: (LAYERS[l]?.title ?? OTHER)[lang], nodes: groups.get(l) as string[], edges: [] }));
}
