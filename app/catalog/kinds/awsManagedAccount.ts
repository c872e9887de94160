import type { KindSpec } from '../types';
import { size } from './shared';

export const awsManagedAccount: KindSpec = {
  kind: 'awsManagedAccount',
  name: { en: 'AWS-managed account', ja: 'AWS 管理アカウント' },
  description: {
    en: 'The AWS-owned account where EKS runs your cluster’s control plane; you never touch its resources directly.',
    ja: 'EKS がクラスターのコントロールプレーンを実行する AWS 所有のアカウントで、利用者が中のリソースを直接操作することはありません。',
  },
  category: 'accounts',
  container: true,
  allowedParents: ['root'],
  defaultSize: size(360, 240),
  icon: 'awsManagedAccount',
  props: [],
};
