import type { KindSpec } from '../types';
import { size } from './shared';

export const customerAccount: KindSpec = {
  kind: 'customerAccount',
  name: { en: 'AWS account (yours)', ja: 'お客様の AWS アカウント' },
  description: {
    en: 'Your own AWS account, holding the VPC, the worker nodes and the other resources you create; draw one only when several accounts matter.',
    ja: 'VPC やワーカーノードなど利用者が作成するリソースを収める自分の AWS アカウントで、複数のアカウントを描き分けたいときだけ使います。',
  },
  category: 'accounts',
  container: true,
  allowedParents: ['root'],
  defaultSize: size(1200, 800),
  icon: 'customerAccount',
  props: [
    {
      name: 'accountId',
      type: 'string',
      label: { en: 'Account ID', ja: 'アカウント ID' },
      default: '',
      informative: true,
      placeholder: '123456789012',
      help: { en: '12 digits.', ja: '12 桁の数字です。' },
    },
    {
      name: 'region',
      type: 'string',
      label: { en: 'Region', ja: 'リージョン' },
      default: '',
      placeholder: 'ap-northeast-1',
      help: {
        en: 'Leave empty when the whole diagram is in one Region.',
        ja: '図全体が 1 つのリージョンなら空のままで構いません。',
      },
    },
  ],
};
