import type { Json, Text } from '../model/types';
import { ALB_NLB, COMPUTE, EC2, LBS, PODS, VPC_COMPUTE } from './sets';
import type { ConnectionKindSpec, LineStyle, PropSpec } from './types';

/**
 * The 29 connection kinds of components.md §5.1, in table order, and the
 * add-on management table of §5.3.
 *
 * Sources and targets are concrete node kinds (the spec's set names are
 * expanded here), so callers never need to know the set vocabulary.
 */

type Style = ConnectionKindSpec['style'];

/**
 * Seven families, each one colour and one line style, so a glance tells what
 * sort of relation a line is. Arrows only where the direction carries
 * information the kinds don't already give (requests, control, data flow):
 * a `usesSubnet` line can only ever run from compute to subnet, so an arrow
 * there would be clutter.
 */
const family = (line: LineStyle, color: string, arrow: boolean): Style => ({ line, color, arrow });
/** Requests travelling through the system. */
const TRAFFIC = family('solid', '#1F6FEB', true);
/** A controller or object acting on another (creates, scales, selects). */
const CONTROL = family('solid', '#8250DF', true);
/** Pods using data or a service. */
const DATA = family('solid', '#0F8B8D', true);
/** Which cluster something is part of, or where pods run. */
const MEMBERSHIP = family('dashed', '#D4710C', false);
/** Network wiring: subnets, routes, attachments. */
const WIRING = family('dashed', '#3F8624', false);
/** Identity and protection. */
const SECURITY = family('dotted', '#C9364C', false);
/** Logs and metrics leaving the cluster. */
const TELEMETRY = family('dotted', '#6E7781', true);

const t = (en: string, ja: string): Text => ({ en, ja });

/** The props of `egressVia`, the only connection kind with props (§5.1). */
const EGRESS_PROPS: readonly PropSpec[] = [
  {
    name: 'destination',
    type: 'cidr',
    label: t('Destination', '宛先'),
    default: '0.0.0.0/0',
    placeholder: '0.0.0.0/0',
    help: t("The route's destination CIDR.", 'このルートの宛先 CIDR です。'),
  },
  {
    name: 'internetEgress',
    type: 'bool',
    label: t('Reaches the internet', 'インターネットに出られる'),
    default: false,
    help: t(
      'Towards a transit or virtual private gateway: the path behind it reaches the internet (e.g. a central egress VPC). Ignored towards a NAT gateway.',
      'トランジットゲートウェイまたは仮想プライベートゲートウェイ宛てのとき、その先の経路がインターネットに出られることを示します（集約 egress VPC など）。NAT ゲートウェイ宛てでは無視されます。',
    ),
  },
];

const GATEWAYS = ['transitGateway', 'virtualPrivateGateway'] as const;

export const CONNECTION_KINDS: readonly ConnectionKindSpec[] = [
  {
    kind: 'eniAttachment',
    label: t('ENI', 'ENI'),
    meaning: t(
      'This cross-account ENI is one of the network interfaces of this control plane.',
      'このクロスアカウント ENI は、このコントロールプレーンのネットワークインターフェイスです。',
    ),
    sources: ['eksControlPlane'],
    targets: ['clusterEni'],
    props: [],
    style: MEMBERSHIP,
  },
  {
    kind: 'joins',
    label: t('joins', '参加'),
    meaning: t('Nodes of this compute register with this cluster.', 'このコンピューティングのノードがこのクラスターに登録されます。'),
    sources: [...COMPUTE],
    targets: ['eksControlPlane'],
    props: [],
    style: MEMBERSHIP,
  },
  {
    kind: 'belongsTo',
    label: t('cluster', '所属クラスター'),
    meaning: t('This namespace exists in this cluster.', 'この名前空間はこのクラスターの中にあります。'),
    sources: ['k8sNamespace'],
    targets: ['eksControlPlane'],
    props: [],
    style: MEMBERSHIP,
  },
  {
    kind: 'usesSubnet',
    label: t('subnet', 'サブネット'),
    meaning: t(
      'Launches its instances, or places its network interfaces, in this subnet.',
      'このサブネットにインスタンスを起動する、またはネットワークインターフェイスを置きます。',
    ),
    sources: [...VPC_COMPUTE, ...LBS, 'vpcEndpoint'],
    targets: ['subnet'],
    props: [],
    style: WIRING,
  },
  {
    kind: 'egressVia',
    label: t('route', 'ルート'),
    meaning: t(
      "The subnet's route table sends traffic for the destination to this gateway.",
      'サブネットのルートテーブルが、宛先へのトラフィックをこのゲートウェイに送ります。',
    ),
    sources: ['subnet'],
    targets: ['natGateway', ...GATEWAYS],
    props: EGRESS_PROPS,
    style: WIRING,
  },
  {
    kind: 'attaches',
    label: t('attachment', 'アタッチメント'),
    meaning: t('This gateway is attached to this VPC.', 'このゲートウェイはこの VPC にアタッチされています。'),
    sources: [...GATEWAYS],
    targets: ['vpc'],
    props: [],
    style: WIRING,
  },
  {
    kind: 'connects',
    label: t('connects', '接続'),
    meaning: t(
      'The link or peering connection joins these networks.',
      'この接続（VPN・Direct Connect またはピアリング）がネットワーク同士をつなぎます。',
    ),
    sources: ['hybridLink', 'vpcPeering'],
    targets: ['onPremises', ...GATEWAYS, 'vpc'],
    pairGroups: [
      { sources: ['hybridLink'], targets: ['onPremises', ...GATEWAYS] },
      { sources: ['vpcPeering'], targets: ['vpc'] },
    ],
    props: [],
    style: WIRING,
  },
  {
    kind: 'protectedBy',
    label: t('security group', 'セキュリティグループ'),
    meaning: t('This security group is attached to it.', 'このセキュリティグループがアタッチされています。'),
    sources: ['eksControlPlane', 'clusterEni', ...EC2, 'vpcEndpoint', ...LBS],
    targets: ['securityGroup'],
    props: [],
    style: SECURITY,
  },
  {
    kind: 'assumes',
    label: t('IAM role', 'IAM ロール'),
    meaning: t('It acts with the permissions of this IAM role.', 'この IAM ロールの権限で動作します。'),
    sources: ['eksControlPlane', ...COMPUTE, ...PODS],
    targets: ['iamRole'],
    props: [],
    style: SECURITY,
  },
  {
    kind: 'encryptsSecretsWith',
    label: t('encrypts Secrets', 'Secrets 暗号化'),
    meaning: t(
      'Kubernetes Secrets are envelope-encrypted with this KMS key.',
      'Kubernetes の Secret をこの KMS キーでエンベロープ暗号化します。',
    ),
    sources: ['eksControlPlane'],
    targets: ['kmsKey'],
    props: [],
    style: SECURITY,
  },
  {
    kind: 'shipsLogsTo',
    label: t('logs', 'ログ'),
    meaning: t('Control-plane logs are delivered here.', 'コントロールプレーンのログがここに送られます。'),
    sources: ['eksControlPlane'],
    targets: ['cloudWatch'],
    props: [],
    style: TELEMETRY,
  },
  {
    kind: 'runsOn',
    label: t('runs on', '実行先'),
    meaning: t('Its pods may be scheduled on this compute.', 'Pod がこのコンピューティングにスケジュールされることがあります。'),
    sources: [...PODS],
    targets: [...COMPUTE],
    props: [],
    style: MEMBERSHIP,
  },
  {
    kind: 'mounts',
    label: t('mounts', 'マウント'),
    meaning: t('Its pods mount this volume.', 'Pod がこのボリュームをマウントします。'),
    sources: ['workload'],
    targets: ['persistentVolume'],
    props: [],
    style: DATA,
  },
  {
    kind: 'accesses',
    label: t('calls', '呼び出し'),
    meaning: t('Its pods call this AWS service or read this secret.', 'Pod がこの AWS サービスを呼び出す、またはこのシークレットを読み取ります。'),
    sources: [...PODS],
    targets: ['awsService', 'secretsManagerSecret'],
    props: [],
    style: DATA,
  },
  {
    kind: 'pullsFrom',
    label: t('image', 'イメージ'),
    meaning: t('Its pods pull their container image from this repository.', 'Pod がコンテナイメージをこのリポジトリから取得します。'),
    sources: [...PODS],
    targets: ['ecrRepository'],
    props: [],
    style: DATA,
  },
  {
    kind: 'callsService',
    label: t('calls', '呼び出し'),
    meaning: t('Its pods send requests to this Service.', 'Pod がこの Service にリクエストを送ります。'),
    sources: ['workload'],
    targets: ['k8sService'],
    props: [],
    style: TRAFFIC,
  },
  {
    kind: 'selects',
    label: t('selects', 'セレクター'),
    meaning: t("The Service's selector matches these pods.", 'Service のセレクターがこの Pod に一致します。'),
    sources: ['k8sService'],
    targets: ['workload'],
    props: [],
    style: TRAFFIC,
  },
  {
    kind: 'routesTo',
    label: t('routes', 'ルーティング'),
    meaning: t('The Ingress forwards requests to this Service.', 'Ingress がリクエストをこの Service に振り分けます。'),
    sources: ['ingress'],
    targets: ['k8sService'],
    props: [],
    style: TRAFFIC,
  },
  {
    kind: 'provisions',
    label: t('creates', '作成'),
    meaning: t(
      'Because of this object, a controller creates this load balancer.',
      'このオブジェクトをもとに、コントローラーがこのロードバランサーを作成します。',
    ),
    sources: ['ingress', 'k8sService'],
    targets: [...LBS],
    props: [],
    style: CONTROL,
  },
  {
    kind: 'usesCertificate',
    label: t('TLS', 'TLS'),
    meaning: t('Terminates TLS with this certificate.', 'この証明書で TLS を終端します。'),
    sources: ['ingress', ...LBS],
    targets: ['acmCertificate'],
    props: [],
    style: SECURITY,
  },
  {
    kind: 'scales',
    label: t('scales', 'スケール'),
    meaning: t('The HPA changes the replica count of this workload.', 'HPA がこのワークロードのレプリカ数を増減します。'),
    sources: ['hpa'],
    targets: ['workload'],
    props: [],
    style: CONTROL,
  },
  {
    kind: 'exportsTo',
    label: t('exports', 'エクスポート'),
    meaning: t(
      'The Service is exported here for discovery across clusters.',
      'Service をクラスター間で検出できるよう、ここにエクスポートします。',
    ),
    sources: ['k8sService'],
    targets: ['cloudMapNamespace'],
    props: [],
    style: DATA,
  },
  {
    kind: 'resolvesVia',
    label: t('discovers', '検出'),
    meaning: t('Its pods look services up in this namespace.', 'Pod がこの名前空間でサービスを検索します。'),
    sources: ['workload'],
    targets: ['cloudMapNamespace'],
    props: [],
    style: DATA,
  },
  {
    kind: 'manages',
    label: t('manages', '管理'),
    meaning: t(
      'This controller add-on creates, scales or keeps the target in sync (see the add-on type).',
      'このコントローラーアドオンが対象を作成・スケール・同期します（アドオンの種類によります）。',
    ),
    sources: ['addon'],
    targets: [...ALB_NLB, ...VPC_COMPUTE, 'cloudMapNamespace'],
    props: [],
    style: CONTROL,
  },
  {
    kind: 'shipsTelemetryTo',
    label: t('telemetry', 'テレメトリ'),
    meaning: t('The agent sends metrics or logs here.', 'エージェントがメトリクスやログをここに送ります。'),
    sources: ['addon'],
    targets: ['cloudWatch'],
    props: [],
    style: TELEMETRY,
  },
  {
    kind: 'callsApi',
    label: t('kubectl', 'kubectl'),
    meaning: t("This client calls the cluster's API endpoint.", 'このクライアントがクラスターの API エンドポイントを呼び出します。'),
    sources: ['kubectlClient'],
    targets: ['eksControlPlane'],
    props: [],
    style: TRAFFIC,
  },
  {
    kind: 'sendsTrafficTo',
    label: t('traffic', 'トラフィック'),
    meaning: t('Users send their requests here.', 'ユーザーがここにリクエストを送ります。'),
    sources: ['endUser'],
    targets: [...LBS, 'ingress', 'k8sService', 'apiGateway'],
    props: [],
    style: TRAFFIC,
  },
  {
    kind: 'integratesWith',
    label: t('integration', '統合'),
    meaning: t('The API forwards requests to this backend.', 'API がリクエストをこのバックエンドに転送します。'),
    sources: ['apiGateway'],
    targets: ['vpcLink', ...LBS],
    props: [],
    style: TRAFFIC,
  },
  {
    kind: 'targets',
    label: t('target', 'ターゲット'),
    meaning: t('The VPC link forwards requests to this backend.', 'VPC リンクがリクエストをこのバックエンドに転送します。'),
    sources: ['vpcLink'],
    targets: [...ALB_NLB, 'cloudMapNamespace'],
    props: [],
    style: TRAFFIC,
  },
];

const byKind: ReadonlyMap<string, ConnectionKindSpec> = new Map(CONNECTION_KINDS.map((c) => [c.kind, c]));

/** Pair lookup per connection kind, built once: isAllowedPair runs for every edge of every check. */
const pairKeys: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  CONNECTION_KINDS.map((c) => {
    const groups = c.pairGroups ?? [{ sources: c.sources, targets: c.targets }];
    const keys = new Set<string>();
    for (const g of groups) for (const s of g.sources) for (const tg of g.targets) keys.add(pairKey(s, tg));
    return [c.kind, keys];
  }),
);

function pairKey(sourceKind: string, targetKind: string): string {
  return `${sourceKind}\u0000${targetKind}`;
}

export function getConnectionKind(kind: string): ConnectionKindSpec | undefined {
  return byKind.get(kind);
}

export function isConnectionKind(kind: string): boolean {
  return byKind.has(kind);
}

/**
 * Whether §5.1 allows `connKind` from a node of `sourceKind` to one of
 * `targetKind`. Pairs that are always wrong yet drawable on purpose (§5.1:
 * ingress → NLB, k8sService → ALB, flagged `manages`) are allowed here; the
 * rules that explain them fire later. The add-on type check of §5.3 is not a
 * pair check: see `addonManagement`.
 */
export function isAllowedPair(connKind: string, sourceKind: string, targetKind: string): boolean {
  return pairKeys.get(connKind)?.has(pairKey(sourceKind, targetKind)) ?? false;
}

/** Every connection kind allowed between these two node kinds, in §5.1 order. */
export function connectionKindsForPair(sourceKind: string, targetKind: string): readonly string[] {
  return CONNECTION_KINDS.filter((c) => isAllowedPair(c.kind, sourceKind, targetKind)).map((c) => c.kind);
}

/** The props of a new connection of this kind, at their defaults. */
export function defaultConnectionProps(kind: string): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const p of byKind.get(kind)?.props ?? []) out[p.name] = structuredClone(p.default);
  return out;
}

// ---------------------------------------------------------------------------
// §5.3 What an add-on may manage

/**
 * `yes`: the add-on manages that kind. `flagged`: drawable on purpose, so that
 * SCALE-003 can explain the mistake. `no`: refused (CONN-001 (c)).
 */
export type AddonManagement = 'yes' | 'flagged' | 'no';

const MANAGES: ReadonlyMap<string, { readonly yes: readonly string[]; readonly flagged: readonly string[] }> = new Map([
  ['aws-load-balancer-controller', { yes: [...ALB_NLB], flagged: [] }],
  ['cluster-autoscaler', { yes: ['managedNodeGroup', 'selfManagedNodeGroup'], flagged: ['fargateProfile', 'karpenterNodePool'] }],
  ['karpenter', { yes: ['karpenterNodePool'], flagged: ['fargateProfile', 'managedNodeGroup', 'selfManagedNodeGroup'] }],
  ['cloudmap-mcs-controller', { yes: ['cloudMapNamespace'], flagged: [] }],
  ['external-dns', { yes: ['cloudMapNamespace'], flagged: [] }],
]);

/** May an add-on of this addonType be the source of `manages` to this kind (§5.3)? */
export function addonManagement(addonType: string, targetKind: string): AddonManagement {
  const entry = MANAGES.get(addonType);
  if (entry?.yes.includes(targetKind)) return 'yes';
  if (entry?.flagged.includes(targetKind)) return 'flagged';
  return 'no';
}
