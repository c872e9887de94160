import type { KindSpec } from '../types';
import { size } from './shared';

export const internet: KindSpec = {
  kind: 'internet',
  name: { en: 'Internet', ja: 'インターネット' },
  description: {
    en: 'The public internet, where end users and remote kubectl clients sit.',
    ja: 'エンドユーザーや社外から操作する kubectl クライアントがいる、公衆インターネットです。',
  },
  category: 'accounts',
  container: true,
  allowedParents: ['root'],
  defaultSize: size(280, 200),
  icon: 'internet',
  props: [],
};
