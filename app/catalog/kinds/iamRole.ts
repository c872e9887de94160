import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const iamRole: KindSpec = {
  kind: 'iamRole',
  name: { en: 'IAM role', ja: 'IAM ロール' },
  description: {
    en: 'An IAM role that the cluster, its nodes or its pods assume to get AWS permissions.',
    ja: 'クラスター、ノード、Pod が引き受けて AWS の権限を得るための IAM ロールです。',
  },
  category: 'security',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'iamRole',
  props: [
    {
      name: 'roleType',
      type: 'enum',
      label: { en: 'Used as', ja: 'ロールの用途' },
      values: ['cluster', 'node', 'podExecution', 'irsa', 'podIdentity'],
      default: 'node',
      help: {
        en: 'cluster and node roles serve EKS and EC2; podExecution serves Fargate; irsa and podIdentity give pods their own permissions.',
        ja: 'cluster と node は EKS と EC2 用、podExecution は Fargate 用、irsa と podIdentity は Pod 個別の権限用です。',
      },
    },
    {
      name: 'policies',
      type: 'string[]',
      label: { en: 'Policies', ja: 'ポリシー' },
      default: [],
      informative: true,
      placeholder: 'AmazonEKSWorkerNodePolicy',
    },
  ],
};
