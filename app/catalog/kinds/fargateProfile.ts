import type { KindSpec } from '../types';
import { VPC_COMPUTE_PARENTS, computeSize } from './shared';

export const fargateProfile: KindSpec = {
  kind: 'fargateProfile',
  name: { en: 'Fargate profile', ja: 'Fargate プロファイル' },
  description: {
    en: 'Runs the pods its selectors match on serverless Fargate capacity, each pod in its own isolated micro-VM, with no nodes to manage.',
    ja: 'セレクターに一致する Pod を、Pod ごとに分離されたサーバーレスの Fargate 上で実行し、ノードの管理を不要にします。',
  },
  category: 'compute',
  container: true,
  allowedParents: VPC_COMPUTE_PARENTS,
  defaultSize: computeSize(),
  icon: 'fargateProfile',
  props: [
    {
      name: 'selectors',
      type: 'string[]',
      label: { en: 'Selectors', ja: 'セレクター' },
      default: ['default'],
      placeholder: 'prod:app=web',
      help: {
        en: 'namespace or namespace:key=value,key=value; 1 to 5 entries; * and ? wildcards allowed.',
        ja: 'namespace または namespace:key=value,key=value の形式で 1～5 個。* と ? のワイルドカードを使えます。',
      },
    },
    {
      name: 'podExecutionRole',
      type: 'bool',
      label: { en: 'Pod execution role', ja: 'Pod 実行ロール' },
      default: true,
      help: {
        en: 'A pod execution role is set (you can also draw it with an IAM role connection).',
        ja: 'Pod 実行ロールが設定されています（IAM ロールへの接続線で描くこともできます）。',
      },
    },
    {
      name: 'capacityType',
      type: 'enum',
      label: { en: 'Capacity type', ja: 'キャパシティタイプ' },
      values: ['on-demand', 'spot'],
      default: 'on-demand',
      help: {
        en: 'Fargate for EKS has no Spot; the choice exists so the checker can explain that.',
        ja: 'EKS の Fargate にはスポットがありません。その点をチェックで説明するための選択肢です。',
      },
    },
  ],
};
