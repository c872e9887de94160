import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const cloudMapNamespace: KindSpec = {
  kind: 'cloudMapNamespace',
  name: { en: 'Cloud Map namespace', ja: 'Cloud Map 名前空間' },
  description: {
    en: 'An AWS Cloud Map namespace where services are registered so that other clusters or API Gateway can discover them.',
    ja: 'サービスを登録して、他のクラスターや API Gateway から検出できるようにする AWS Cloud Map の名前空間です。',
  },
  category: 'services',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'cloudMapNamespace',
  props: [],
};
