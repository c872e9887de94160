import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const secretsManagerSecret: KindSpec = {
  kind: 'secretsManagerSecret',
  name: { en: 'Secrets Manager secret', ja: 'Secrets Manager シークレット' },
  description: {
    en: 'A secret kept in AWS Secrets Manager, which pods can read through the Secrets Store CSI driver instead of a Kubernetes Secret.',
    ja: 'AWS Secrets Manager に保管するシークレットで、Kubernetes Secret を使わずに Secrets Store CSI ドライバー経由で Pod から読み取れます。',
  },
  category: 'security',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'secretsManagerSecret',
  props: [
    {
      name: 'rotation',
      type: 'bool',
      label: { en: 'Automatic rotation', ja: '自動ローテーション' },
      default: false,
      informative: true,
    },
  ],
};
