import { clusterOf, indexDocument, type ClusterRef, type DocumentIndex } from '../model/clusters';
import type { DiagramDocument, DiagramEdge, DiagramNode, JsonObject, Text } from '../model/types';
import {
  addonManagement,
  connectionKindsForPair,
  defaultConnectionProps,
  getConnectionKind,
  isAllowedPair,
} from './connections';
import { parseCidr, readProp } from './props';
import { allKinds, getKind, isKnownKind } from './registry';
import { ALB_NLB, COMPUTE, COMPUTE_SET, EC2, LBS, LBS_SET, PODS, PODS_SET, VPC_COMPUTE, VPC_COMPUTE_SET } from './sets';

/**
 * Drawing a connection (components.md §6) and the limits every connection
 * must keep (§5.2, §5.3).
 *
 * One implementation serves both moments the spec names:
 * - while drawing, `inferConnection` picks the kind or refuses with a reason;
 * - for a loaded file, `checkDocumentEdges` finds the edges CONN-001 reports.
 * A drawn edge is accepted exactly when appending it to the document and
 * running `checkDocumentEdges` would not report it: the candidate is judged by
 * the same functions, against the same state (the edges that pass so far).
 */

// ---------------------------------------------------------------------------
// Texts

const t = (en: string, ja: string): Text => ({ en, ja });

/** The catalog name of a kind; the raw id for a kind the catalog does not know. */
export function kindName(kind: string): Text {
  return getKind(kind)?.name ?? t(kind, kind);
}

/** How a node is named in messages: its label, or its kind's name when the label is empty. */
export function nodeName(node: DiagramNode): Text {
  const label = node.label.trim();
  return label ? t(label, label) : kindName(node.kind);
}

/**
 * A Japanese sentence with names filled in: a half-width space goes where an
 * inserted Latin word meets Japanese text (「ECR リポジトリから KMS キー」), as
 * AWS's own Japanese documentation writes mixed text.
 */
export function ja(strings: TemplateStringsArray, ...values: readonly string[]): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out = spaced(spaced(out, value), strings[i + 1] ?? '');
  });
  return out;
}

const LATIN_END = /[A-Za-z0-9)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;
const JAPANESE_END = /[\u3040-\u30ff\u3400-\u9fff]$/;
const JAPANESE_START = /^[\u3040-\u30ff\u3400-\u9fff]/;

function spaced(left: string, right: string): string {
  const gap = (LATIN_END.test(left) && JAPANESE_START.test(right)) || (JAPANESE_END.test(left) && LATIN_START.test(right));
  return gap ? `${left} ${right}` : left + right;
}

/** Japanese names are set off with 「」, the usual way to mark a name inside a sentence. */
const q = (ja: string): string => `「${ja}」`;

function joinList(items: readonly Text[]): Text {
  return t(items.map((i) => i.en).join(', '), items.map((i) => i.ja).join('、'));
}

function joinNames(items: readonly Text[]): Text {
  return t(items.map((i) => i.en).join(' and '), items.map((i) => q(i.ja)).join('と'));
}

// ---------------------------------------------------------------------------
// §6.1 The inference table

export interface InferenceRow {
  readonly sources: readonly string[];
  readonly targets: readonly string[];
  /** The kind created for this pair. */
  readonly kind: string;
  /**
   * The ambiguous addon → node-group-like compute row only: the kind used when
   * §5.3 does not let the add-on's type manage the target.
   */
  readonly orElse?: string;
}

const row = (sources: readonly string[], targets: readonly string[], kind: string, orElse?: string): InferenceRow =>
  orElse === undefined ? { sources, targets, kind } : { sources, targets, kind, orElse };

/** §6.1, in table order, with the spec's set names expanded. */
export const INFERENCE_TABLE: readonly InferenceRow[] = [
  row(['eksControlPlane'], ['clusterEni'], 'eniAttachment'),
  row(['eksControlPlane'], ['securityGroup'], 'protectedBy'),
  row(['eksControlPlane'], ['kmsKey'], 'encryptsSecretsWith'),
  row(['eksControlPlane'], ['cloudWatch'], 'shipsLogsTo'),
  row(['eksControlPlane'], ['iamRole'], 'assumes'),
  row(['clusterEni'], ['securityGroup'], 'protectedBy'),
  row(COMPUTE, ['eksControlPlane'], 'joins'),
  row(VPC_COMPUTE, ['subnet'], 'usesSubnet'),
  row(EC2, ['securityGroup'], 'protectedBy'),
  row(COMPUTE, ['iamRole'], 'assumes'),
  row(['k8sNamespace'], ['eksControlPlane'], 'belongsTo'),
  row(['workload'], COMPUTE, 'runsOn'),
  row(['workload'], ['persistentVolume'], 'mounts'),
  row(PODS, ['awsService', 'secretsManagerSecret'], 'accesses'),
  row(PODS, ['ecrRepository'], 'pullsFrom'),
  row(PODS, ['iamRole'], 'assumes'),
  row(['workload'], ['k8sService'], 'callsService'),
  row(['workload'], ['cloudMapNamespace'], 'resolvesVia'),
  row(['addon'], ['hybridNodePool'], 'runsOn'),
  row(['addon'], VPC_COMPUTE, 'manages', 'runsOn'),
  row(['addon'], [...ALB_NLB, 'cloudMapNamespace'], 'manages'),
  row(['addon'], ['cloudWatch'], 'shipsTelemetryTo'),
  row(['k8sService'], ['workload'], 'selects'),
  row(['k8sService'], LBS, 'provisions'),
  row(['k8sService'], ['cloudMapNamespace'], 'exportsTo'),
  row(['ingress'], ['k8sService'], 'routesTo'),
  row(['ingress'], LBS, 'provisions'),
  row(['ingress'], ['acmCertificate'], 'usesCertificate'),
  row(['hpa'], ['workload'], 'scales'),
  row(['subnet'], ['natGateway', 'transitGateway', 'virtualPrivateGateway'], 'egressVia'),
  row(['vpcEndpoint'], ['subnet'], 'usesSubnet'),
  row(['vpcEndpoint'], ['securityGroup'], 'protectedBy'),
  row(LBS, ['subnet'], 'usesSubnet'),
  row(LBS, ['securityGroup'], 'protectedBy'),
  row(LBS, ['acmCertificate'], 'usesCertificate'),
  row(['transitGateway', 'virtualPrivateGateway'], ['vpc'], 'attaches'),
  row(['hybridLink'], ['onPremises', 'transitGateway', 'virtualPrivateGateway'], 'connects'),
  row(['vpcPeering'], ['vpc'], 'connects'),
  row(['apiGateway'], ['vpcLink', ...LBS], 'integratesWith'),
  row(['vpcLink'], [...ALB_NLB, 'cloudMapNamespace'], 'targets'),
  row(['kubectlClient'], ['eksControlPlane'], 'callsApi'),
  row(['endUser'], [...LBS, 'ingress', 'k8sService', 'apiGateway'], 'sendsTrafficTo'),
];

const key2 = (a: string, b: string): string => `${a}\u0000${b}`;

const rowByPair: ReadonlyMap<string, InferenceRow> = new Map(
  INFERENCE_TABLE.flatMap((r) => r.sources.flatMap((s) => r.targets.map((tg) => [key2(s, tg), r] as const))),
);

/** Kinds a drag from `kind` can end on, in either table direction (drawing is symmetric: backwards drags are swapped). */
const connectable: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    const set = out.get(a) ?? new Set<string>();
    set.add(b);
    out.set(a, set);
  };
  for (const r of INFERENCE_TABLE) {
    for (const s of r.sources) {
      for (const tg of r.targets) {
        add(s, tg);
        add(tg, s);
      }
    }
  }
  return out;
})();

/** The §6.1 row for this ordered pair of node kinds, as drawn (no swapping). */
export function inferenceRow(sourceKind: string, targetKind: string): InferenceRow | undefined {
  return rowByPair.get(key2(sourceKind, targetKind));
}

// ---------------------------------------------------------------------------
// §6.2 Reasons for pairs the table does not list

interface SpecificReason {
  readonly when: (a: string, b: string) => boolean;
  readonly reason: Text;
}

const isOneOf = (kinds: readonly string[]) => (k: string) => kinds.includes(k);

/**
 * The specific reasons of §6.2, first match wins. Each is tried in the drawn
 * direction, then reversed: the mistake is the same whichever end the drag
 * starts from. Two small widenings, both to keep a reason true: hybrid nodes
 * get their own reason for vpc and availabilityZone too (the compute reason
 * would tell them to use a subnet), and pods → availabilityZone gets the pod
 * reason.
 */
const SPECIFIC_REASONS: readonly SpecificReason[] = [
  {
    when: (a, b) => a === 'subnet' && b === 'internetGateway',
    reason: t(
      "A public subnet reaches the internet gateway by itself: set the subnet's tier to public.",
      'パブリックサブネットは接続線がなくてもインターネットゲートウェイを使えます。サブネットの tier を public にしてください。',
    ),
  },
  {
    when: (a, b) => a === 'hybridNodePool' && isOneOf(['subnet', 'vpc', 'availabilityZone'])(b),
    reason: t(
      'Hybrid nodes run on-premises and use no VPC subnet.',
      'ハイブリッドノードはオンプレミスで動くため、VPC のサブネットは使いません。',
    ),
  },
  {
    when: (a, b) => VPC_COMPUTE_SET.has(a) && (b === 'vpc' || b === 'availabilityZone'),
    reason: t(
      'Compute launches into subnets: connect it to a subnet, or drop it inside one.',
      'コンピューティングはサブネットの中で起動します。サブネットに接続するか、サブネットの中に置いてください。',
    ),
  },
  {
    when: (a, b) => a === 'eksControlPlane' && (b === 'subnet' || b === 'vpc'),
    reason: t(
      'The control plane reaches your VPC through cluster ENIs: put a Cluster ENI in the subnet and connect the control plane to it.',
      'コントロールプレーンはクラスター ENI を通じて VPC に届きます。サブネットにクラスター ENI を置き、コントロールプレーンをそこに接続してください。',
    ),
  },
  {
    when: (a, b) => (a === 'ingress' || LBS_SET.has(a) || a === 'endUser') && b === 'workload',
    reason: t(
      'Traffic reaches pods through a Service: connect it to the Service, and the Service to the workload.',
      'トラフィックは Service を経由して Pod に届きます。Service に接続し、その Service をワークロードに接続してください。',
    ),
  },
  {
    when: (a, b) => PODS_SET.has(a) && isOneOf(['subnet', 'vpc', 'availabilityZone'])(b),
    reason: t(
      'Pods run on compute: connect the workload to a node group, NodePool, Fargate profile or hybrid nodes.',
      'Pod はコンピューティングの上で動きます。ワークロードをノードグループ、NodePool、Fargate プロファイル、ハイブリッドノードのいずれかに接続してください。',
    ),
  },
  {
    when: (a, b) => a === 'hpa' && COMPUTE_SET.has(b),
    reason: t(
      'An HPA scales pods; nodes are added by Cluster Autoscaler or Karpenter.',
      'HPA がスケールするのは Pod です。ノードを増やすのは Cluster Autoscaler や Karpenter です。',
    ),
  },
  {
    when: (a, b) => a === 'kubectlClient' && b !== 'eksControlPlane',
    reason: t(
      "kubectl talks only to the cluster's API endpoint.",
      'kubectl が通信する相手は、クラスターの API エンドポイントだけです。',
    ),
  },
];

function specificReason(a: string, b: string): Text | undefined {
  return (SPECIFIC_REASONS.find((r) => r.when(a, b)) ?? SPECIFIC_REASONS.find((r) => r.when(b, a)))?.reason;
}

/** The generic refusal: what the source kind can be connected to instead, in catalog order. */
function genericReason(sourceKind: string, targetKind: string): Text {
  const s = kindName(sourceKind);
  const tg = kindName(targetKind);
  const reachable = connectable.get(sourceKind);
  const options = allKinds()
    .filter((k) => reachable?.has(k.kind))
    .map((k) => k.name);
  if (options.length === 0) {
    return t(
      `${s.en} can't connect to ${tg.en}. ${s.en} takes no connections.`,
      ja`${s.ja}から${tg.ja}には接続できません。${s.ja}は接続線を持ちません。`,
    );
  }
  const list = joinList(options);
  return t(
    `${s.en} can't connect to ${tg.en}. From ${s.en} you can connect to: ${list.en}.`,
    ja`${s.ja}から${tg.ja}には接続できません。${s.ja}から接続できるのは次のコンポーネントです: ${list.ja}。`,
  );
}

/** Why a pair of kinds that §6.1 lists in neither direction is refused. */
export function unlistedPairReason(sourceKind: string, targetKind: string): Text {
  return specificReason(sourceKind, targetKind) ?? genericReason(sourceKind, targetKind);
}

/**
 * Why a stored edge's kind does not fit its ends (CONN-001 (b)): drawn the
 * wrong way round, a pair that takes other kinds, or a pair nothing connects.
 */
function wrongPairReason(kind: string, source: DiagramNode, target: DiagramNode): Text {
  const label = getConnectionKind(kind)?.label ?? t(kind, kind);
  const s = kindName(source.kind);
  const tg = kindName(target.kind);
  if (isAllowedPair(kind, target.kind, source.kind)) {
    return t(
      `A “${label.en}” connection runs from ${tg.en} to ${s.en}, not the other way round.`,
      ja`${q(label.ja)}の接続は${tg.ja}から${s.ja}へ向かうもので、逆向きにはできません。`,
    );
  }
  const forward = connectionKindsForPair(source.kind, target.kind).map((k) => describeKind(k, null));
  const backward = connectionKindsForPair(target.kind, source.kind).map((k) => describeKind(k, tg));
  const fits = [...forward, ...backward];
  if (fits.length === 0) return unlistedPairReason(source.kind, target.kind);
  const list = joinList(fits);
  return t(
    `A “${label.en}” connection can't join ${s.en} and ${tg.en}; the ones that fit are ${list.en}.`,
    ja`${q(label.ja)}の接続は${s.ja}と${tg.ja}の間には使えません。使えるのは${list.ja}です。`,
  );
}

function describeKind(kind: string, from: Text | null): Text {
  const label = getConnectionKind(kind)?.label ?? t(kind, kind);
  return from
    ? t(`“${label.en}” (from ${from.en})`, ja`${q(label.ja)}（${from.ja}から）`)
    : t(`“${label.en}”`, q(label.ja));
}

// ---------------------------------------------------------------------------
// Violations

export type ViolationCode =
  /** An end is missing or of a kind the catalog does not know (drawing only: CONN-001 skips such edges). */
  | 'unknownEnd'
  /** CONN-001 (a) */
  | 'unknownKind'
  /** CONN-001 (b) */
  | 'pair'
  /** CONN-001 (c) */
  | 'managesType'
  /** CONN-001 (d) */
  | 'selfLoop'
  /** CONN-001 (e) */
  | 'duplicate'
  /** CONN-001 (f) */
  | 'limit'
  /** CONN-001 (g) */
  | 'cluster';

export interface ConnectionViolation {
  readonly code: ViolationCode;
  readonly reason: Text;
}

/** An edge to judge: a stored edge, or a candidate being drawn (no id yet). */
export interface EdgeCandidate {
  readonly id?: string;
  readonly kind: string;
  readonly source: string;
  readonly target: string;
  readonly props?: JsonObject;
}

const violation = (code: ViolationCode, reason: Text): ConnectionViolation => ({ code, reason });

const SELF_LOOP = t("A component can't connect to itself.", 'コンポーネントを自分自身に接続することはできません。');

/** The add-on's type as rules read it (§1.2): the stored value if valid, else the kind default. */
export function addonTypeOf(addon: DiagramNode): string {
  const value = readProp('addon', addon.props, 'addonType');
  return typeof value === 'string' ? value : '';
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'An' : 'A';
}

function managesReason(addonType: string, targetKind: string): Text {
  const tg = kindName(targetKind);
  return t(
    `${article(addonType)} ${addonType} add-on does not manage ${tg.en}.`,
    ja`${addonType} アドオンは${tg.ja}を管理しません。`,
  );
}

// ---------------------------------------------------------------------------
// §5.2 Multiplicity, and duplicates: a ledger of the edges accepted so far

interface LimitReasonInput {
  /** The end that has used up its allowance. */
  readonly holder: Text;
  /** The other ends of the edges already holding the allowance. */
  readonly others: readonly Text[];
  /** The slot's discriminator (an egressVia destination), else "". */
  readonly detail: string;
}

interface Limit {
  /** Distinguishes the limits' slots in the ledger. */
  readonly id: string;
  readonly kind: string;
  readonly applies: (sourceKind: string, targetKind: string) => boolean;
  /** The end whose edges of this kind are counted. */
  readonly end: 'source' | 'target';
  readonly max: number;
  /** Splits the allowance (egressVia: per destination); null exempts the edge. */
  readonly slot?: (edge: EdgeCandidate) => string | null;
  readonly reason: (input: LimitReasonInput) => Text;
}

const always = (): boolean => true;
const GATEWAY_KINDS: ReadonlySet<string> = new Set(['transitGateway', 'virtualPrivateGateway']);

/**
 * The route's destination as written, when it is a valid CIDR. A missing prop
 * reads as its default; an empty or invalid one is "not stated" (§1.2), and
 * a value that is not stated never produces a finding by itself.
 */
function egressDestination(edge: EdgeCandidate): string | null {
  const stored = edge.props && Object.hasOwn(edge.props, 'destination') ? edge.props.destination : undefined;
  const value = stored === undefined ? defaultConnectionProps('egressVia').destination : stored;
  return typeof value === 'string' && parseCidr(value) !== null ? value : null;
}

/** §5.2 multiplicity limits. */
const LIMITS: readonly Limit[] = [
  {
    id: 'joins',
    kind: 'joins',
    applies: always,
    end: 'source',
    max: 1,
    reason: ({ holder, others }) =>
      t(
        `${holder.en} already joins ${joinNames(others).en}; compute can join only one cluster.`,
        `${q(holder.ja)}はすでに${joinNames(others).ja}に参加しています。参加できるクラスターは 1 つだけです。`,
      ),
  },
  {
    id: 'belongsTo',
    kind: 'belongsTo',
    applies: always,
    end: 'source',
    max: 1,
    reason: ({ holder, others }) =>
      t(
        `${holder.en} already belongs to ${joinNames(others).en}; a namespace can belong to only one cluster.`,
        `${q(holder.ja)}はすでに${joinNames(others).ja}に属しています。名前空間が属するクラスターは 1 つだけです。`,
      ),
  },
  {
    id: 'eniAttachment',
    kind: 'eniAttachment',
    applies: always,
    end: 'target',
    max: 1,
    reason: ({ holder, others }) =>
      t(
        `${holder.en} already belongs to ${joinNames(others).en}; a cluster ENI belongs to only one control plane.`,
        `${q(holder.ja)}はすでに${joinNames(others).ja}に接続されています。クラスター ENI が属するコントロールプレーンは 1 つだけです。`,
      ),
  },
  {
    id: 'encryptsSecretsWith',
    kind: 'encryptsSecretsWith',
    applies: always,
    end: 'source',
    max: 1,
    reason: ({ holder, others }) =>
      t(
        `${holder.en} already encrypts Secrets with ${joinNames(others).en}; a cluster uses only one key for that.`,
        `${q(holder.ja)}はすでに${joinNames(others).ja}で Secret を暗号化しています。使えるキーは 1 つだけです。`,
      ),
  },
  {
    id: 'scales',
    kind: 'scales',
    applies: always,
    end: 'source',
    max: 1,
    reason: ({ holder, others }) =>
      t(
        `${holder.en} already scales ${joinNames(others).en}; an HPA scales only one workload.`,
        `${q(holder.ja)}はすでに${joinNames(others).ja}をスケールしています。1 つの HPA がスケールするワークロードは 1 つだけです。`,
      ),
  },
  {
    id: 'provisions',
    kind: 'provisions',
    applies: always,
    end: 'source',
    max: 1,
    reason: ({ holder, others }) =>
      t(
        `${holder.en} already creates ${joinNames(others).en}; it can create only one load balancer.`,
        `${q(holder.ja)}はすでに${joinNames(others).ja}を作成しています。作成できるロードバランサーは 1 つだけです。`,
      ),
  },
  {
    id: 'attaches',
    kind: 'attaches',
    applies: (s) => s === 'virtualPrivateGateway',
    end: 'source',
    max: 1,
    reason: ({ holder, others }) =>
      t(
        `${holder.en} is already attached to ${joinNames(others).en}; a virtual private gateway attaches to only one VPC.`,
        `${q(holder.ja)}はすでに${joinNames(others).ja}にアタッチされています。仮想プライベートゲートウェイをアタッチできる VPC は 1 つだけです。`,
      ),
  },
  {
    id: 'connects.onPremises',
    kind: 'connects',
    applies: (s, tg) => s === 'hybridLink' && tg === 'onPremises',
    end: 'source',
    max: 1,
    reason: ({ holder, others }) =>
      t(
        `${holder.en} already connects ${joinNames(others).en}; a link has only one on-premises end.`,
        `${q(holder.ja)}はすでに${joinNames(others).ja}に接続しています。1 本の接続がつながるオンプレミス環境は 1 つだけです。`,
      ),
  },
  {
    id: 'connects.gateway',
    kind: 'connects',
    applies: (s, tg) => s === 'hybridLink' && GATEWAY_KINDS.has(tg),
    end: 'source',
    max: 1,
    reason: ({ holder, others }) =>
      t(
        `${holder.en} already ends at ${joinNames(others).en}; a link ends at only one gateway on the AWS side.`,
        `${q(holder.ja)}はすでに${joinNames(others).ja}に接続しています。AWS 側でつながるゲートウェイは 1 つだけです。`,
      ),
  },
  {
    // Two *different* VPCs: the duplicate check already refuses the same VPC twice.
    id: 'connects.peering',
    kind: 'connects',
    applies: (s) => s === 'vpcPeering',
    end: 'source',
    max: 2,
    reason: ({ holder, others }) =>
      t(
        `${holder.en} already connects ${joinNames(others).en}; a peering connection joins exactly two VPCs.`,
        `${q(holder.ja)}はすでに${joinNames(others).ja}を接続しています。ピアリング接続がつなぐ VPC はちょうど 2 つです。`,
      ),
  },
  {
    id: 'egressVia',
    kind: 'egressVia',
    applies: always,
    end: 'source',
    max: 1,
    slot: egressDestination,
    reason: ({ holder, others, detail }) =>
      t(
        `${holder.en} already routes ${detail} via ${joinNames(others).en}; a route table has one route per destination.`,
        `${q(holder.ja)}はすでに ${detail} 宛てのルートを${joinNames(others).ja}に向けています。ルートテーブルには宛先ごとに 1 つのルートしか持てません。`,
      ),
  },
];

const limitsByKind: ReadonlyMap<string, readonly Limit[]> = (() => {
  const out = new Map<string, Limit[]>();
  for (const l of LIMITS) out.set(l.kind, [...(out.get(l.kind) ?? []), l]);
  return out;
})();

/**
 * The edges accepted so far, arranged for O(1) duplicate and limit checks, so
 * checking a whole file stays linear. Built by `acceptEdge`; read-only once a
 * ConnectionContext hands it out.
 */
export interface Ledger {
  /** kind, source and target of every accepted edge. */
  readonly triples: Set<string>;
  /** limit slot → the accepted edges holding it, in array order. */
  readonly slots: Map<string, EdgeCandidate[]>;
}

const newLedger = (): Ledger => ({ triples: new Set(), slots: new Map() });
const tripleKey = (e: EdgeCandidate): string => `${e.kind}\u0000${e.source}\u0000${e.target}`;

interface SlotHit {
  readonly limit: Limit;
  readonly key: string;
  readonly detail: string;
}

function slotsOf(edge: EdgeCandidate, source: DiagramNode, target: DiagramNode): SlotHit[] {
  const hits: SlotHit[] = [];
  for (const limit of limitsByKind.get(edge.kind) ?? []) {
    if (!limit.applies(source.kind, target.kind)) continue;
    const detail = limit.slot ? limit.slot(edge) : '';
    if (detail === null) continue;
    hits.push({ limit, key: `${limit.id}\u0000${edge[limit.end]}\u0000${detail}`, detail });
  }
  return hits;
}

function limitViolation(ledger: Ledger, nodes: NodeLookup, edge: EdgeCandidate, source: DiagramNode, target: DiagramNode): ConnectionViolation | null {
  for (const hit of slotsOf(edge, source, target)) {
    const holders = ledger.slots.get(hit.key) ?? [];
    if (holders.length < hit.limit.max) continue;
    const otherEnd = hit.limit.end === 'source' ? 'target' : 'source';
    const others = holders.map((h) => nodes.get(h[otherEnd])).filter((n): n is DiagramNode => n !== undefined);
    const holder = hit.limit.end === 'source' ? source : target;
    return violation('limit', hit.limit.reason({ holder: nodeName(holder), others: others.map(nodeName), detail: hit.detail }));
  }
  return null;
}

function acceptEdge(ledger: Ledger, edge: EdgeCandidate, source: DiagramNode, target: DiagramNode): void {
  ledger.triples.add(tripleKey(edge));
  for (const hit of slotsOf(edge, source, target)) {
    const holders = ledger.slots.get(hit.key);
    if (holders) holders.push(edge);
    else ledger.slots.set(hit.key, [edge]);
  }
}

// ---------------------------------------------------------------------------
// The checks

type NodeLookup = ReadonlyMap<string, DiagramNode>;

/**
 * CONN-001 (a)–(f): everything that depends only on the edge, its two end
 * nodes and the edges accepted before it. `null` = passes. Both ends must
 * exist and be of known kinds (CONN-001 does not check other edges).
 */
function structuralViolation(
  ledger: Ledger,
  nodes: NodeLookup,
  edge: EdgeCandidate,
  source: DiagramNode,
  target: DiagramNode,
): ConnectionViolation | null {
  const spec = getConnectionKind(edge.kind);
  if (!spec) {
    return violation(
      'unknownKind',
      t(`“${edge.kind}” is not a connection kind this version knows.`, `${q(edge.kind)}はこのバージョンにない接続の種類です。`),
    );
  }
  if (edge.source === edge.target) {
    return violation('selfLoop', SELF_LOOP);
  }
  if (!isAllowedPair(edge.kind, source.kind, target.kind)) {
    return violation('pair', wrongPairReason(edge.kind, source, target));
  }
  if (edge.kind === 'manages') {
    const addonType = addonTypeOf(source);
    if (addonManagement(addonType, target.kind) === 'no') return violation('managesType', managesReason(addonType, target.kind));
  }
  if (ledger.triples.has(tripleKey(edge))) {
    const label = spec.label;
    const s = nodeName(source);
    const tg = nodeName(target);
    return violation(
      'duplicate',
      t(
        `${s.en} is already connected to ${tg.en} by a “${label.en}” connection.`,
        `${q(s.ja)}と${q(tg.ja)}はすでに${q(label.ja)}の接続でつながっています。`,
      ),
    );
  }
  return limitViolation(ledger, nodes, edge, source, target);
}

/** §5.2 "Same cluster": the kinds whose two ends must share a cluster when both resolve. */
const SAME_CLUSTER_KINDS: ReadonlySet<string> = new Set(['runsOn', 'selects', 'routesTo', 'scales', 'mounts', 'callsService', 'manages']);

function isSameClusterEdge(edge: EdgeCandidate, targetKind: string): boolean {
  if (!SAME_CLUSTER_KINDS.has(edge.kind)) return false;
  // `manages` only towards compute: an ALB or a Cloud Map namespace is not cluster-scoped.
  return edge.kind !== 'manages' || COMPUTE_SET.has(targetKind);
}

function clusterLabel(ix: DocumentIndex, cluster: ClusterRef): Text {
  const node = typeof cluster === 'string' ? ix.nodes.get(cluster) : undefined;
  return node ? nodeName(node) : kindName('eksControlPlane');
}

/**
 * CONN-001 (g), over an index of the edges that passed the structural checks.
 * Each end's cluster is taken without the edge itself (see `clusterOf`), so
 * a stored edge is judged as it was when drawn.
 */
function clusterViolation(ix: DocumentIndex, edge: EdgeCandidate, source: DiagramNode, target: DiagramNode): ConnectionViolation | null {
  if (!isSameClusterEdge(edge, target.kind)) return null;
  const without = edge.id === undefined ? undefined : { id: edge.id, kind: edge.kind };
  const a = clusterOf(ix, source.id, without);
  const b = clusterOf(ix, target.id, without);
  if (a === null || b === null || a === b) return null;
  const s = nodeName(source);
  const tg = nodeName(target);
  const ca = clusterLabel(ix, a);
  const cb = clusterLabel(ix, b);
  return violation(
    'cluster',
    t(
      `${s.en} and ${tg.en} are in different clusters (${ca.en} and ${cb.en}).`,
      `${q(s.ja)}と${q(tg.ja)}は別々のクラスター（${q(ca.ja)}と${q(cb.ja)}）に属しています。`,
    ),
  );
}

/** Both ends exist and are of known kinds: the edges CONN-001 looks at. */
function knownEnds(nodes: NodeLookup, edge: EdgeCandidate): readonly [DiagramNode, DiagramNode] | null {
  const source = nodes.get(edge.source);
  const target = nodes.get(edge.target);
  if (!source || !target || !isKnownKind(source.kind) || !isKnownKind(target.kind)) return null;
  return [source, target];
}

/**
 * The state a new edge is judged against: the document's nodes, and its edges
 * that pass the structural checks in array order (as a ledger and as an
 * index for cluster lookups). Build once per document version and reuse it
 * for every candidate of a drag (hover feedback), since it costs O(document).
 */
export interface ConnectionContext {
  readonly doc: DiagramDocument;
  readonly nodes: NodeLookup;
  readonly ledger: Ledger;
  readonly index: DocumentIndex;
  /** The structural verdicts of the stored edges (CONN-001 (a)–(f)), by edge id. */
  readonly structural: ReadonlyMap<string, ConnectionViolation>;
}

export function connectionContext(doc: DiagramDocument): ConnectionContext {
  const index0 = indexDocument(doc, []);
  const nodes = index0.nodes;
  const ledger = newLedger();
  const accepted: DiagramEdge[] = [];
  const structural = new Map<string, ConnectionViolation>();
  for (const edge of doc.edges) {
    const ends = knownEnds(nodes, edge);
    if (!ends) continue;
    const v = structuralViolation(ledger, nodes, edge, ends[0], ends[1]);
    if (v) structural.set(edge.id, v);
    else {
      acceptEdge(ledger, edge, ends[0], ends[1]);
      accepted.push(edge);
    }
  }
  return { doc, nodes, ledger, index: indexDocument(doc, accepted), structural };
}

/**
 * Judge one edge that is not (yet) in the document, as if appended to it:
 * `null` when it would be accepted. Also for the edge inspector's kind switch
 * (build the context from the document without the edge being changed).
 */
export function checkCandidate(ctx: ConnectionContext, edge: EdgeCandidate): ConnectionViolation | null {
  const ends = knownEnds(ctx.nodes, edge);
  if (!ends) return unknownEndViolation(ctx.nodes, edge);
  return structuralViolation(ctx.ledger, ctx.nodes, edge, ends[0], ends[1]) ?? clusterViolation(ctx.index, edge, ends[0], ends[1]);
}

export interface EdgeCheck {
  /** Edges every other rule and predicate may read: checked and accepted, in array order. */
  readonly valid: readonly DiagramEdge[];
  /** CONN-001 findings by edge id, in array order. Edges with a missing or unknown-kind end are in neither list. */
  readonly violations: ReadonlyMap<string, ConnectionViolation>;
}

/**
 * CONN-001 over a whole document. Two passes, because cluster membership is
 * itself read from edges: (1) the structural checks in array order, where the
 * first edge holding a limit keeps it; (2) the same-cluster check of each
 * surviving edge, with clusters resolved from the survivors of (1).
 */
export function checkDocumentEdges(doc: DiagramDocument): EdgeCheck {
  const ctx = connectionContext(doc);
  const found = new Map<string, ConnectionViolation>(ctx.structural);
  const valid: DiagramEdge[] = [];
  for (const edge of ctx.index.edges) {
    const ends = knownEnds(ctx.nodes, edge);
    const v = ends ? clusterViolation(ctx.index, edge, ends[0], ends[1]) : null;
    if (v) found.set(edge.id, v);
    else valid.push(edge);
  }
  const violations = new Map<string, ConnectionViolation>();
  for (const edge of doc.edges) {
    const v = found.get(edge.id);
    if (v) violations.set(edge.id, v);
  }
  return { valid, violations };
}

function unknownEndViolation(nodes: NodeLookup, edge: EdgeCandidate): ConnectionViolation {
  for (const id of [edge.source, edge.target]) {
    const node = nodes.get(id);
    if (!node) {
      return violation('unknownEnd', t(`There is no component “${id}”.`, `コンポーネント${q(id)}が見つかりません。`));
    }
    if (!isKnownKind(node.kind)) {
      const name = node.label.trim() || node.id;
      return violation(
        'unknownEnd',
        t(
          `${name} is an unknown component (kind “${node.kind}”), so it can't be connected.`,
          `${q(name)}は不明なコンポーネント（種類${q(node.kind)}）のため、接続できません。`,
        ),
      );
    }
  }
  // Unreachable: knownEnds only fails for one of the cases above.
  return violation('unknownEnd', t('This connection has an end Kumozu does not know.', 'この接続の端点が不明です。'));
}

// ---------------------------------------------------------------------------
// §6.1 Drawing

export type ConnectionProposal =
  | {
      readonly ok: true;
      readonly kind: string;
      readonly source: string;
      readonly target: string;
      /** The drag ran against the kind's direction; source and target are the swapped ends. */
      readonly swapped: boolean;
      /**
       * Every connection kind allowed for this (source kind, target kind),
       * the chosen one included, in §5.1 order: what the edge inspector offers.
       * Pair-based only; check a switch with `checkCandidate`.
       */
      readonly alternatives: readonly string[];
    }
  | { readonly ok: false; readonly reason: Text };

const refuse = (reason: Text): ConnectionProposal => ({ ok: false, reason });

/**
 * The kind for a listed pair. Only the ambiguous addon → node-group-like
 * compute row depends on the node: `manages` when §5.3 says this addonType
 * manages that kind outright, else `runsOn`. The drawable-but-flagged pairs
 * of §5.3 (Karpenter → managed node group, …) infer `runsOn`: that is what
 * such a drag almost always means (the Karpenter controller itself runs on a
 * small node group or on Fargate), and `manages` stays one click away.
 */
function chooseKind(r: InferenceRow, source: DiagramNode, target: DiagramNode): string {
  if (r.orElse === undefined) return r.kind;
  return addonManagement(addonTypeOf(source), target.kind) === 'yes' ? r.kind : r.orElse;
}

/** What dragging from `sourceId` to `targetId` creates, or why it is refused. */
export function inferConnection(doc: DiagramDocument, sourceId: string, targetId: string): ConnectionProposal {
  return inferConnectionIn(connectionContext(doc), sourceId, targetId);
}

/** `inferConnection` against a prepared context (many candidates, one document). */
export function inferConnectionIn(ctx: ConnectionContext, sourceId: string, targetId: string): ConnectionProposal {
  const drawn: EdgeCandidate = { kind: '', source: sourceId, target: targetId };
  const ends = knownEnds(ctx.nodes, drawn);
  if (!ends) return refuse(unknownEndViolation(ctx.nodes, drawn).reason);
  const [a, b] = ends;
  if (a.id === b.id) return refuse(SELF_LOOP);
  // Listed as drawn wins, so pairs listed both ways (workload ↔ k8sService) keep the drawn direction.
  const forward = inferenceRow(a.kind, b.kind);
  const backward = forward ? undefined : inferenceRow(b.kind, a.kind);
  const r = forward ?? backward;
  if (!r) return refuse(unlistedPairReason(a.kind, b.kind));
  const swapped = forward === undefined;
  const [source, target] = swapped ? [b, a] : [a, b];
  const kind = chooseKind(r, source, target);
  const candidate: EdgeCandidate = { kind, source: source.id, target: target.id, props: defaultConnectionProps(kind) };
  const v = checkCandidate(ctx, candidate);
  if (v) return refuse(v.reason);
  return {
    ok: true,
    kind,
    source: source.id,
    target: target.id,
    swapped,
    alternatives: connectionKindsForPair(source.kind, target.kind),
  };
}
