import type { KindSpec } from '../types';
import { leafSize } from './shared';

export const endUser: KindSpec = {
  kind: 'endUser',
  name: { en: 'End user', ja: 'エンドユーザー' },
  description: {
    en: 'People or systems that use the applications the cluster serves.',
    ja: 'クラスターが提供するアプリケーションを利用する人やシステムです。',
  },
  category: 'clients',
  container: false,
  allowedParents: ['internet', 'onPremises'],
  defaultSize: leafSize(),
  icon: 'endUser',
  props: [],
};
