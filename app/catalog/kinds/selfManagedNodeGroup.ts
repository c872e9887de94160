import type { KindSpec } from '../types';
import { NODE_GROUP_PROPS, VPC_COMPUTE_PARENTS, computeSize } from './shared';

export const selfManagedNodeGroup: KindSpec = {
  kind: 'selfManagedNodeGroup',
  name: { en: 'Self-managed node group', ja: 'セルフマネージド型ノードグループ' },
  description: {
    en: 'EC2 worker nodes in an Auto Scaling group that you build, join to the cluster and update yourself, for full control over the AMI and settings.',
    ja: '利用者自身が構築・クラスターへの参加設定・更新を行う Auto Scaling グループ上の EC2 ワーカーノード群で、AMI や設定を自由にカスタマイズできます。',
  },
  category: 'compute',
  container: true,
  allowedParents: VPC_COMPUTE_PARENTS,
  defaultSize: computeSize(),
  icon: 'selfManagedNodeGroup',
  props: [
    ...NODE_GROUP_PROPS,
    // What EKS would do for a managed group has to be set up by hand here.
    {
      name: 'clusterTag',
      type: 'bool',
      label: { en: 'Cluster ownership tag', ja: 'クラスター所有タグ' },
      default: true,
      help: {
        en: 'Instances carry kubernetes.io/cluster/<name>=owned.',
        ja: 'インスタンスに kubernetes.io/cluster/<name>=owned タグが付いています。',
      },
    },
    {
      name: 'autoDiscoveryTags',
      type: 'bool',
      label: { en: 'Autoscaler discovery tags', ja: 'Autoscaler 検出タグ' },
      default: false,
      help: {
        en: 'The Auto Scaling group carries the Cluster Autoscaler auto-discovery tags.',
        ja: 'Auto Scaling グループに Cluster Autoscaler の自動検出用タグが付いています。',
      },
    },
    {
      name: 'bootstrapArgs',
      type: 'bool',
      label: { en: 'Endpoint and CA in bootstrap', ja: 'ブートストラップでエンドポイントと CA を指定' },
      default: true,
      help: {
        en: 'The API endpoint and CA are passed at bootstrap, so nodes need no EKS API call to join.',
        ja: 'API エンドポイントと CA をブートストラップ時に渡すため、ノードは参加時に EKS API を呼び出す必要がありません。',
      },
    },
  ],
};
