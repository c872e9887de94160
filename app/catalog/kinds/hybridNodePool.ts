import type { KindSpec } from '../types';
import { computeSize } from './shared';

export const hybridNodePool: KindSpec = {
  kind: 'hybridNodePool',
  name: { en: 'Hybrid nodes', ja: 'ハイブリッドノード' },
  description: {
    en: 'Your own on-premises machines joined to the EKS cluster as hybrid nodes, run by the same control plane in the cloud.',
    ja: '自社環境のマシンをハイブリッドノードとして EKS クラスターに参加させ、クラウド上の同じコントロールプレーンから管理します。',
  },
  category: 'compute',
  container: true,
  allowedParents: ['onPremises'],
  defaultSize: computeSize(),
  icon: 'hybridNodePool',
  props: [
    {
      name: 'nodeCidr',
      type: 'cidr',
      label: { en: 'Node CIDR', ja: 'ノード CIDR' },
      default: '',
      placeholder: '10.200.0.0/16',
      help: { en: 'On-premises node addresses.', ja: 'オンプレミスのノードのアドレス範囲です。' },
    },
    {
      name: 'podCidr',
      type: 'cidr',
      label: { en: 'Pod CIDR', ja: 'Pod CIDR' },
      default: '',
      placeholder: '10.201.0.0/16',
      help: { en: 'Pod addresses on these nodes.', ja: 'これらのノード上の Pod のアドレス範囲です。' },
    },
    {
      name: 'cni',
      type: 'enum',
      label: { en: 'CNI', ja: 'CNI' },
      values: ['cilium', 'calico', 'vpc-cni', 'none'],
      default: 'cilium',
    },
    {
      name: 'podTrafficNatted',
      type: 'bool',
      label: { en: 'Pod traffic masqueraded', ja: 'Pod 通信のマスカレード' },
      default: false,
      help: {
        en: 'Pod traffic leaves the node translated to the node’s IP.',
        ja: 'Pod からの通信は、ノードの IP アドレスに変換されて送出されます。',
      },
    },
    {
      name: 'runsWebhooks',
      type: 'bool',
      label: { en: 'Runs webhooks', ja: 'Webhook を実行' },
      default: false,
      help: {
        en: 'Admission webhooks run on these nodes.',
        ja: 'これらのノードでアドミッション Webhook が動いています。',
      },
    },
    {
      name: 'credentials',
      type: 'enum',
      label: { en: 'Node credentials', ja: 'ノードの認証情報' },
      values: ['ssm', 'iamRolesAnywhere'],
      default: 'ssm',
      informative: true,
    },
  ],
};
