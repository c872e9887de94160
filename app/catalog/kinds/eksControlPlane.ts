import type { KindSpec } from '../types';
import { leafSize } from './shared';

const HYBRID_ONLY = {
  en: 'Only needed for hybrid nodes.',
  ja: 'ハイブリッドノードを使う場合だけ必要です。',
};

export const eksControlPlane: KindSpec = {
  kind: 'eksControlPlane',
  name: { en: 'EKS control plane', ja: 'EKS コントロールプレーン' },
  description: {
    en: 'The Kubernetes API server, etcd and controllers that EKS runs and scales for you in an AWS-managed account; it stands for the cluster itself.',
    ja: 'EKS が AWS 管理アカウントで運用・スケールする Kubernetes API サーバー、etcd、各種コントローラーで、クラスターそのものを表します。',
  },
  category: 'controlPlane',
  container: false,
  allowedParents: ['awsManagedAccount'],
  defaultSize: leafSize(),
  icon: 'eksControlPlane',
  props: [
    {
      name: 'kubernetesVersion',
      type: 'string',
      label: { en: 'Kubernetes version', ja: 'Kubernetes バージョン' },
      default: '1.33',
      placeholder: '1.33',
    },
    {
      name: 'supportType',
      type: 'enum',
      label: { en: 'Support type', ja: 'サポートタイプ' },
      values: ['STANDARD', 'EXTENDED'],
      default: 'STANDARD',
      help: {
        en: 'EXTENDED keeps an older version supported longer, at an extra hourly cost.',
        ja: 'EXTENDED にすると古いバージョンを長くサポートしてもらえますが、追加料金がかかります。',
      },
    },
    {
      name: 'endpointPublicAccess',
      type: 'bool',
      label: { en: 'Public endpoint', ja: 'パブリックエンドポイント' },
      default: true,
    },
    {
      name: 'endpointPrivateAccess',
      type: 'bool',
      label: { en: 'Private endpoint', ja: 'プライベートエンドポイント' },
      default: false,
      help: {
        en: 'API traffic from inside the VPC goes through the cluster ENIs.',
        ja: 'VPC 内からの API 通信がクラスター ENI を通るようになります。',
      },
    },
    {
      name: 'publicAccessCidrs',
      type: 'cidr[]',
      label: { en: 'Public access CIDRs', ja: 'パブリックアクセス許可 CIDR' },
      default: ['0.0.0.0/0'],
      placeholder: '203.0.113.0/24',
      help: {
        en: 'Allow-list of the public endpoint.',
        ja: 'パブリックエンドポイントへの接続を許可する送信元です。',
      },
    },
    {
      name: 'ipFamily',
      type: 'enum',
      label: { en: 'IP family', ja: 'IP ファミリー' },
      values: ['ipv4', 'ipv6'],
      default: 'ipv4',
    },
    {
      name: 'serviceCidr',
      type: 'cidr',
      label: { en: 'Service CIDR', ja: 'Service CIDR' },
      default: '',
      placeholder: '172.20.0.0/16',
      help: {
        en: 'Addresses of Kubernetes Services; leave empty to let EKS pick one.',
        ja: 'Kubernetes Service に割り当てるアドレス範囲です。空なら EKS が選びます。',
      },
    },
    {
      name: 'authenticationMode',
      type: 'enum',
      label: { en: 'Authentication mode', ja: '認証モード' },
      values: ['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API'],
      default: 'API_AND_CONFIG_MAP',
      help: {
        en: 'Where IAM principals are mapped to Kubernetes users: the aws-auth ConfigMap, access entries, or both.',
        ja: 'IAM プリンシパルと Kubernetes ユーザーの対応付けを、aws-auth ConfigMap とアクセスエントリのどちらで（または両方で）行うかです。',
      },
    },
    {
      name: 'oidcProvider',
      type: 'bool',
      label: { en: 'IAM OIDC provider', ja: 'IAM OIDC プロバイダー' },
      default: false,
      help: {
        en: 'The cluster’s OIDC issuer is registered in IAM; IRSA needs it.',
        ja: 'クラスターの OIDC 発行者が IAM に登録されています。IRSA に必要です。',
      },
    },
    {
      name: 'controlPlaneLogging',
      type: 'enum[]',
      label: { en: 'Control plane logs', ja: 'コントロールプレーンのログ' },
      values: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
      default: [],
      help: {
        en: 'Log types sent to CloudWatch Logs.',
        ja: 'CloudWatch Logs に送るログの種類です。',
      },
    },
    {
      name: 'remoteNodeNetworks',
      type: 'cidr[]',
      label: { en: 'Remote node networks', ja: 'リモートノードネットワーク' },
      default: [],
      placeholder: '10.200.0.0/16',
      help: HYBRID_ONLY,
    },
    {
      name: 'remotePodNetworks',
      type: 'cidr[]',
      label: { en: 'Remote pod networks', ja: 'リモート Pod ネットワーク' },
      default: [],
      placeholder: '10.201.0.0/16',
      help: HYBRID_ONLY,
    },
    {
      name: 'creationMethod',
      type: 'enum',
      label: { en: 'Created with', ja: '作成方法' },
      values: ['console', 'cloudformation', 'eksctl', 'eksBlueprints', 'terraform', 'cli'],
      default: 'console',
      informative: true,
    },
  ],
};
