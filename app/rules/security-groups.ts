import { isValidPropValue, parseCidr } from '../catalog/props';
import { propSpec } from '../catalog/registry';
import { EC2_SET } from '../catalog/sets';
import type { DiagramNode, Json } from '../model/types';
import { contains, isRfc1918, overlaps } from './cidr';
import { IMPLICIT_CLUSTER, uniq, type ClusterRef, type RuleView } from './view';

/**
 * Security-group reasoning for the phase-2 rule SEC-006 (rules.md; the
 * securityGroup kind of components.md §4.7, `protectedBy` of §5.1).
 *
 * Every question here has three answers: `true` (the diagram shows the flow is
 * allowed), `false` (the diagram shows it is not) and `null` (a value it
 * depends on is not stated or does not parse). A rule fires only on `false`,
 * so that "not stated" never produces a finding by itself (§1.2).
 */

export type Tri = boolean | null;

/** Three-valued "or": true if any is true, else unknown if any is unknown. */
export function anyOf(values: Iterable<Tri>): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === null) unknown = true;
  }
  return unknown ? null : false;
}

/** Three-valued "and": false if any is false, else unknown if any is unknown. */
export function allOf(values: Iterable<Tri>): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === false) return false;
    if (v === null) unknown = true;
  }
  return unknown ? null : true;
}

// ---------------------------------------------------------------------------
// Rule records

export type Direction = 'inbound' | 'outbound';
/** The protocols a required flow uses (rules never require ICMP). */
export type FlowProtocol = 'tcp' | 'udp';

/** One required flow as seen by one side: its direction there, protocol and port. */
export interface Flow {
  readonly direction: Direction;
  readonly protocol: FlowProtocol;
  readonly port: number;
}

/** A rule record of `securityGroup.rules` (§4.7); fields are read as written. */
export interface SgRule {
  readonly direction: string;
  readonly protocol: string;
  readonly ports: string;
  readonly peer: string;
}

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

const MAX_PORT = 65535;
const SINGLE = /^\d{1,5}$/;
const SPAN = /^(\d{1,5})\s*-\s*(\d{1,5})$/;

/** `ports` of a rule: `"all"`, `"443"` or `"1025-65535"`; null when it does not parse ("" included). */
export function parsePorts(text: string): PortRange | null {
  const s = text.trim();
  if (s.toLowerCase() === 'all') return { from: 0, to: MAX_PORT };
  if (SINGLE.test(s)) {
    const p = Number(s);
    return p <= MAX_PORT ? { from: p, to: p } : null;
  }
  const m = SPAN.exec(s);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  return from <= to && to <= MAX_PORT ? { from, to } : null;
}

export function portIn(port: number, range: PortRange): boolean {
  return range.from <= port && port <= range.to;
}

/** A rule's protocol covers the flow's: the same protocol, or `all`. */
export function protocolMatches(ruleProtocol: string, protocol: FlowProtocol): boolean {
  return ruleProtocol === 'all' || ruleProtocol === protocol;
}

/**
 * The rules implied for a group with managedBy = eks (§4.7): members talk
 * freely, and all outbound traffic is allowed.
 */
export const EKS_IMPLIED_RULES: readonly SgRule[] = [
  { direction: 'inbound', protocol: 'all', ports: 'all', peer: 'self' },
  { direction: 'outbound', protocol: 'all', ports: 'all', peer: '0.0.0.0/0' },
];

export function isEksManaged(view: RuleView, g: DiagramNode): boolean {
  return view.str(g, 'managedBy') === 'eks';
}

function field(record: Json, name: string): string {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return '';
  const v = Object.hasOwn(record, name) ? record[name] : undefined;
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * The rules of a group: the implied ones for managedBy = eks; otherwise its
 * records, the default (all outbound) when the prop is missing, and null when
 * the stored value does not fit the prop. Reading an ill-formed list as the
 * default would invent missing inbound rules, so it is "not stated" here.
 */
export function rulesOf(view: RuleView, g: DiagramNode): readonly SgRule[] | null {
  if (isEksManaged(view, g)) return EKS_IMPLIED_RULES;
  const spec = propSpec(g.kind, 'rules');
  const stored = view.stored(g, 'rules');
  const value = stored === undefined ? spec?.default : stored;
  if (value === undefined || !Array.isArray(value) || (spec && !isValidPropValue(spec, value))) return null;
  return value.map((r) => ({ direction: field(r, 'direction'), protocol: field(r, 'protocol'), ports: field(r, 'ports'), peer: field(r, 'peer') }));
}

// ---------------------------------------------------------------------------
// Parties and peers

/**
 * One address block of a party: a CIDR known exactly (a subnet's), one known
 * only to enclose it (the VPC's block, when the subnet's is not stated), or
 * null when nothing is known.
 */
export type Block = { readonly cidr: string; readonly exact: boolean } | null;

/** One end of a flow: the ids of the groups it belongs to, and its address blocks (never empty). */
export interface Party {
  readonly groups: ReadonlySet<string>;
  readonly blocks: readonly Block[];
}

/** The whole IPv4 internet, as the destination of the nodes' outbound HTTPS. */
export const INTERNET: Party = { groups: new Set(), blocks: [{ cidr: '0.0.0.0/0', exact: true }] };

const ALL_ADDRESSES = '0.0.0.0/0';

/** Whether a CIDR rule peer covers one block of the party. */
function cidrCovers(peer: string, block: Block): Tri {
  if (contains(peer, ALL_ADDRESSES) === true) return true;
  if (block === null) return null;
  if (contains(peer, block.cidr) === true) return true;
  if (!block.exact) return null;
  // Disjoint: certainly not. Partly overlapping: the party's addresses may or may not fall inside,
  // except that private addresses never reach the public services behind "the internet".
  if (block.cidr === ALL_ADDRESSES && isRfc1918(peer) === true) return false;
  return overlaps(peer, block.cidr) === false ? false : null;
}

/**
 * `r.peer` of a rule owned by group `owner` covers the party at one of its
 * blocks: `self` when the party is in the owner group, a securityGroup node id
 * when the party belongs to that group, a CIDR containing the block. A peer
 * that is none of these (empty, an id that is not a drawn group, a prefix
 * list…) is unknown.
 */
export function peerCovers(view: RuleView, owner: string, peer: string, party: Party, block: Block): Tri {
  const p = peer.trim();
  if (p.toLowerCase() === 'self') return party.groups.has(owner);
  if (parseCidr(p)) return cidrCovers(p, block);
  if (view.node(p)?.kind === 'securityGroup') return party.groups.has(p);
  return null;
}

/** One rule of group `owner` admits the flow for one block of the party. */
export function ruleAdmits(view: RuleView, owner: string, rule: SgRule, flow: Flow, party: Party, block: Block): Tri {
  if (rule.direction !== flow.direction) return rule.direction === 'inbound' || rule.direction === 'outbound' ? false : null;
  if (rule.protocol !== 'all') {
    if (rule.protocol !== 'tcp' && rule.protocol !== 'udp' && rule.protocol !== 'icmp') return null;
    if (!protocolMatches(rule.protocol, flow.protocol)) return false;
    const ports = parsePorts(rule.ports);
    if (ports === null) return allOf([null, peerCovers(view, owner, rule.peer, party, block)]);
    if (!portIn(flow.port, ports)) return false;
  }
  return peerCovers(view, owner, rule.peer, party, block);
}

/** A group on one side of a flow: a drawn securityGroup, or the implicit EKS cluster group. */
export interface Group {
  readonly id: string;
  /** undefined for the implicit EKS cluster group that the diagram does not draw. */
  readonly node: DiagramNode | undefined;
  readonly rules: readonly SgRule[] | null;
  /** managedBy = user: only such groups are checked (rules.md SEC-006). */
  readonly user: boolean;
}

/**
 * Whether the groups of one side together admit the flow from or to the
 * party: every block of the party must be admitted by some rule of some group
 * (a network interface with several groups gets the union of their rules).
 */
export function sideAdmits(view: RuleView, groups: readonly Group[], flow: Flow, party: Party): Tri {
  return allOf(
    party.blocks.map((block) =>
      anyOf(groups.flatMap((g) => (g.rules === null ? [null] : g.rules.map((r) => ruleAdmits(view, g.id, r, flow, party, block))))),
    ),
  );
}

/** The group a finding names for a side: its first user-managed group; undefined = the side is not checked. */
export function checkedGroup(groups: readonly Group[]): DiagramNode | undefined {
  return groups.find((g) => g.user && g.node !== undefined)?.node;
}

// ---------------------------------------------------------------------------
// Which groups protect what (§5.1 protectedBy)

/**
 * Answers memoised on the view (so that rules asking about every pair of node
 * groups stay quadratic, not cubic), where the view's read tracking sees them.
 */
function cached<T>(view: RuleView, key: string, compute: () => T): T {
  return view.shared('securityGroups', key, compute);
}

function toGroup(view: RuleView, g: DiagramNode): Group {
  return { id: g.id, node: g, rules: rulesOf(view, g), user: !isEksManaged(view, g) };
}

/** Cluster SGs of cp: out(cp, protectedBy) ∪ out(e, protectedBy) for e ∈ attachedEnis(cp). */
export function clusterGroupNodes(view: RuleView, cp: DiagramNode): readonly DiagramNode[] {
  return uniq([...view.out(cp, 'protectedBy'), ...view.attachedEnis(cp).flatMap((e) => view.out(e, 'protectedBy'))]);
}

/** The id standing for a cluster's EKS-created group when the diagram does not draw it. */
export function implicitEksGroupId(cluster: ClusterRef): string {
  return `\u0000eks-cluster-sg:${cluster === IMPLICIT_CLUSTER ? '\u0000implicit' : cluster}`;
}

/**
 * The cluster security group(s) EKS created for a cluster: the managedBy = eks
 * groups attached to its control plane, its ENIs or its EC2 nodes; when none
 * is drawn, an implicit one. EKS always attaches this group to the cluster's
 * network interfaces, and nodes without groups of their own use it.
 */
export function eksGroupIds(view: RuleView, cluster: ClusterRef): readonly string[] {
  return cached(view, `eks\u0000${implicitEksGroupId(cluster)}`, () => findEksGroupIds(view, cluster));
}

function findEksGroupIds(view: RuleView, cluster: ClusterRef): readonly string[] {
  const cp = view.cp(cluster);
  const attached = [
    ...(cp ? clusterGroupNodes(view, cp) : []),
    ...view.members(cluster, EC2_SET).flatMap((c) => view.out(c, 'protectedBy')),
  ];
  const eks = uniq(attached.filter((g) => isEksManaged(view, g)));
  return eks.length > 0 ? eks.map((g) => g.id) : [implicitEksGroupId(cluster)];
}

/**
 * The groups on the control plane's side: its cluster SGs plus the cluster's
 * EKS-created group (always on the cluster ENIs; implied rules when not drawn).
 */
export function clusterSide(view: RuleView, cp: DiagramNode): readonly Group[] {
  return cached(view, `clusterSide\u0000${cp.id}`, () => findClusterSide(view, cp));
}

function findClusterSide(view: RuleView, cp: DiagramNode): readonly Group[] {
  const drawn = clusterGroupNodes(view, cp).map((g) => toGroup(view, g));
  const have = new Set(drawn.map((g) => g.id));
  const extra: Group[] = [];
  for (const id of eksGroupIds(view, cp.id)) {
    if (have.has(id)) continue;
    const n = view.node(id);
    extra.push(n ? toGroup(view, n) : { id, node: undefined, rules: EKS_IMPLIED_RULES, user: false });
  }
  return [...drawn, ...extra];
}

/** Node SGs of c ∈ EC2: out(c, protectedBy). Empty = the nodes use the cluster group and the side is not checked. */
export function nodeSide(view: RuleView, c: DiagramNode): readonly Group[] {
  return cached(view, `side\u0000${c.id}`, () => uniq(view.out(c, 'protectedBy')).map((g) => toGroup(view, g)));
}

/** The groups of a VPC endpoint (empty = not drawn, not checked). */
export function endpointSide(view: RuleView, e: DiagramNode): readonly Group[] {
  return nodeSide(view, e);
}

/** The address blocks of a party sitting in these subnets (a single unknown block when there are none). */
export function subnetBlocks(view: RuleView, subnets: readonly DiagramNode[]): readonly Block[] {
  if (subnets.length === 0) return [null];
  return subnets.map((s) => {
    const own = view.str(s, 'cidr').trim();
    if (parseCidr(own)) return { cidr: own, exact: true };
    const vpc = view.vpcOf(s);
    const outer = vpc ? view.str(vpc, 'cidr').trim() : '';
    return parseCidr(outer) ? { cidr: outer, exact: false } : null;
  });
}

/** EC2 nodes: their groups (or the cluster's EKS group when they have none) and their subnets. */
export function nodeParty(view: RuleView, c: DiagramNode): Party {
  return cached(view, `party\u0000${c.id}`, () => findNodeParty(view, c));
}

function findNodeParty(view: RuleView, c: DiagramNode): Party {
  const own = view.out(c, 'protectedBy').map((g) => g.id);
  const cluster = view.clusterOf(c);
  const groups = own.length > 0 ? own : cluster === null ? [] : eksGroupIds(view, cluster);
  return { groups: new Set(groups), blocks: subnetBlocks(view, view.nodeSubnets(c)) };
}

/** The control plane: its cluster SGs and EKS group, at the addresses of its cluster ENIs' subnets. */
export function clusterParty(view: RuleView, cp: DiagramNode): Party {
  return { groups: new Set(clusterSide(view, cp).map((g) => g.id)), blocks: subnetBlocks(view, view.clusterSubnets(cp)) };
}

/** A VPC endpoint: its groups, at the addresses of its subnets. */
export function endpointParty(view: RuleView, e: DiagramNode): Party {
  return { groups: new Set(view.out(e, 'protectedBy').map((g) => g.id)), blocks: subnetBlocks(view, view.epSubnets(e)) };
}

/** A kubectl client: no groups; its subnet's block, else its sourceCidr, else unknown. */
export function clientParty(view: RuleView, k: DiagramNode): Party {
  const home = view.parentSubnet(k);
  if (home) return { groups: new Set(), blocks: subnetBlocks(view, [home]) };
  const source = view.str(k, 'sourceCidr').trim();
  return { groups: new Set(), blocks: [parseCidr(source) ? { cidr: source, exact: true } : null] };
}
