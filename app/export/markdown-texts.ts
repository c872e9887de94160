import type { DiagramNode, Lang, Text } from '../model/types';
import type { Severity } from '../rules/types';
import type { DocIndex } from './doc-index';

/**
 * The fixed texts of the Markdown explanation, in both languages, and the
 * knowledge it is built from: which area of an EKS architecture each kind
 * belongs to, which props matter when describing a component, and the
 * data-plane comparison of the study notes (notes A「データプレーン」),
 * written in our own words with the corrections of rules.md ("Corrections to
 * the notes") folded in.
 */

const t = (en: string, ja: string): Text => ({ en, ja });

export type AreaId = 'controlPlane' | 'networking' | 'dataPlane' | 'loadBalancing' | 'scaling' | 'security' | 'observability' | 'other';

export interface AreaSpec {
  readonly id: AreaId;
  readonly title: Text;
  /** One sentence saying what the area is about, shown under its heading. */
  readonly intro: Text;
  readonly empty: Text;
}

export const AREAS: readonly AreaSpec[] = [
  {
    id: 'controlPlane',
    title: t('Control plane', 'コントロールプレーン'),
    intro: t(
      'The Kubernetes API server, etcd and controllers, which EKS runs for you in an AWS-managed account, and what reaches the API.',
      'Kubernetes の API サーバー、etcd、各種コントローラーです。EKS が AWS 管理のアカウントで運用します。API に接続するものもここに含めます。',
    ),
    empty: t('No control-plane components are drawn.', 'コントロールプレーンの構成要素は描かれていません。'),
  },
  {
    id: 'networking',
    title: t('Networking', 'ネットワーク'),
    intro: t('Accounts, VPCs, subnets, gateways and the network add-ons that connect everything.', 'アカウント、VPC、サブネット、ゲートウェイ、そして全体をつなぐネットワーク系アドオンです。'),
    empty: t('No networking components are drawn.', 'ネットワークの構成要素は描かれていません。'),
  },
  {
    id: 'dataPlane',
    title: t('Data plane', 'データプレーン'),
    intro: t('The compute in your account where pods run, and what runs on it.', 'Pod が動く、お客様のアカウント内のコンピューティングと、その上で動くものです。'),
    empty: t('No data-plane components are drawn.', 'データプレーンの構成要素は描かれていません。'),
  },
  {
    id: 'loadBalancing',
    title: t('Load balancing and traffic', 'ロードバランシングとトラフィック'),
    intro: t('How requests enter and are spread over the pods.', 'リクエストがどこから入り、どのように Pod に分散されるかです。'),
    empty: t('No load balancing or traffic components are drawn.', 'ロードバランシングやトラフィックの構成要素は描かれていません。'),
  },
  {
    id: 'scaling',
    title: t('Scaling', 'スケーリング'),
    intro: t('What adds and removes pods and nodes as demand changes.', '需要に応じて Pod やノードを増減させる仕組みです。'),
    empty: t('No autoscaling components are drawn.', 'オートスケーリングの構成要素は描かれていません。'),
  },
  {
    id: 'security',
    title: t('Security', 'セキュリティ'),
    intro: t('Identities, keys, secrets, certificates and security groups.', 'ID、キー、シークレット、証明書、セキュリティグループです。'),
    empty: t('No security components are drawn.', 'セキュリティの構成要素は描かれていません。'),
  },
  {
    id: 'observability',
    title: t('Observability', 'オブザーバビリティ'),
    intro: t('Where logs and metrics go.', 'ログやメトリクスの送り先です。'),
    empty: t('No logging or monitoring components are drawn.', 'ログやモニタリングの構成要素は描かれていません。'),
  },
  {
    id: 'other',
    title: t('Other components', 'その他のコンポーネント'),
    intro: t('Components of kinds this version of Kumozu does not know; they are kept as they are in the file.', 'このバージョンの Kumozu が知らない種類のコンポーネントです。ファイルの内容のまま保持されます。'),
    empty: t('None.', 'ありません。'),
  },
];

const KIND_AREA: Readonly<Record<string, AreaId>> = {
  awsManagedAccount: 'controlPlane',
  eksControlPlane: 'controlPlane',
  clusterEni: 'controlPlane',
  kubectlClient: 'controlPlane',
  customerAccount: 'networking',
  internet: 'networking',
  onPremises: 'networking',
  vpc: 'networking',
  availabilityZone: 'networking',
  subnet: 'networking',
  internetGateway: 'networking',
  natGateway: 'networking',
  vpcEndpoint: 'networking',
  transitGateway: 'networking',
  virtualPrivateGateway: 'networking',
  hybridLink: 'networking',
  vpcPeering: 'networking',
  cloudMapNamespace: 'networking',
  managedNodeGroup: 'dataPlane',
  selfManagedNodeGroup: 'dataPlane',
  karpenterNodePool: 'dataPlane',
  fargateProfile: 'dataPlane',
  hybridNodePool: 'dataPlane',
  k8sNamespace: 'dataPlane',
  workload: 'dataPlane',
  persistentVolume: 'dataPlane',
  ecrRepository: 'dataPlane',
  awsService: 'dataPlane',
  k8sService: 'loadBalancing',
  ingress: 'loadBalancing',
  applicationLoadBalancer: 'loadBalancing',
  networkLoadBalancer: 'loadBalancing',
  classicLoadBalancer: 'loadBalancing',
  apiGateway: 'loadBalancing',
  vpcLink: 'loadBalancing',
  endUser: 'loadBalancing',
  hpa: 'scaling',
  acmCertificate: 'security',
  iamRole: 'security',
  kmsKey: 'security',
  securityGroup: 'security',
  secretsManagerSecret: 'security',
  cloudWatch: 'observability',
};

/** Add-ons are explained where their job is. */
const ADDON_AREA: Readonly<Record<string, AreaId>> = {
  'cluster-autoscaler': 'scaling',
  karpenter: 'scaling',
  'metrics-server': 'scaling',
  'custom-metrics-adapter': 'scaling',
  'aws-load-balancer-controller': 'loadBalancing',
  'cloudwatch-observability': 'observability',
  adot: 'observability',
  prometheus: 'observability',
  'pod-identity-agent': 'security',
  'secrets-store-csi-ascp': 'security',
  'ebs-csi-driver': 'dataPlane',
  'efs-csi-driver': 'dataPlane',
};

export function areaOf(node: DiagramNode, index: DocIndex): AreaId {
  if (node.kind === 'addon') return ADDON_AREA[index.str(node, 'addonType')] ?? 'networking';
  return KIND_AREA[node.kind] ?? 'other';
}

/**
 * The props worth naming when a component is described, per kind, most
 * telling first. Kinds not listed show none; informative-only details
 * (creation method, AMI type, …) are left to the inventory in the file.
 */
export const KEY_PROPS: Readonly<Record<string, readonly string[]>> = {
  customerAccount: ['accountId', 'region'],
  onPremises: ['networkCidrs'],
  vpc: ['cidr', 'dualStack'],
  availabilityZone: ['name', 'zoneType'],
  subnet: ['tier', 'cidr', 'availableIps', 'elbRoleTags'],
  natGateway: ['connectivity', 'publicIp'],
  vpcEndpoint: ['service', 'type', 'privateDns'],
  hybridLink: ['linkType', 'bandwidthMbps', 'rttMs'],
  eksControlPlane: [
    'kubernetesVersion',
    'supportType',
    'endpointPublicAccess',
    'endpointPrivateAccess',
    'publicAccessCidrs',
    'authenticationMode',
    'ipFamily',
    'oidcProvider',
    'controlPlaneLogging',
  ],
  managedNodeGroup: ['os', 'capacityType', 'instanceTypes', 'minSize', 'desiredSize', 'maxSize', 'remoteAccess'],
  selfManagedNodeGroup: ['os', 'capacityType', 'instanceTypes', 'minSize', 'desiredSize', 'maxSize', 'autoDiscoveryTags', 'remoteAccess'],
  karpenterNodePool: ['os', 'capacityTypes', 'instanceRequirements', 'amiSelector', 'cpuLimit'],
  fargateProfile: ['selectors', 'podExecutionRole'],
  hybridNodePool: ['nodeCidr', 'podCidr', 'cni'],
  k8sNamespace: ['name'],
  workload: ['workloadType', 'replicas', 'credentialSource', 'secretSource'],
  k8sService: ['serviceType', 'scheme', 'targetType', 'lbController'],
  ingress: ['ingressClass', 'scheme', 'targetType', 'protocol'],
  hpa: ['metric', 'minReplicas', 'maxReplicas'],
  persistentVolume: ['storage'],
  addon: ['addonType', 'installMethod', 'version', 'credentialSource'],
  applicationLoadBalancer: ['scheme', 'targetType', 'listeners', 'subnetSelection'],
  networkLoadBalancer: ['scheme', 'targetType', 'listeners', 'subnetSelection'],
  classicLoadBalancer: ['scheme', 'listeners'],
  apiGateway: ['apiType'],
  vpcLink: ['version'],
  acmCertificate: ['domain'],
  iamRole: ['roleType', 'policies'],
  kmsKey: ['keyManager', 'rotation'],
  securityGroup: ['managedBy', 'rules'],
  secretsManagerSecret: ['rotation'],
  awsService: ['service'],
  kubectlClient: ['sourceCidr'],
};

export interface DataPlaneOption {
  readonly kinds: readonly string[];
  readonly name: Text;
  readonly management: Text;
  readonly customisation: Text;
  readonly cost: Text;
  readonly scaling: Text;
  readonly workloads: Text;
}

/** The comparison of notes A「データプレーン」, one row per option. */
export const DATA_PLANE_OPTIONS: readonly DataPlaneOption[] = [
  {
    kinds: ['managedNodeGroup'],
    name: t('Managed node groups', 'マネージド型ノードグループ'),
    management: t('Low: AWS automates provisioning, patching and updates of the nodes.', '低い。ノードの作成、パッチ適用、更新を AWS が自動化する。'),
    customisation: t(
      'Standard settings are managed by AWS; a launch template allows a custom AMI and kubelet settings, which you then patch yourself.',
      '標準的な設定は AWS が管理する。起動テンプレートでカスタム AMI や kubelet の設定も使えるが、そのパッチ適用は自分で行う。',
    ),
    cost: t('Reasonable for typical use; Spot capacity lowers it further.', '一般的な用途では適切。スポットインスタンスでさらに下げられる。'),
    scaling: t('Moderate: built on Auto Scaling groups, steady but slower to react to sudden spikes.', '中程度。Auto Scaling グループが基盤で安定しているが、急な負荷への反応はやや遅い。'),
    workloads: t('Steady web applications and microservices where low operating effort matters.', '継続的に動く Web アプリケーションやマイクロサービス。運用負荷を抑えたい環境。'),
  },
  {
    kinds: ['selfManagedNodeGroup'],
    name: t('Self-managed nodes', 'セルフマネージド型ノード'),
    management: t('High: you manage every node yourself, in exchange for full freedom.', '高い。すべてのノードを自分で管理する代わりに、自由度が高い。'),
    customisation: t('Complete: instances, AMIs, networking and security are all yours to configure.', '完全。インスタンス、AMI、ネットワーク、セキュリティまで自由に構成できる。'),
    cost: t('Fully in your hands: Spot and Reserved Instances can be combined freely, with the most room for savings.', '自分で管理できる。スポットやリザーブドインスタンスを柔軟に組み合わせられ、削減の余地が大きい。'),
    scaling: t('Up to the operators; heavy load needs a scaling plan.', '運用者の対応次第。高負荷の環境ではスケーリング計画が欠かせない。'),
    workloads: t('Batch and HPC work with special security requirements or custom builds.', '特殊なセキュリティ要件やカスタム構成が必要なバッチ処理や HPC。'),
  },
  {
    kinds: ['karpenterNodePool'],
    name: t('Karpenter', 'Karpenter'),
    management: t('Medium: provisioning is automatic, but setting it up and running it takes some learning.', '中程度。プロビジョニングは自動だが、初期設定と運用には学習が必要。'),
    customisation: t('Medium: nodes are chosen to fit pod requests, from a flexible range of instance types.', '中程度。Pod の要求に合わせ、幅広いインスタンスタイプから柔軟に選ばれる。'),
    cost: t('High: only the capacity pods need is launched, and Spot can cut costs a lot.', '高い。必要な分だけ起動するので過剰な割り当てが少なく、スポットで大きく削減できる。'),
    scaling: t('Fast: capacity appears as soon as pods are pending, which suits strongly fluctuating load.', '速い。Pod が待ち状態になるとすぐに容量を用意し、増減の激しい負荷に向く。'),
    workloads: t('Cost-focused microservices that scale dynamically, and irregular batch jobs, often on Spot.', 'スポットを活用し、コスト効率と動的なスケーリングを重視するマイクロサービスや不定期のバッチ処理。'),
  },
  {
    kinds: ['fargateProfile'],
    name: t('Fargate', 'Fargate'),
    management: t('Lowest: fully managed, with no instances at all.', '最も低い。完全マネージドで、インスタンスの管理が不要。'),
    customisation: t('Little: meant for basic workloads; per-pod tuning is hard.', 'ほとんどない。基本的なワークロード向けで、Pod ごとの細かな設定は難しい。'),
    cost: t('Higher: the convenience is paid for, and long-running work tends to be inefficient.', '高め。完全マネージドの分割高で、長時間動くワークロードでは非効率になりがち。'),
    scaling: t('Automatic and immediate per pod, though costs can climb quickly with many pods.', '完全に自動で即座にスケールするが、Pod が多いとコストが急増しうる。'),
    workloads: t('Small, temporary or experimental workloads and serverless-style designs.', '一時的・小規模なアプリケーションや実験的なワークロード、サーバーレス志向の構成。'),
  },
];

export const TX = {
  untitled: t('Untitled diagram', '無題の図'),
  imageAlt: t('Diagram', '構成図'),
  overview: t('Overview', '概要'),
  leadControlPlane: t('Control plane', 'コントロールプレーン'),
  leadEndpoint: t('API endpoint', 'API エンドポイント'),
  leadNetwork: t('Network', 'ネットワーク'),
  leadDataPlane: t('Data plane', 'データプレーン'),
  leadTraffic: t('Traffic', 'トラフィック'),
  leadScaling: t('Scaling', 'スケーリング'),
  leadSecurity: t('Security', 'セキュリティ'),
  leadObservability: t('Observability', 'オブザーバビリティ'),
  comparison: t('Data plane options compared', 'データプレーンの選択肢の比較'),
  comparisonIntro: t(
    'How the data-plane options of EKS compare; the last column marks what this diagram uses.',
    'EKS のデータプレーンの選択肢の比較です。最後の列は、この図で使われているものを示します。',
  ),
  comparisonHybrid: t(
    'Hybrid nodes, used here, are not in this comparison: they run on your own machines on premises, for workloads that must stay close to on-premises systems or data.',
    'この図で使われているハイブリッドノードはこの比較に含まれません。オンプレミスのシステムやデータの近くで動かす必要があるワークロード向けに、自社のマシンで動くノードです。',
  ),
  colOption: t('Option', '選択肢'),
  colManagement: t('Management effort', '管理の手間'),
  colCustomisation: t('Customisation', 'カスタマイズ性'),
  colCost: t('Cost efficiency', 'コスト効率'),
  colScaling: t('Scaling speed', 'スケーリング速度'),
  colWorkloads: t('Suitable workloads', '適したワークロード'),
  colUsed: t('In this diagram', 'この図'),
  connections: t('Connections', '接続'),
  connectionsEmpty: t('The diagram has no connections.', 'この図には接続がありません。'),
  colFrom: t('From', '接続元'),
  colConnection: t('Connection', '接続'),
  colTo: t('To', '接続先'),
  colMeaning: t('Meaning', '意味'),
  invalidConnection: t(
    'Not a connection the palette allows between these two kinds; the checks report it (CONN-001) and ignore it otherwise.',
    'この 2 種類の間ではパレットが認めていない接続です。チェックで報告され（CONN-001）、それ以外では無視されます。',
  ),
  destination: t('Destination', '宛先'),
  components: t('Components', 'コンポーネント一覧'),
  componentsEmpty: t('The diagram is empty.', 'この図は空です。'),
  colComponent: t('Component', 'コンポーネント'),
  colKind: t('Kind', '種類'),
  colArea: t('Area', '分野'),
  colInside: t('Inside', '配置先'),
  findings: t('Findings', 'チェック結果'),
  findingsNone: t('The checks found nothing to report.', 'チェックで指摘事項は見つかりませんでした。'),
  findingNodes: t('Components', '対象'),
  ruleTitle: t('Rule', 'ルール'),
  why: t('Why', '理由'),
  fix: t('Fix', '対処'),
  notes: t('Notes', 'メモ'),
  mermaid: t('Diagram as a flowchart', 'フローチャート'),
  mermaidIntro: t(
    'The components and connections as a Mermaid flowchart; containers are subgraphs.',
    'コンポーネントと接続を Mermaid のフローチャートで表したものです。コンテナはサブグラフです。',
  ),
  mermaidTooLarge: t(
    'The diagram is too large for a Mermaid flowchart ({edges} connections, {chars} characters; Mermaid draws at most {maxEdges} connections and {maxChars} characters). See the image instead.',
    'この図は Mermaid のフローチャートには大きすぎます（接続 {edges} 本、{chars} 文字。Mermaid が描けるのは接続 {maxEdges} 本、{maxChars} 文字まで）。画像を参照してください。',
  ),
  yes: t('yes', 'はい'),
  no: t('no', 'いいえ'),
  none: t('none', 'なし'),
  notSet: t('not set', '未設定'),
  records: t('{n} entries', '{n} 件'),
  inWord: t('in', '配置先：'),
} as const;

export const SEVERITY_TITLE: Readonly<Record<Severity, Text>> = {
  error: t('Errors', 'エラー'),
  warning: t('Warnings', '警告'),
  info: t('Information', '情報'),
};

/** A list in running text: "a, b and c" / 「a、b、c」. */
export function joinList(items: readonly string[], lang: Lang): string {
  if (lang === 'ja') return items.join('、');
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** A quoted name in running text: “name” / 「name」 (already escaped by the caller). */
export function quote(name: string, lang: Lang): string {
  return lang === 'ja' ? `「${name}」` : `“${name}”`;
}
