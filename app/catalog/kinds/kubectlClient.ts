import type { KindSpec } from '../types';
import { leafSize } from './shared';

export const kubectlClient: KindSpec = {
  kind: 'kubectlClient',
  name: { en: 'kubectl client', ja: 'kubectl クライアント' },
  description: {
    en: 'An operator’s machine or a CI job that runs kubectl against the cluster’s API endpoint.',
    ja: 'クラスターの API エンドポイントに対して kubectl を実行する、運用担当者の端末や CI ジョブです。',
  },
  category: 'clients',
  container: false,
  allowedParents: ['internet', 'onPremises', 'subnet'],
  defaultSize: leafSize(),
  icon: 'kubectlClient',
  props: [
    {
      name: 'sourceCidr',
      type: 'cidr',
      label: { en: 'Source CIDR', ja: '送信元 CIDR' },
      default: '',
      informative: true,
      placeholder: '203.0.113.0/24',
    },
  ],
};
