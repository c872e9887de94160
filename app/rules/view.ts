import { checkDocumentEdges, type EdgeCheck } from '../catalog/inference';
import { isValidPropValue } from '../catalog/props';
import { isKnownKind, propSpec } from '../catalog/registry';
import { COMPUTE_SET, EC2_SET, LBS_SET, PODS_SET, VPC_COMPUTE_SET } from '../catalog/sets';
import {
  clusterOf as resolveCluster,
  IMPLICIT_CLUSTER,
  indexDocument,
  inEdgesOf,
  nodesOfKind,
  outEdgesOf,
  runsOnOf,
  up as upIndex,
  type ClusterRef,
  type DocumentIndex,
} from '../model/clusters';
import type { DiagramDocument, DiagramEdge, DiagramNode, Json, Text } from '../model/types';
import { nameOf } from './text';
import { defaultConnectionProps } from '../catalog/connections';
import { parseCidr } from '../catalog/props';

/**
 * The indexed view of a document that every rule reads (components.md §7).
 *
 * Built once per check: nodes of unknown kind and the edges CONN-001 reports
 * are dropped here, so no rule can see them by accident (rules.md,
 * "Evaluation"). Every predicate is memoised on the view and answered from
 * maps, never by scanning the document, so that a full check stays roughly
 * linear in the size of the document.
 *
 * Predicates take nodes (not ids) because rules always hold the node already;
 * "⊥" of the spec is `undefined` for nodes and `null` for values.
 */

export type { ClusterRef } from '../model/clusters';
export { IMPLICIT_CLUSTER } from '../model/clusters';

type Kinds = ReadonlySet<string>;

const NO_NODES: readonly DiagramNode[] = [];
const VPC: Kinds = new Set(['vpc']);
const AZ: Kinds = new Set(['availabilityZone']);
const ACCOUNTS: Kinds = new Set(['customerAccount', 'awsManagedAccount']);
const NODE_GROUPS: Kinds = new Set(['managedNodeGroup', 'selfManagedNodeGroup']);
const GATEWAYS: Kinds = new Set(['transitGateway', 'virtualPrivateGateway']);
const NO_EGRESS_SERVICES: ReadonlySet<string> = new Set();

/** The implicit customer account of §1.4, for nodes without an account box. */
export const IMPLICIT_ACCOUNT = 'implicit' as const;
export type Account = DiagramNode | typeof IMPLICIT_ACCOUNT;

/**
 * What a memoised answer was computed from, when the view tracks reads (see
 * `RuleView.tracking`): the read keys, or null when it read nothing that can
 * change without a structural edit.
 */
interface Tracked<T> {
  readonly value: T;
  readonly deps: ReadonlySet<string> | null;
}

/**
 * The key of a read the incremental checker (engine.ts) watches: a prop of
 * any node of a kind (`kind NUL prop`; per kind, so that the key sets stay
 * small however many nodes a rule reads), the label of one node
 * (`id NUL #label`; labels are only read to name nodes in messages), or a
 * whole-view input (`#edgeCheck`, `#doc`).
 */
export function readKey(scope: string, what: string): string {
  return `${scope}\u0000${what}`;
}
export const LABEL = '#label';
export const EDGE_CHECK_KEY = '#edgeCheck';
export const DOC_KEY = '#doc';

/** Unique nodes, first occurrence kept, order preserved. */
export function uniq(nodes: Iterable<DiagramNode>): DiagramNode[] {
  const seen = new Set<string>();
  const out: DiagramNode[] = [];
  for (const n of nodes) {
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    out.push(n);
  }
  return out;
}

/**
 * `*` matches any run of characters and `?` one character, as Fargate
 * selectors do; everything else is literal.
 */
function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

interface Selector {
  readonly namespace: RegExp;
  readonly pairs: readonly { readonly key: RegExp; readonly value: RegExp }[];
}

function parseSelector(entry: string): Selector {
  const colon = entry.indexOf(':');
  const ns = colon < 0 ? entry : entry.slice(0, colon);
  const rest = colon < 0 ? '' : entry.slice(colon + 1);
  const pairs = rest
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const key = eq < 0 ? p : p.slice(0, eq);
      const value = eq < 0 ? '' : p.slice(eq + 1);
      return { key: globToRegExp(key.trim()), value: globToRegExp(value.trim()) };
    });
  return { namespace: globToRegExp(ns.trim()), pairs };
}

function splitLabel(label: string): readonly [string, string] {
  const eq = label.indexOf('=');
  return eq < 0 ? [label.trim(), ''] : [label.slice(0, eq).trim(), label.slice(eq + 1).trim()];
}

export interface ViewOptions {
  /**
   * `checkDocumentEdges(doc)`, when the caller already has it (the
   * incremental checker reuses it across edits that cannot change it).
   */
  readonly edgeCheck?: EdgeCheck;
  /** Record what each rule reads (see `tracking`); off for a plain check, which then pays nothing for it. */
  readonly track?: boolean;
}

export class RuleView {
  private document: DiagramDocument;
  private edges: EdgeCheck;
  /**
   * Nodes changed by `patch` since the view was built, by id: the indexes and
   * memos keep the objects they were built with (same ids, kinds, parents),
   * and every read of content goes through `cur` to the current version.
   */
  private current: Map<string, DiagramNode> | null = null;
  /** Known-kind nodes and accepted edges only. */
  readonly ix: DocumentIndex;
  /** Every node of the document by id, unknown kinds included (placement needs the raw parent). */
  private readonly raw: ReadonlyMap<string, DiagramNode>;
  private readonly memos = new Map<string, Map<string, unknown>>();
  /**
   * Read tracking for the incremental checker: while on, every read of a
   * node's props or label, and of the whole-view inputs, is recorded as a key
   * (`readKey`) in the innermost open frame. A memoised answer keeps the keys
   * it was computed from and adds them to whoever reuses it, so a rule's frame
   * holds everything its result depends on beyond the document's structure
   * (ids, kinds, parents, edges), however the work was shared between rules.
   */
  readonly tracking: boolean;
  private readonly frames: Set<string>[] = [];

  constructor(doc: DiagramDocument, options: ViewOptions = {}) {
    this.document = doc;
    this.tracking = options.track === true;
    this.raw = new Map(doc.nodes.map((n) => [n.id, n]));
    this.edges = options.edgeCheck ?? checkDocumentEdges(doc);
    // Edges CONN-001 accepts always have two known-kind ends, so dropping
    // unknown nodes leaves no dangling edge behind.
    const known = doc.nodes.filter((n) => isKnownKind(n.kind));
    this.ix = indexDocument({ ...doc, nodes: known }, this.edges.valid);
  }

  /** The document as given (unknown kinds and reported edges included). Reading it depends on everything in it. */
  get doc(): DiagramDocument {
    this.read(DOC_KEY);
    return this.document;
  }

  /** What CONN-001 found; its `valid` edges are the ones indexed here. */
  get edgeCheck(): EdgeCheck {
    this.read(EDGE_CHECK_KEY);
    return this.edges;
  }

  /** Every edge of the document, reported ones included (structure only: ids, kinds and ends). */
  get allEdges(): readonly DiagramEdge[] {
    return this.document.edges;
  }

  /** A node of the document by id, unknown kinds included (its id, kind and parent: structure only). */
  anyNode(id: string): DiagramNode | undefined {
    return this.raw.get(id);
  }

  // -------------------------------------------------------------------------
  // Read tracking and patching

  /** The current version of a node (see `current`). */
  private cur(x: DiagramNode): DiagramNode {
    return this.current?.get(x.id) ?? x;
  }

  /**
   * Brings a tracking view up to date with an edit that changed only props
   * and labels (the incremental checker's `diffForCheck` decides that): the
   * changed nodes are read from now on in their new version, and every
   * memoised answer that read one of `keys` is dropped. What stays was
   * computed from structure and unchanged values only, so it is what a fresh
   * view of `doc` would compute.
   */
  patch(doc: DiagramDocument, changed: readonly DiagramNode[], keys: ReadonlySet<string>, edgeCheck: EdgeCheck): void {
    if (!this.tracking) throw new Error('only a tracking view can be patched');
    this.document = doc;
    this.edges = edgeCheck;
    if (changed.length > 0) {
      this.current ??= new Map();
      for (const n of changed) this.current.set(n.id, n);
    }
    this.dryMemo = new WeakMap();
    for (const table of this.memos.values()) {
      for (const [id, entry] of table as Map<string, Tracked<unknown>>) {
        const deps = entry.deps;
        if (deps === null) continue;
        for (const k of keys) {
          if (deps.has(k)) {
            table.delete(id);
            break;
          }
        }
      }
    }
  }

  private read(key: string): void {
    if (this.tracking) this.frames[this.frames.length - 1]?.add(key);
  }

  private merge(deps: ReadonlySet<string> | null): void {
    const top = this.frames[this.frames.length - 1];
    if (deps && top) for (const k of deps) top.add(k);
  }

  /** Runs `compute` in a fresh frame; returns its value and what it read (also added to the enclosing frame). */
  private framed<T>(compute: () => T): Tracked<T> {
    const frame = new Set<string>();
    this.frames.push(frame);
    let value: T;
    try {
      value = compute();
    } finally {
      this.frames.pop();
    }
    const deps = frame.size > 0 ? frame : null;
    this.merge(deps);
    return { value, deps };
  }

  /** Runs a whole rule check and returns what it read (null when not tracking). */
  trackRun<T>(run: () => T): { readonly value: T; readonly deps: ReadonlySet<string> | null } {
    if (!this.tracking) return { value: run(), deps: null };
    const r = this.framed(run);
    return { value: r.value, deps: r.deps ?? new Set() };
  }

  /** Memoises a per-node (or per-key) answer in a table owned by the view. */
  private memo<T>(name: string, id: string, compute: () => T): T {
    let m = this.memos.get(name);
    if (!m) {
      m = new Map();
      this.memos.set(name, m);
    }
    if (!this.tracking) {
      const hit = m.get(id);
      if (hit !== undefined || m.has(id)) return hit as T;
      const value = compute();
      m.set(id, value);
      return value;
    }
    const hit = m.get(id) as Tracked<T> | undefined;
    if (hit) {
      this.merge(hit.deps);
      return hit.value;
    }
    const r = this.framed(compute);
    m.set(id, r);
    return r.value;
  }

  /**
   * A memo table for helpers outside the view (security-groups.ts): keep
   * answers here rather than in a cache of one's own, so that what they read
   * is tracked and `patch` drops them when it changes.
   */
  shared<T>(table: string, key: string, compute: () => T): T {
    return this.memo<T>(`\u0000shared:${table}`, key, compute);
  }

  private lazy<T>(name: string, compute: () => T): T {
    return this.memo<T>('\u0000lazy', name, compute);
  }

  // -------------------------------------------------------------------------
  // Nodes, props, containment, edges (§7.1)

  /** Known-kind nodes, in document order. */
  get nodes(): readonly DiagramNode[] {
    return this.ix.doc.nodes;
  }

  /** How a node is named in messages (its label, else its kind), 「quoted」 in Japanese. */
  name(x: DiagramNode): Text {
    if (this.tracking) this.read(readKey(x.id, LABEL));
    return nameOf(this.cur(x));
  }

  /** The label as written (rules that need the text itself, not the display name). */
  label(x: DiagramNode): string {
    if (this.tracking) this.read(readKey(x.id, LABEL));
    return this.cur(x).label;
  }

  /** The value stored for a prop, as written (undefined when missing); for rules that must tell a bad value from a missing one. */
  stored(x: DiagramNode, name: string): Json | undefined {
    if (this.tracking) this.read(readKey(x.kind, name));
    const props = this.cur(x).props;
    return Object.hasOwn(props, name) ? props[name] : undefined;
  }

  node(id: string): DiagramNode | undefined {
    return this.ix.nodes.get(id);
  }

  ofKind(kind: string): readonly DiagramNode[] {
    return nodesOfKind(this.ix, kind);
  }

  /** Nodes whose kind is in the set, in document order. */
  ofKinds(kinds: Kinds): readonly DiagramNode[] {
    const key = [...kinds].sort().join(',');
    return this.lazy(`ofKinds:${key}`, () => this.nodes.filter((n) => kinds.has(n.kind)));
  }

  /**
   * The value a rule reads (§1.2): the stored value if it fits the prop, else
   * the default. The default is shared, not copied: rules only read.
   */
  prop(node: DiagramNode, name: string): Json {
    const x = this.cur(node);
    if (this.tracking) this.read(readKey(x.kind, name));
    const stored = Object.hasOwn(x.props, name) ? x.props[name] : undefined;
    const spec = propSpec(x.kind, name);
    if (!spec) return stored ?? null;
    return stored !== undefined && isValidPropValue(spec, stored) ? stored : spec.default;
  }

  str(x: DiagramNode, name: string): string {
    const v = this.prop(x, name);
    return typeof v === 'string' ? v : '';
  }

  bool(x: DiagramNode, name: string): boolean {
    return this.prop(x, name) === true;
  }

  /** An int or int? prop; null = not stated. */
  int(x: DiagramNode, name: string): number | null {
    const v = this.prop(x, name);
    return typeof v === 'number' ? v : null;
  }

  list(x: DiagramNode, name: string): readonly string[] {
    const v = this.prop(x, name);
    return Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : [];
  }

  /** `parent(x)` among known nodes; undefined at root (or under a node of unknown kind). */
  parent(x: DiagramNode): DiagramNode | undefined {
    return x.parent === null ? undefined : this.ix.nodes.get(x.parent);
  }

  /**
   * The parent as written in the file: `undefined` at root (or when it does not
   * exist), the node itself even if its kind is unknown. Only placement reads
   * this, because §1.3 skips nodes whose parent is of unknown kind.
   */
  rawParent(x: DiagramNode): DiagramNode | undefined {
    return x.parent === null ? undefined : this.raw.get(x.parent);
  }

  up(x: DiagramNode, kinds: Kinds): DiagramNode | undefined {
    return upIndex(this.ix, x.id, kinds);
  }

  children(x: DiagramNode | null): readonly DiagramNode[] {
    return this.ix.children.get(x === null ? null : x.id) ?? NO_NODES;
  }

  outEdges(x: DiagramNode, kind: string): readonly DiagramEdge[] {
    return outEdgesOf(this.ix, x.id, kind);
  }

  inEdges(x: DiagramNode, kind: string): readonly DiagramEdge[] {
    return inEdgesOf(this.ix, x.id, kind);
  }

  /** `out(x, k)`, in edge order. */
  out(x: DiagramNode, kind: string): readonly DiagramNode[] {
    return this.outEdges(x, kind).map((e) => this.ix.nodes.get(e.target) as DiagramNode);
  }

  /** `in(x, k)`, in edge order. */
  in(x: DiagramNode, kind: string): readonly DiagramNode[] {
    return this.inEdges(x, kind).map((e) => this.ix.nodes.get(e.source) as DiagramNode);
  }

  // -------------------------------------------------------------------------
  // Place and account (§7.2)

  vpcOf(x: DiagramNode): DiagramNode | undefined {
    return this.memo<DiagramNode | undefined>('vpcOf', x.id, () => this.up(x, VPC));
  }

  accountOf(x: DiagramNode): Account {
    return this.up(x, ACCOUNTS) ?? IMPLICIT_ACCOUNT;
  }

  /** Two accounts differ only if both are customerAccount boxes and not the same box (§7.2). */
  accountsDiffer(a: Account, b: Account): boolean {
    return a !== IMPLICIT_ACCOUNT && b !== IMPLICIT_ACCOUNT && a.kind === 'customerAccount' && b.kind === 'customerAccount' && a.id !== b.id;
  }

  parentSubnet(x: DiagramNode): DiagramNode | undefined {
    const p = this.parent(x);
    return p?.kind === 'subnet' ? p : undefined;
  }

  azNode(s: DiagramNode): DiagramNode | undefined {
    return this.up(s, AZ);
  }

  /** `az(s)`: the AZ box's name (or its id), else the subnet's own az prop; null = unknown. */
  az(s: DiagramNode): string | null {
    return this.memo<string | null>('az', s.id, () => {
      const box = this.azNode(s);
      if (box) return this.str(box, 'name').trim() || box.id;
      return this.str(s, 'az').trim() || null;
    });
  }

  zoneType(s: DiagramNode): string {
    const box = this.azNode(s);
    return box ? this.str(box, 'zoneType') : 'region';
  }

  /** Distinct AZs among the subnets; a subnet of unknown AZ counts as its own (benefit of the doubt). */
  distinctAzs(subnets: readonly DiagramNode[]): number {
    const azs = new Set<string>();
    let unknown = 0;
    for (const s of uniq(subnets)) {
      const a = this.az(s);
      if (a === null) unknown++;
      else azs.add(a);
    }
    return azs.size + unknown;
  }

  /** `freeIps(s)`: availableIps if stated, else derived from the CIDR (AWS keeps 5 per subnet), else null. */
  freeIps(s: DiagramNode): number | null {
    const stated = this.int(s, 'availableIps');
    if (stated !== null) return stated;
    const c = parseCidr(this.str(s, 'cidr'));
    return c ? 2 ** (32 - c.prefix) - 5 : null;
  }

  // -------------------------------------------------------------------------
  // Subnets, egress and endpoints (§7.3)

  isPublic(s: DiagramNode): boolean {
    return this.str(s, 'tier') === 'public';
  }

  hasIgw(v: DiagramNode): boolean {
    return this.lazy('igwVpcs', () => new Set(this.ofKind('internetGateway').map((g) => g.parent))).has(v.id);
  }

  /** `natsOf(s)`: public NAT gateways in public subnets that the private subnet s routes through. */
  natsOf(s: DiagramNode): readonly DiagramNode[] {
    return this.memo<readonly DiagramNode[]>('natsOf', s.id, () => {
      if (this.isPublic(s)) return NO_NODES;
      return uniq(
        this.out(s, 'egressVia').filter((n) => {
          if (n.kind !== 'natGateway' || this.str(n, 'connectivity') !== 'public') return false;
          const home = this.parentSubnet(n);
          return home !== undefined && this.isPublic(home);
        }),
      );
    });
  }

  hasNat(s: DiagramNode): boolean {
    return this.natsOf(s).length > 0;
  }

  hasEgress(s: DiagramNode): boolean {
    return this.memo<boolean>('hasEgress', s.id, () => {
      if (this.isPublic(s) || this.hasNat(s)) return true;
      return this.outEdges(s, 'egressVia').some((e) => {
        const target = this.ix.nodes.get(e.target);
        return target !== undefined && GATEWAYS.has(target.kind) && edgeBool(e, 'internetEgress');
      });
    });
  }

  /** Tracked like the memos when the view tracks; dropped as a whole by `patch`. */
  private dryMemo = new WeakMap<readonly DiagramNode[], Tracked<readonly DiagramNode[]>>();

  /**
   * The subnets of a list without internet egress. Memoised on the list
   * itself: every unpinned pod of a cluster shares one podSubnets list, so
   * the filter runs once per cluster rather than once per pod.
   */
  withoutEgress(subnets: readonly DiagramNode[]): readonly DiagramNode[] {
    const hit = this.dryMemo.get(subnets);
    if (hit) {
      this.merge(hit.deps);
      return hit.value;
    }
    const compute = () => subnets.filter((s) => !this.hasEgress(s));
    const entry = this.tracking ? this.framed(compute) : { value: compute(), deps: null };
    this.dryMemo.set(subnets, entry);
    return entry.value;
  }

  epSubnets(e: DiagramNode): readonly DiagramNode[] {
    const home = this.parentSubnet(e);
    return uniq([...(home ? [home] : []), ...this.out(e, 'usesSubnet')]);
  }

  /** The services each VPC reaches through usable endpoints, built once. */
  private endpointServices(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.lazy('endpointServices', () => {
      const out = new Map<string, Set<string>>();
      for (const e of this.ofKind('vpcEndpoint')) {
        const v = this.vpcOf(e);
        if (!v) continue;
        const svc = this.str(e, 'service');
        const type = this.str(e, 'type');
        const usable =
          (type === 'gateway' && (svc === 's3' || svc === 'dynamodb')) ||
          (type === 'interface' && this.bool(e, 'privateDns') && this.epSubnets(e).length > 0);
        if (!usable) continue;
        const set = out.get(v.id) ?? new Set<string>();
        set.add(svc);
        out.set(v.id, set);
      }
      return out;
    });
  }

  /** `hasEp(v, svc)` for a VPC, or for a subnet through its VPC. */
  hasEp(x: DiagramNode, svc: string): boolean {
    const v = x.kind === 'vpc' ? x : this.vpcOf(x);
    if (!v) return false;
    return (this.endpointServices().get(v.id) ?? NO_EGRESS_SERVICES).has(svc);
  }

  // -------------------------------------------------------------------------
  // Compute and load balancers (§7.4)

  nodeSubnets(c: DiagramNode): readonly DiagramNode[] {
    return this.memo<readonly DiagramNode[]>('nodeSubnets', c.id, () => {
      if (!VPC_COMPUTE_SET.has(c.kind)) return NO_NODES;
      const home = this.parentSubnet(c);
      return uniq([...(home ? [home] : []), ...this.out(c, 'usesSubnet')]);
    });
  }

  zoneTypes(c: DiagramNode): ReadonlySet<string> {
    const out = new Set(this.nodeSubnets(c).map((s) => this.zoneType(s)));
    const box = this.up(c, AZ);
    if (box) out.add(this.str(box, 'zoneType'));
    return out;
  }

  lbSubnets(l: DiagramNode): readonly DiagramNode[] {
    return this.memo<readonly DiagramNode[]>('lbSubnets', l.id, () => {
      if (!LBS_SET.has(l.kind)) return NO_NODES;
      const home = this.parentSubnet(l);
      return uniq([...(home ? [home] : []), ...this.out(l, 'usesSubnet')]);
    });
  }

  /** The VPC compute whose nodeSubnets include s, in document order (the inverse of nodeSubnets, built once). */
  computeUsing(s: DiagramNode): readonly DiagramNode[] {
    const bySubnet = this.lazy('computeUsing', () => {
      const out = new Map<string, DiagramNode[]>();
      for (const c of this.ofKinds(VPC_COMPUTE_SET)) {
        for (const sub of this.nodeSubnets(c)) {
          const list = out.get(sub.id) ?? [];
          list.push(c);
          out.set(sub.id, list);
        }
      }
      return out;
    });
    return bySubnet.get(s.id) ?? NO_NODES;
  }

  /** The load balancers whose lbSubnets include s, in document order. */
  lbsUsing(s: DiagramNode): readonly DiagramNode[] {
    const bySubnet = this.lazy('lbsUsing', () => {
      const out = new Map<string, DiagramNode[]>();
      for (const l of this.ofKinds(LBS_SET)) {
        for (const sub of this.lbSubnets(l)) {
          const list = out.get(sub.id) ?? [];
          list.push(l);
          out.set(sub.id, list);
        }
      }
      return out;
    });
    return bySubnet.get(s.id) ?? NO_NODES;
  }

  owners(l: DiagramNode): readonly DiagramNode[] {
    return uniq(this.in(l, 'provisions'));
  }

  /** The owners' common value of a prop, or null when there are none or they disagree. */
  private ownersAgree(l: DiagramNode, name: string): string | null {
    const owners = this.owners(l);
    if (owners.length === 0) return null;
    const values = new Set(owners.map((o) => this.str(o, name)));
    return values.size === 1 ? ([...values][0] as string) : null;
  }

  effScheme(x: DiagramNode): string {
    if (LBS_SET.has(x.kind)) return this.ownersAgree(x, 'scheme') ?? this.str(x, 'scheme');
    return this.str(x, 'scheme');
  }

  effTargetType(x: DiagramNode): string {
    if (x.kind === 'classicLoadBalancer') return 'instance';
    if (LBS_SET.has(x.kind)) return this.ownersAgree(x, 'targetType') ?? this.str(x, 'targetType');
    return this.str(x, 'targetType');
  }

  /** `holder(x, p)`: the node a quick fix for a scheme/targetType prop must change; undefined = no quick fix. */
  holder(x: DiagramNode): DiagramNode | undefined {
    if (x.kind === 'ingress' || x.kind === 'k8sService') return x;
    if (!LBS_SET.has(x.kind)) return undefined;
    const owners = this.owners(x);
    if (owners.length === 0) return x;
    return owners.length === 1 ? owners[0] : undefined;
  }

  targetWorkloads(x: DiagramNode): readonly DiagramNode[] {
    return this.memo<readonly DiagramNode[]>('targetWorkloads', x.id, () => {
      if (x.kind === 'k8sService') return uniq(this.out(x, 'selects'));
      if (x.kind === 'ingress') return uniq(this.out(x, 'routesTo').flatMap((s) => this.targetWorkloads(s)));
      if (LBS_SET.has(x.kind)) return uniq(this.owners(x).flatMap((o) => this.targetWorkloads(o)));
      return NO_NODES;
    });
  }

  /** Overlay CNI add-ons, indexed: the compute they are pinned to, and the clusters where one runs everywhere. */
  private overlay(): { readonly compute: ReadonlySet<string>; readonly clusters: ReadonlySet<ClusterRef> } {
    return this.lazy('overlay', () => {
      const compute = new Set<string>();
      const clusters = new Set<ClusterRef>();
      for (const a of this.ofKind('addon')) {
        const type = this.str(a, 'addonType');
        if ((type !== 'cilium' && type !== 'calico') || this.str(a, 'cniMode') !== 'overlay') continue;
        const on = this.runsOn(a);
        for (const c of on) compute.add(c.id);
        const cluster = this.clusterOf(a);
        if (on.length === 0 && cluster !== null) clusters.add(cluster);
      }
      return { compute, clusters };
    });
  }

  /** `podNetwork(c)` for EC2 compute: `overlay` when an overlay CNI replaces the VPC CNI there, else `vpc`. */
  podNetwork(c: DiagramNode): 'overlay' | 'vpc' {
    const o = this.overlay();
    if (o.compute.has(c.id)) return 'overlay';
    const cluster = this.clusterOf(c);
    return cluster !== null && o.clusters.has(cluster) ? 'overlay' : 'vpc';
  }

  // -------------------------------------------------------------------------
  // Kubernetes objects (§7.5)

  runsOn(x: DiagramNode): readonly DiagramNode[] {
    return this.memo<readonly DiagramNode[]>('runsOn', x.id, () => runsOnOf(this.ix, x.id));
  }

  onKind(x: DiagramNode, kinds: Kinds): boolean {
    return this.runsOn(x).some((c) => kinds.has(c.kind));
  }

  onFargate(x: DiagramNode): boolean {
    return this.runsOn(x).some((c) => c.kind === 'fargateProfile');
  }

  /** `podsOf(c)`: workloads and add-ons whose runsOn includes c, in document order. */
  podsOf(c: DiagramNode): readonly DiagramNode[] {
    const byCompute = this.lazy('podsOf', () => {
      const out = new Map<string, DiagramNode[]>();
      for (const x of this.ofKinds(PODS_SET)) {
        for (const on of this.runsOn(x)) {
          const list = out.get(on.id) ?? [];
          list.push(x);
          out.set(on.id, list);
        }
      }
      return out;
    });
    return byCompute.get(c.id) ?? NO_NODES;
  }

  namespace(x: DiagramNode): string {
    return this.memo<string>('namespace', x.id, () => {
      const p = this.parent(x);
      return p?.kind === 'k8sNamespace' ? this.str(p, 'name') : this.str(x, 'namespace');
    });
  }

  /** x's pod labels split at the first `=`; add-ons have none. */
  private labels(x: DiagramNode): readonly (readonly [string, string])[] {
    return this.memo<readonly (readonly [string, string])[]>('labels', x.id, () =>
      x.kind === 'workload' ? this.list(x, 'labels').map(splitLabel) : [],
    );
  }

  private selectors(f: DiagramNode): readonly Selector[] {
    return this.memo<readonly Selector[]>('selectors', f.id, () => this.list(f, 'selectors').map(parseSelector));
  }

  /** Some selector of the Fargate profile matches x's namespace and labels (add-ons have no labels). */
  selectorMatches(f: DiagramNode, x: DiagramNode): boolean {
    const ns = this.namespace(x);
    const labels = this.labels(x);
    return this.selectors(f).some(
      (sel) => sel.namespace.test(ns) && sel.pairs.every((p) => labels.some(([k, v]) => p.key.test(k) && p.value.test(v))),
    );
  }

  /**
   * The Fargate profiles of a cluster that could match a namespace: those with
   * a selector naming it literally, plus those with a wildcard namespace
   * pattern. Indexed once per cluster so that matching every pod does not scan
   * every profile (a diagram may hold hundreds of both).
   */
  private fargateIndex(cluster: ClusterRef): { readonly literal: ReadonlyMap<string, readonly DiagramNode[]>; readonly wild: readonly DiagramNode[] } {
    const key = cluster === IMPLICIT_CLUSTER ? '\u0000implicit' : cluster;
    return this.memo<{ literal: Map<string, DiagramNode[]>; wild: DiagramNode[] }>('fargateIndex', key, () => {
      const literal = new Map<string, DiagramNode[]>();
      const wild: DiagramNode[] = [];
      for (const f of this.members(cluster, FARGATE)) {
        const names = new Set<string>();
        let isWild = false;
        for (const entry of this.list(f, 'selectors')) {
          const colon = entry.indexOf(':');
          const ns = (colon < 0 ? entry : entry.slice(0, colon)).trim();
          if (/[*?]/.test(ns)) isWild = true;
          else names.add(ns);
        }
        if (isWild) wild.push(f);
        else for (const ns of names) literal.set(ns, [...(literal.get(ns) ?? []), f]);
      }
      return { literal, wild };
    });
  }

  /**
   * Where x's pods could land: its runsOn, else every EC2 and hybrid member of
   * its cluster (document order) followed by the Fargate profiles whose
   * selectors match x (document order).
   */
  candidateCompute(x: DiagramNode): readonly DiagramNode[] {
    return this.memo<readonly DiagramNode[]>('candidateCompute', x.id, () => {
      const on = this.runsOn(x);
      if (on.length > 0) return on;
      const cluster = this.clusterOf(x);
      if (cluster === null) return NO_NODES;
      const fixed = this.members(cluster, CANDIDATE_FIXED);
      const fargate = this.matchingProfiles(cluster, x);
      return fargate.length === 0 ? fixed : [...fixed, ...fargate];
    });
  }

  private matchingProfiles(cluster: ClusterRef, x: DiagramNode): DiagramNode[] {
    const index = this.fargateIndex(cluster);
    const maybe = [...(index.literal.get(this.namespace(x)) ?? NO_NODES), ...index.wild];
    if (maybe.length === 0) return [];
    return this.inDocOrder(maybe.filter((f) => this.selectorMatches(f, x)));
  }

  /** The subnets of a cluster's EC2 members, shared by every pod that is not pinned (hybrid nodes have none). */
  private fixedSubnets(cluster: ClusterRef): readonly DiagramNode[] {
    const key = cluster === IMPLICIT_CLUSTER ? '\u0000implicit' : cluster;
    return this.memo<readonly DiagramNode[]>('fixedSubnets', key, () =>
      uniq(this.members(cluster, CANDIDATE_FIXED).flatMap((c) => this.nodeSubnets(c))),
    );
  }

  /** `effCred(x)`: credentialSource, except that `none` with an irsa/podIdentity role reads as that role type. */
  effCred(x: DiagramNode): string {
    const own = this.str(x, 'credentialSource');
    if (own !== 'none') return own;
    for (const r of this.out(x, 'assumes')) {
      const type = this.str(r, 'roleType');
      if (type === 'irsa' || type === 'podIdentity') return type;
    }
    return own;
  }

  hasPodExecutionRole(f: DiagramNode): boolean {
    return this.bool(f, 'podExecutionRole') || this.out(f, 'assumes').some((r) => this.str(r, 'roleType') === 'podExecution');
  }

  effLbController(s: DiagramNode): string {
    const own = this.str(s, 'lbController');
    if (own !== 'auto') return own;
    const cluster = this.clusterOf(s);
    return cluster !== null && this.hasAddon(cluster, 'aws-load-balancer-controller') ? 'aws-lbc' : 'in-tree';
  }

  /**
   * podSubnets(x) as a few shared lists whose union it is: the cluster's EC2
   * subnets (one list for every unpinned pod) and each Fargate profile's own
   * list. Rules that only ask "is any of them ..." use this to stay linear on
   * large clusters instead of building a union per pod.
   */
  podSubnetParts(x: DiagramNode): readonly (readonly DiagramNode[])[] {
    const on = this.runsOn(x);
    const perCompute = (compute: readonly DiagramNode[]): (readonly DiagramNode[])[] =>
      compute.filter((c) => VPC_COMPUTE_SET.has(c.kind)).map((c) => this.nodeSubnets(c));
    if (on.length > 0) return perCompute(on);
    const cluster = this.clusterOf(x);
    if (cluster === null) return [];
    return [this.fixedSubnets(cluster), ...perCompute(this.matchingProfiles(cluster, x))];
  }

  podSubnets(x: DiagramNode): readonly DiagramNode[] {
    return this.memo<readonly DiagramNode[]>('podSubnets', x.id, () => {
      const subnetsOf = (compute: readonly DiagramNode[]): DiagramNode[] =>
        compute.flatMap((c) => (VPC_COMPUTE_SET.has(c.kind) ? this.nodeSubnets(c) : NO_NODES));
      const on = this.runsOn(x);
      if (on.length > 0) return uniq(subnetsOf(on));
      const cluster = this.clusterOf(x);
      if (cluster === null) return NO_NODES;
      // Unpinned pods share their cluster's EC2 subnets: computed once, not once per pod.
      const fargate = this.matchingProfiles(cluster, x);
      const fixed = this.fixedSubnets(cluster);
      return fargate.length === 0 ? fixed : uniq([...fixed, ...subnetsOf(fargate)]);
    });
  }

  // -------------------------------------------------------------------------
  // Clusters (§7.6), on top of app/model/clusters.ts

  controlPlanes(): readonly DiagramNode[] {
    return this.ofKind('eksControlPlane');
  }

  /** The clusters of the diagram: each control plane, or ⊙ alone when there is none. */
  clusters(): readonly ClusterRef[] {
    const cps = this.controlPlanes();
    return cps.length === 0 ? [IMPLICIT_CLUSTER] : cps.map((c) => c.id);
  }

  /** The control plane of a cluster; undefined for ⊙ (rules reading control-plane props skip it). */
  cp(cluster: ClusterRef): DiagramNode | undefined {
    return cluster === IMPLICIT_CLUSTER ? undefined : this.node(cluster);
  }

  clusterOf(x: DiagramNode): ClusterRef | null {
    return resolveCluster(this.ix, x.id);
  }

  /** Every known node grouped by cluster and kind, in document order, built in one pass. */
  private membership(): ReadonlyMap<ClusterRef, ReadonlyMap<string, readonly DiagramNode[]>> {
    return this.lazy('membership', () => {
      const out = new Map<ClusterRef, Map<string, DiagramNode[]>>();
      for (const n of this.nodes) {
        const c = this.clusterOf(n);
        if (c === null) continue;
        let byKind = out.get(c);
        if (!byKind) {
          byKind = new Map();
          out.set(c, byKind);
        }
        const list = byKind.get(n.kind) ?? [];
        list.push(n);
        byKind.set(n.kind, list);
      }
      return out;
    });
  }

  private position(): ReadonlyMap<string, number> {
    return this.lazy('position', () => new Map(this.nodes.map((n, i) => [n.id, i])));
  }

  private inDocOrder(nodes: readonly DiagramNode[]): DiagramNode[] {
    const pos = this.position();
    return uniq(nodes).sort((a, b) => (pos.get(a.id) ?? 0) - (pos.get(b.id) ?? 0));
  }

  /** `members(C, K)`, in document order. */
  members(cluster: ClusterRef, kinds: Kinds): readonly DiagramNode[] {
    const byKind = this.membership().get(cluster);
    if (!byKind) return NO_NODES;
    const kindKey = [...kinds].sort().join(',');
    const key = `${cluster === IMPLICIT_CLUSTER ? '\u0000implicit' : cluster}\u0000${kindKey}`;
    // Memoised, so that callers get one shared list per (cluster, kinds) and never re-sort it.
    return this.memo<readonly DiagramNode[]>('members', key, () => {
      const lists = [...kinds].map((k) => byKind.get(k) ?? NO_NODES).filter((l) => l.length > 0);
      if (lists.length === 0) return NO_NODES;
      if (lists.length === 1) return lists[0] as readonly DiagramNode[];
      return this.inDocOrder(lists.flat());
    });
  }

  addonsOf(cluster: ClusterRef, type: string): readonly DiagramNode[] {
    return this.members(cluster, ADDON).filter((a) => this.str(a, 'addonType') === type);
  }

  hasAddon(cluster: ClusterRef, type: string): boolean {
    return this.addonsOf(cluster, type).length > 0;
  }

  /** `attachedEnis(cp)`: its eniAttachment targets, plus, with a single control plane, every unattached ENI. */
  attachedEnis(cp: DiagramNode): readonly DiagramNode[] {
    return this.memo<readonly DiagramNode[]>('attachedEnis', cp.id, () => {
      const own = this.out(cp, 'eniAttachment');
      if (this.controlPlanes().length !== 1) return uniq(own);
      const loose = this.ofKind('clusterEni').filter((e) => this.inEdges(e, 'eniAttachment').length === 0);
      return this.inDocOrder([...own, ...loose]);
    });
  }

  clusterSubnets(cp: DiagramNode): readonly DiagramNode[] {
    return this.memo<readonly DiagramNode[]>('clusterSubnets', cp.id, () =>
      uniq(this.attachedEnis(cp).flatMap((e) => {
        const s = this.parentSubnet(e);
        return s ? [s] : [];
      })),
    );
  }

  /** The one VPC enclosing all the given subnets, else undefined. */
  private singleVpc(subnets: readonly DiagramNode[]): DiagramNode | undefined {
    let found: DiagramNode | undefined;
    for (const s of subnets) {
      const v = this.vpcOf(s);
      if (!v || (found && found.id !== v.id)) return undefined;
      found = v;
    }
    return found;
  }

  /** `clusterVpc(C)`: from the cluster subnets if any, else from the nodeSubnets of its VPC compute. */
  clusterVpc(cluster: ClusterRef): DiagramNode | undefined {
    const key = cluster === IMPLICIT_CLUSTER ? '\u0000implicit' : cluster;
    return this.memo<DiagramNode | undefined>('clusterVpc', key, () => {
      const cp = this.cp(cluster);
      const own = cp ? this.clusterSubnets(cp) : NO_NODES;
      if (own.length > 0) return this.singleVpc(own);
      return this.singleVpc(this.members(cluster, VPC_COMPUTE_SET).flatMap((c) => this.nodeSubnets(c)));
    });
  }

  /** `caGroups(C)`: the node groups Cluster Autoscaler acts on (∅ without a cluster-autoscaler add-on). */
  caGroups(cluster: ClusterRef): readonly DiagramNode[] {
    const autoscalers = this.addonsOf(cluster, 'cluster-autoscaler');
    if (autoscalers.length === 0) return NO_NODES;
    const managed = uniq(autoscalers.flatMap((a) => this.out(a, 'manages').filter((t) => NODE_GROUPS.has(t.kind))));
    return managed.length > 0 ? managed : this.members(cluster, NODE_GROUPS);
  }

  // -------------------------------------------------------------------------
  // Connectivity (§7.7)

  /** Pairs of VPC ids joined by a peering connection or a shared transit gateway. */
  private vpcLinks(): ReadonlySet<string> {
    return this.lazy('vpcLinks', () => {
      const out = new Set<string>();
      const join = (vpcs: readonly DiagramNode[]): void => {
        for (const a of vpcs) for (const b of vpcs) if (a.id !== b.id) out.add(`${a.id}\u0000${b.id}`);
      };
      for (const p of this.ofKind('vpcPeering')) join(this.out(p, 'connects').filter((v) => v.kind === 'vpc'));
      for (const g of this.ofKind('transitGateway')) join(this.out(g, 'attaches').filter((v) => v.kind === 'vpc'));
      return out;
    });
  }

  vpcConnected(a: DiagramNode, b: DiagramNode): boolean {
    return a.id === b.id || this.vpcLinks().has(`${a.id}\u0000${b.id}`);
  }

  /** Gateways attached to v that a hybrid link joins to the on-premises network p. */
  onPremGateways(p: DiagramNode, v: DiagramNode): readonly DiagramNode[] {
    const gateways: DiagramNode[] = [];
    for (const link of this.in(p, 'connects')) {
      if (link.kind !== 'hybridLink') continue;
      for (const g of this.out(link, 'connects')) {
        if (GATEWAYS.has(g.kind) && this.out(g, 'attaches').some((x) => x.id === v.id)) gateways.push(g);
      }
    }
    return uniq(gateways);
  }

  onPremReaches(p: DiagramNode, v: DiagramNode): boolean {
    return this.onPremGateways(p, v).length > 0;
  }

  // -------------------------------------------------------------------------
  // Added for the SEC, OBS, SD, HYB and COST rules (tested in view-sec-hyb.test.ts)

  /** The hybridLinks that join the on-premises network p to a gateway in `onPremGateways(p, v)`, in edge order. */
  onPremLinks(p: DiagramNode, v: DiagramNode): readonly DiagramNode[] {
    const gateways = new Set(this.onPremGateways(p, v).map((g) => g.id));
    if (gateways.size === 0) return NO_NODES;
    return uniq(this.in(p, 'connects').filter((link) => link.kind === 'hybridLink' && this.out(link, 'connects').some((g) => gateways.has(g.id))));
  }

  /**
   * The number of distinct AZs among the subnets, counting only subnets whose
   * AZ is known: for rules that fire on a spread across AZs, where an unknown
   * AZ must not produce a finding by itself (§1.2), unlike `distinctAzs`.
   */
  knownAzs(subnets: readonly DiagramNode[]): number {
    const azs = new Set<string>();
    for (const s of subnets) {
      const a = this.az(s);
      if (a !== null) azs.add(a);
    }
    return azs.size;
  }
}

const CANDIDATE_FIXED: Kinds = new Set([...EC2_SET, 'hybridNodePool']);
const FARGATE: Kinds = new Set(['fargateProfile']);
const ADDON: Kinds = new Set(['addon']);

/** A connection prop as rules read it: the stored value if it fits, else the default. */
function edgeBool(e: DiagramEdge, name: string): boolean {
  const stored = Object.hasOwn(e.props, name) ? e.props[name] : undefined;
  if (typeof stored === 'boolean') return stored;
  return defaultConnectionProps(e.kind)[name] === true;
}

/** An egressVia destination: a valid CIDR, else null ("" or invalid = not stated, §1.2). */
export function egressDestination(e: DiagramEdge): string | null {
  const stored = Object.hasOwn(e.props, 'destination') ? e.props.destination : undefined;
  const value = stored === undefined ? defaultConnectionProps(e.kind).destination : stored;
  return typeof value === 'string' && parseCidr(value) !== null ? value : null;
}

export function isCompute(x: DiagramNode): boolean {
  return COMPUTE_SET.has(x.kind);
}

export function buildView(doc: DiagramDocument, options?: ViewOptions): RuleView {
  return new RuleView(doc, options);
}
