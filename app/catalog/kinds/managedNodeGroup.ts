import type { KindSpec } from '../types';
import { NODE_GROUP_PROPS, VPC_COMPUTE_PARENTS, computeSize } from './shared';

export const managedNodeGroup: KindSpec = {
  kind: 'managedNodeGroup',
  name: { en: 'Managed node group', ja: 'マネージド型ノードグループ' },
  description: {
    en: 'EC2 worker nodes in an Auto Scaling group whose creation, updates and draining EKS automates for you.',
    ja: 'ノードの作成・更新・ドレインを EKS が自動化してくれる、Auto Scaling グループ上の EC2 ワーカーノード群です。',
  },
  category: 'compute',
  container: true,
  allowedParents: VPC_COMPUTE_PARENTS,
  defaultSize: computeSize(),
  icon: 'managedNodeGroup',
  props: NODE_GROUP_PROPS,
};
