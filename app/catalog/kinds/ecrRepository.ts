import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const ecrRepository: KindSpec = {
  kind: 'ecrRepository',
  name: { en: 'ECR repository', ja: 'ECR リポジトリ' },
  description: {
    en: 'A private Amazon ECR repository holding the container images your pods pull.',
    ja: 'Pod が取得するコンテナイメージを保管する、Amazon ECR のプライベートリポジトリです。',
  },
  category: 'services',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'ecrRepository',
  props: [],
};
