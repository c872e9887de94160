import type { KindSpec, PropSpec } from '../types';
import { K8S_OBJECT_PARENTS, credentialSourceProp, leafSize, namespaceProp, whenEnumIs } from './shared';

const addonType: PropSpec = {
  name: 'addonType',
  type: 'enum',
  label: { en: 'Add-on', ja: 'アドオンの種類' },
  values: [
    'vpc-cni',
    'coredns',
    'kube-proxy',
    'metrics-server',
    'aws-load-balancer-controller',
    'cluster-autoscaler',
    'karpenter',
    'ebs-csi-driver',
    'efs-csi-driver',
    'pod-identity-agent',
    'secrets-store-csi-ascp',
    'cloudwatch-observability',
    'adot',
    'prometheus',
    'custom-metrics-adapter',
    'cloudmap-mcs-controller',
    'external-dns',
    'cilium',
    'calico',
  ],
  default: 'vpc-cni',
  help: {
    en: 'custom-metrics-adapter covers Prometheus Adapter, KEDA and similar.',
    ja: 'custom-metrics-adapter は Prometheus Adapter や KEDA などを含みます。',
  },
};

// Type-specific props are always stored; the inspector shows only those for the chosen type.
const forClusterAutoscaler = whenEnumIs(addonType, ['cluster-autoscaler']);

export const addon: KindSpec = {
  kind: 'addon',
  name: { en: 'Add-on', ja: 'アドオン' },
  description: {
    en: 'Cluster software such as the VPC CNI, CoreDNS or a controller, installed as an EKS add-on, self-managed or with Helm.',
    ja: 'VPC CNI、CoreDNS、各種コントローラーなどクラスターを支えるソフトウェアで、EKS アドオン、セルフマネージド、Helm のいずれかで導入します。',
  },
  category: 'kubernetes',
  container: false,
  allowedParents: K8S_OBJECT_PARENTS,
  defaultSize: leafSize(),
  icon: 'addon',
  props: [
    namespaceProp('kube-system'),
    addonType,
    {
      name: 'installMethod',
      type: 'enum',
      label: { en: 'Installed as', ja: '導入方法' },
      values: ['eksAddon', 'selfManaged', 'helm'],
      default: 'eksAddon',
    },
    {
      name: 'version',
      type: 'string',
      label: { en: 'Version', ja: 'バージョン' },
      default: '',
      placeholder: '1.33.0',
    },
    credentialSourceProp('nodeRole'),
    {
      name: 'autoDiscovery',
      type: 'bool',
      label: { en: 'Auto-discovery', ja: '自動検出' },
      default: true,
      help: {
        en: 'Finds node groups by their Auto Scaling group tags.',
        ja: 'Auto Scaling グループのタグでノードグループを見つけます。',
      },
      appliesWhen: forClusterAutoscaler,
    },
    {
      name: 'balanceSimilarNodeGroups',
      type: 'bool',
      label: { en: 'Balance similar node groups', ja: '類似ノードグループの均等化' },
      default: false,
      help: {
        en: 'Keeps similar groups (for example one per AZ) at the same size.',
        ja: '似た構成のノードグループ（AZ ごとのグループなど）のサイズをそろえます。',
      },
      appliesWhen: forClusterAutoscaler,
    },
    {
      name: 'staticInstanceList',
      type: 'bool',
      label: { en: 'Static instance list', ja: '静的インスタンスリスト' },
      default: false,
      help: {
        en: '--aws-use-static-instance-list: uses the built-in instance list instead of calling the pricing API.',
        ja: '--aws-use-static-instance-list：料金 API を呼ばずに、組み込みのインスタンス一覧を使います。',
      },
      appliesWhen: forClusterAutoscaler,
    },
    {
      name: 'interruptionQueue',
      type: 'bool',
      label: { en: 'Interruption queue', ja: '中断キュー' },
      default: false,
      help: {
        en: 'An SQS queue delivers Spot interruption and maintenance events so Karpenter can drain nodes in time.',
        ja: 'スポットの中断やメンテナンスのイベントを SQS キューで受け取り、Karpenter が事前にノードをドレインできるようにします。',
      },
      appliesWhen: whenEnumIs(addonType, ['karpenter']),
    },
    {
      name: 'regionVpcFlags',
      type: 'bool',
      label: { en: 'Region and VPC ID as flags', ja: 'リージョンと VPC ID をフラグで指定' },
      default: false,
      help: {
        en: 'The Region and VPC ID are passed as flags, so the controller needs no IMDS lookup.',
        ja: 'リージョンと VPC ID をフラグで渡すため、コントローラーが IMDS に問い合わせる必要がありません。',
      },
      appliesWhen: whenEnumIs(addonType, ['aws-load-balancer-controller']),
    },
    {
      name: 'cniMode',
      type: 'enum',
      label: { en: 'CNI mode', ja: 'CNI モード' },
      values: ['vpcNative', 'overlay'],
      default: 'vpcNative',
      help: {
        en: 'vpcNative: policy-only or chained on the VPC CNI; overlay: replaces the VPC CNI.',
        ja: 'vpcNative：VPC CNI と併用（ポリシーのみ、またはチェイン）。overlay：VPC CNI を置き換えます。',
      },
      appliesWhen: whenEnumIs(addonType, ['cilium', 'calico']),
    },
  ],
};
