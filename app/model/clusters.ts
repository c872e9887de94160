import { COMPUTE_SET, K8S_SET, LBS_SET } from '../catalog/sets';
import type { DiagramDocument, DiagramEdge, DiagramNode } from './types';

/**
 * An indexed, read-only view of a document, and cluster membership
 * (components.md §7.6) on top of it.
 *
 * Every predicate of §7 walks containment and edges by kind; the index answers
 * those walks from maps so that a full rule run stays linear in the size of
 * the document (files may hold 20,000 nodes). Build it once per document
 * version and share it; it never changes after construction (the cluster
 * memo attached to it is invisible to callers).
 */

export interface DocumentIndex {
  readonly doc: DiagramDocument;
  readonly nodes: ReadonlyMap<string, DiagramNode>;
  /** The indexed edges, in array order: only those whose two ends exist. */
  readonly edges: readonly DiagramEdge[];
  readonly edgesById: ReadonlyMap<string, DiagramEdge>;
  /** Children of each node, in document order; `null` holds the root's children. */
  readonly children: ReadonlyMap<string | null, readonly DiagramNode[]>;
  /** Nodes of each kind, in document order. */
  readonly byKind: ReadonlyMap<string, readonly DiagramNode[]>;
  /** node id → edge kind → outgoing edges, in array order. */
  readonly outEdges: ReadonlyMap<string, ReadonlyMap<string, readonly DiagramEdge[]>>;
  /** node id → edge kind → incoming edges, in array order. */
  readonly inEdges: ReadonlyMap<string, ReadonlyMap<string, readonly DiagramEdge[]>>;
}

const NONE: readonly never[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pushByKind(map: Map<string, Map<string, DiagramEdge[]>>, nodeId: string, edge: DiagramEdge): void {
  let byKind = map.get(nodeId);
  if (!byKind) {
    byKind = new Map();
    map.set(nodeId, byKind);
  }
  push(byKind, edge.kind, edge);
}

/**
 * Index a document. `edges` defaults to all of the document's edges; the rule
 * engine passes only the edges CONN-001 accepts, since reported edges are
 * invisible to every predicate (§6.2). Edges with a missing end are left out.
 * Nodes of unknown kind are indexed like any other: no predicate asks for
 * their kinds, so they are inert.
 */
export function indexDocument(doc: DiagramDocument, edges: readonly DiagramEdge[] = doc.edges): DocumentIndex {
  const nodes = new Map<string, DiagramNode>();
  const children = new Map<string | null, DiagramNode[]>();
  const byKind = new Map<string, DiagramNode[]>();
  for (const n of doc.nodes) {
    nodes.set(n.id, n);
    push(byKind, n.kind, n);
  }
  // A parent that does not exist reads as root, as the loader repairs it (format.md).
  for (const n of doc.nodes) push(children, n.parent !== null && nodes.has(n.parent) ? n.parent : null, n);
  const outEdges = new Map<string, Map<string, DiagramEdge[]>>();
  const inEdges = new Map<string, Map<string, DiagramEdge[]>>();
  const kept: DiagramEdge[] = [];
  const edgesById = new Map<string, DiagramEdge>();
  for (const e of edges) {
    if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
    kept.push(e);
    edgesById.set(e.id, e);
    pushByKind(outEdges, e.source, e);
    pushByKind(inEdges, e.target, e);
  }
  return { doc, nodes, edges: kept, edgesById, children, byKind, outEdges, inEdges };
}

// ---------------------------------------------------------------------------
// Small walks (§7.1)

export function getNode(ix: DocumentIndex, id: string): DiagramNode | undefined {
  return ix.nodes.get(id);
}

/** `parent(x)`: the parent node, or undefined at root. */
export function parentOf(ix: DocumentIndex, id: string): DiagramNode | undefined {
  const parent = ix.nodes.get(id)?.parent;
  return parent === null || parent === undefined ? undefined : ix.nodes.get(parent);
}

export function childrenOf(ix: DocumentIndex, id: string | null): readonly DiagramNode[] {
  return ix.children.get(id) ?? NONE;
}

export function nodesOfKind(ix: DocumentIndex, kind: string): readonly DiagramNode[] {
  return ix.byKind.get(kind) ?? NONE;
}

export function outEdgesOf(ix: DocumentIndex, id: string, kind: string): readonly DiagramEdge[] {
  return ix.outEdges.get(id)?.get(kind) ?? NONE;
}

export function inEdgesOf(ix: DocumentIndex, id: string, kind: string): readonly DiagramEdge[] {
  return ix.inEdges.get(id)?.get(kind) ?? NONE;
}

/** `out(x, k)`: the targets of x's outgoing edges of kind k, in edge order. */
export function outNodes(ix: DocumentIndex, id: string, kind: string): DiagramNode[] {
  return outEdgesOf(ix, id, kind).map((e) => ix.nodes.get(e.target) as DiagramNode);
}

/** `in(x, k)`: the sources of x's incoming edges of kind k, in edge order. */
export function inNodes(ix: DocumentIndex, id: string, kind: string): DiagramNode[] {
  return inEdgesOf(ix, id, kind).map((e) => ix.nodes.get(e.source) as DiagramNode);
}

/** `up(x, K)`: the nearest proper ancestor whose kind is in K. Guards against parent cycles. */
export function up(ix: DocumentIndex, id: string, kinds: ReadonlySet<string>): DiagramNode | undefined {
  const seen = new Set<string>([id]);
  let cur = parentOf(ix, id);
  while (cur && !seen.has(cur.id)) {
    if (kinds.has(cur.kind)) return cur;
    seen.add(cur.id);
    cur = parentOf(ix, cur.id);
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Clusters (§7.6)

/** The one implicit cluster ⊙ of a diagram without control planes. */
export const IMPLICIT_CLUSTER: unique symbol = Symbol('kumozu.implicitCluster');

/**
 * A cluster: the id of its eksControlPlane node, or ⊙. A symbol rather than a
 * reserved string, so it can never collide with a node id; it works as a Map
 * key and compares with `===`.
 */
export type ClusterRef = string | typeof IMPLICIT_CLUSTER;

/** An edge to leave out while resolving (see `clusterOf`). */
export interface EdgeRef {
  readonly id: string;
  readonly kind: string;
}

/** Edge kinds that clusterOf reads; leaving out any other edge changes nothing. */
const CLUSTER_EDGE_KINDS: ReadonlySet<string> = new Set(['joins', 'eniAttachment', 'belongsTo', 'runsOn', 'provisions']);

/**
 * What runsOn(x) says about x's cluster: `empty` (runs on nothing drawn),
 * `one` cluster, `conflict` (two or more), or `unknown` (its compute is
 * itself unresolved).
 */
type RunsOnCluster =
  | { readonly tag: 'empty' }
  | { readonly tag: 'one'; readonly cluster: ClusterRef }
  | { readonly tag: 'conflict' }
  | { readonly tag: 'unknown' };

/**
 * The runsOn verdicts of a namespace box's objects, counted, so that the
 * namespace's cluster without one object's edge is O(1) to recompute.
 */
interface NamespaceTally {
  readonly clusters: Map<ClusterRef, number>;
  /** Objects whose runsOn is `conflict` or `unknown`. */
  blocked: number;
}

interface Resolver {
  readonly ix: DocumentIndex;
  /** Id of an edge treated as absent, or null. */
  readonly skip: string | null;
  readonly memo: Map<string, ClusterRef | null>;
  readonly runsOnMemo: Map<string, RunsOnCluster>;
  readonly tallyMemo: Map<string, NamespaceTally>;
}

function newResolver(ix: DocumentIndex, skip: string | null): Resolver {
  return { ix, skip, memo: new Map(), runsOnMemo: new Map(), tallyMemo: new Map() };
}

/** The shared memo for plain lookups; a WeakMap keeps the index itself a plain object. */
const resolvers = new WeakMap<DocumentIndex, Resolver>();

function sharedResolver(ix: DocumentIndex): Resolver {
  let r = resolvers.get(ix);
  if (!r) {
    r = newResolver(ix, null);
    resolvers.set(ix, r);
  }
  return r;
}

/**
 * `clusterOf(x)` of §7.6: a control plane id, IMPLICIT_CLUSTER, or null when
 * unresolved (or the node does not exist).
 *
 * - No control plane: every node is in ⊙.
 * - One: every node is in it (the connecting edges are optional).
 * - Several: resolved per kind from `joins`, `eniAttachment`, `belongsTo`,
 *   `runsOn` and `provisions`; kinds §7.6 does not name are unresolved, except
 *   that a control plane is its own cluster.
 *
 * `without` treats one indexed edge as absent. CONN-001 (g) needs it: a
 * `runsOn` edge must be judged against the cluster its pod has *without* that
 * edge, or the edge would vouch for itself; and that is exactly what drawing
 * the same edge sees, since a candidate is not in the document yet.
 *
 * Cost: amortised O(1) (memoised on the index). With `without`: O(1) for the
 * case CONN-001 asks (the source of a `runsOn` edge), otherwise proportional
 * to the node's neighbourhood.
 */
export function clusterOf(ix: DocumentIndex, nodeId: string, without?: EdgeRef): ClusterRef | null {
  const node = ix.nodes.get(nodeId);
  if (!node) return null;
  const cps = nodesOfKind(ix, 'eksControlPlane');
  if (cps.length === 0) return IMPLICIT_CLUSTER;
  if (cps.length === 1) return (cps[0] as DiagramNode).id;
  const shared = sharedResolver(ix);
  const skipped = without && CLUSTER_EDGE_KINDS.has(without.kind) ? ix.edgesById.get(without.id) : undefined;
  if (!skipped || (skipped.kind === 'runsOn' && !K8S_SET.has(node.kind) && node.kind !== 'k8sNamespace' && !LBS_SET.has(node.kind))) {
    // Nothing skipped, or a runsOn edge, which only pods, namespaces and LBs read.
    return resolve(shared, node);
  }
  if (skipped.kind === 'runsOn' && skipped.source === node.id) return podClusterWithout(shared, node, skipped.id);
  return resolve(newResolver(ix, skipped.id), node);
}

/** The control planes of the document, in document order. */
export function controlPlanes(ix: DocumentIndex): readonly DiagramNode[] {
  return nodesOfKind(ix, 'eksControlPlane');
}

/**
 * `runsOn(x)` of §7.5 for x ∈ K8S: the parent if it is compute, then the
 * compute targets of x's `runsOn` edges, without repeats.
 */
export function runsOnOf(ix: DocumentIndex, id: string): DiagramNode[] {
  return runsOnVia(ix, id, null);
}

function runsOnVia(ix: DocumentIndex, id: string, skip: string | null): DiagramNode[] {
  const out: DiagramNode[] = [];
  const parent = parentOf(ix, id);
  if (parent && COMPUTE_SET.has(parent.kind)) out.push(parent);
  for (const e of outEdgesOf(ix, id, 'runsOn')) {
    if (e.id === skip) continue;
    const target = ix.nodes.get(e.target);
    if (target && COMPUTE_SET.has(target.kind) && !out.includes(target)) out.push(target);
  }
  return out;
}

function resolve(r: Resolver, node: DiagramNode): ClusterRef | null {
  if (r.memo.has(node.id)) return r.memo.get(node.id) ?? null;
  const result = resolveUncached(r, node);
  r.memo.set(node.id, result);
  return result;
}

function resolveUncached(r: Resolver, node: DiagramNode): ClusterRef | null {
  if (node.kind === 'eksControlPlane') return node.id;
  if (COMPUTE_SET.has(node.kind)) return firstControlPlane(r, outEdgesOf(r.ix, node.id, 'joins'), 'target');
  if (node.kind === 'clusterEni') return firstControlPlane(r, inEdgesOf(r.ix, node.id, 'eniAttachment'), 'source');
  if (node.kind === 'k8sNamespace') return namespaceCluster(r, node);
  if (K8S_SET.has(node.kind)) return podCluster(r, node, runsOnCluster(r, node));
  if (LBS_SET.has(node.kind)) return loadBalancerCluster(r, node);
  return null;
}

/**
 * The control plane at the given end of the first edge (array order), the
 * one §5.2 keeps when a limit of one is broken.
 */
function firstControlPlane(r: Resolver, edges: readonly DiagramEdge[], end: 'source' | 'target'): string | null {
  for (const e of edges) {
    if (e.id === r.skip) continue;
    const other = r.ix.nodes.get(e[end]);
    if (other?.kind === 'eksControlPlane') return other.id;
  }
  return null;
}

function runsOnCluster(r: Resolver, x: DiagramNode): RunsOnCluster {
  const cached = r.runsOnMemo.get(x.id);
  if (cached) return cached;
  const result = runsOnClusterVia(r, x, r.skip);
  r.runsOnMemo.set(x.id, result);
  return result;
}

function runsOnClusterVia(r: Resolver, x: DiagramNode, skip: string | null): RunsOnCluster {
  const compute = runsOnVia(r.ix, x.id, skip);
  if (compute.length === 0) return { tag: 'empty' };
  const clusters = new Set<ClusterRef>();
  for (const c of compute) {
    const cluster = resolve(r, c);
    if (cluster !== null) clusters.add(cluster);
  }
  if (clusters.size === 0) return { tag: 'unknown' };
  if (clusters.size > 1) return { tag: 'conflict' };
  return { tag: 'one', cluster: [...clusters][0] as ClusterRef };
}

/**
 * A K8S object: the single cluster of its compute; on a conflict, unresolved
 * (§7.6 names the offending `runsOn` edges CONN-001); with no resolved
 * compute, its namespace box's cluster.
 */
function podCluster(r: Resolver, x: DiagramNode, own: RunsOnCluster): ClusterRef | null {
  if (own.tag === 'one') return own.cluster;
  if (own.tag === 'conflict') return null;
  const parent = parentOf(r.ix, x.id);
  return parent?.kind === 'k8sNamespace' ? resolve(r, parent) : null;
}

/**
 * clusterOf(x) with one of x's own runsOn edges left out, in O(|runsOn(x)|):
 * x's verdict is recomputed and swapped into its namespace's tally; no other
 * node's answer depends on that edge along this path.
 */
function podClusterWithout(shared: Resolver, x: DiagramNode, skip: string): ClusterRef | null {
  const own = runsOnClusterVia(shared, x, skip);
  if (own.tag === 'one' || own.tag === 'conflict') return podCluster(shared, x, own);
  const n = parentOf(shared.ix, x.id);
  if (n?.kind !== 'k8sNamespace') return null;
  const declared = firstControlPlane(shared, outEdgesOf(shared.ix, n.id, 'belongsTo'), 'target');
  if (declared !== null) return declared;
  const tally = cloneTally(namespaceTally(shared, n));
  count(tally, runsOnCluster(shared, x), -1);
  count(tally, own, 1);
  return verdict(tally);
}

/**
 * A namespace box: its `belongsTo` target; else the one cluster that all its
 * objects with a non-empty runsOn resolve to. Objects whose compute is itself
 * unresolved, or split across clusters, leave the namespace unresolved:
 * cluster-scoped rules then skip it rather than guess.
 */
function namespaceCluster(r: Resolver, n: DiagramNode): ClusterRef | null {
  const declared = firstControlPlane(r, outEdgesOf(r.ix, n.id, 'belongsTo'), 'target');
  return declared ?? verdict(namespaceTally(r, n));
}

function namespaceTally(r: Resolver, n: DiagramNode): NamespaceTally {
  const cached = r.tallyMemo.get(n.id);
  if (cached) return cached;
  const tally: NamespaceTally = { clusters: new Map(), blocked: 0 };
  for (const x of childrenOf(r.ix, n.id)) if (K8S_SET.has(x.kind)) count(tally, runsOnCluster(r, x), 1);
  r.tallyMemo.set(n.id, tally);
  return tally;
}

function count(tally: NamespaceTally, v: RunsOnCluster, delta: 1 | -1): void {
  if (v.tag === 'empty') return;
  if (v.tag !== 'one') {
    tally.blocked += delta;
    return;
  }
  const next = (tally.clusters.get(v.cluster) ?? 0) + delta;
  if (next === 0) tally.clusters.delete(v.cluster);
  else tally.clusters.set(v.cluster, next);
}

function cloneTally(t: NamespaceTally): NamespaceTally {
  return { clusters: new Map(t.clusters), blocked: t.blocked };
}

function verdict(t: NamespaceTally): ClusterRef | null {
  if (t.blocked > 0 || t.clusters.size !== 1) return null;
  return [...t.clusters.keys()][0] as ClusterRef;
}

/** A load balancer: the cluster of its owners (`provisions` sources) when all of them resolve to the same one. */
function loadBalancerCluster(r: Resolver, lb: DiagramNode): ClusterRef | null {
  let found: ClusterRef | null = null;
  for (const e of inEdgesOf(r.ix, lb.id, 'provisions')) {
    if (e.id === r.skip) continue;
    const owner = r.ix.nodes.get(e.source);
    const cluster = owner ? resolve(r, owner) : null;
    if (cluster === null || (found !== null && found !== cluster)) return null;
    found = cluster;
  }
  return found;
}
