import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const cloudWatch: KindSpec = {
  kind: 'cloudWatch',
  name: { en: 'Amazon CloudWatch', ja: 'Amazon CloudWatch' },
  description: {
    en: 'Amazon CloudWatch, which collects control-plane logs and the metrics and logs of your nodes and pods.',
    ja: 'コントロールプレーンのログや、ノード・Pod のメトリクスとログを収集する Amazon CloudWatch です。',
  },
  category: 'services',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'cloudWatch',
  props: [],
};
