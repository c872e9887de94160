import type { KindSpec } from '../types';
import { VPC_COMPUTE_PARENTS, computeSize, gpuProp, nodeOsProp } from './shared';

export const karpenterNodePool: KindSpec = {
  kind: 'karpenterNodePool',
  name: { en: 'Karpenter NodePool', ja: 'Karpenter ノードプール' },
  description: {
    en: 'A Karpenter NodePool with its EC2NodeClass, which launches right-sized EC2 instances straight for pending pods, without node groups.',
    ja: 'スケジュール待ちの Pod に合わせて、ノードグループを介さずに最適なサイズの EC2 インスタンスを直接起動する Karpenter の NodePool（と EC2NodeClass）です。',
  },
  category: 'compute',
  container: true,
  allowedParents: VPC_COMPUTE_PARENTS,
  defaultSize: computeSize(),
  icon: 'karpenterNodePool',
  props: [
    nodeOsProp(),
    {
      name: 'capacityTypes',
      type: 'enum[]',
      label: { en: 'Capacity types', ja: 'キャパシティタイプ' },
      values: ['on-demand', 'spot'],
      default: ['on-demand'],
    },
    {
      name: 'instanceRequirements',
      type: 'string[]',
      label: { en: 'Instance requirements', ja: 'インスタンス要件' },
      default: [],
      informative: true,
      placeholder: 'karpenter.k8s.aws/instance-category In c,m,r',
      help: { en: 'One requirement per entry.', ja: '1 項目につき 1 つの要件を書きます。' },
    },
    gpuProp({ en: 'The pool launches GPU instances.', ja: 'GPU インスタンスを起動するプールです。' }),
    {
      name: 'amiSelector',
      type: 'enum',
      label: { en: 'AMI selection', ja: 'AMI の選択' },
      values: ['pinned', 'latest'],
      default: 'pinned',
      help: {
        en: 'latest: nodes are replaced whenever a new AMI is released.',
        ja: 'latest：新しい AMI が公開されるたびにノードが入れ替わります。',
      },
    },
    {
      name: 'cpuLimit',
      type: 'int?',
      label: { en: 'CPU limit', ja: 'CPU 上限' },
      default: null,
      min: 1,
      informative: true,
      help: {
        en: 'The NodePool’s limits.cpu: total vCPUs it may launch.',
        ja: 'NodePool の limits.cpu（起動できる vCPU の合計）です。',
      },
    },
  ],
};
