import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const kmsKey: KindSpec = {
  kind: 'kmsKey',
  name: { en: 'KMS key', ja: 'KMS キー' },
  description: {
    en: 'An AWS KMS encryption key; connected to the control plane, it envelope-encrypts Kubernetes Secrets.',
    ja: 'AWS KMS の暗号化キーで、コントロールプレーンと接続すると Kubernetes Secret のエンベロープ暗号化に使われます。',
  },
  category: 'security',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'kmsKey',
  props: [
    {
      name: 'keyManager',
      type: 'enum',
      label: { en: 'Key managed by', ja: 'キーの管理者' },
      values: ['awsOwned', 'awsManaged', 'customer'],
      default: 'customer',
    },
    {
      name: 'rotation',
      type: 'bool',
      label: { en: 'Automatic rotation', ja: '自動ローテーション' },
      default: false,
      informative: true,
    },
  ],
};
