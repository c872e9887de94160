import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const vpcLink: KindSpec = {
  kind: 'vpcLink',
  name: { en: 'VPC link', ja: 'VPC リンク' },
  description: {
    en: 'Lets API Gateway reach private load balancers or Cloud Map services inside your VPC.',
    ja: 'API Gateway から VPC 内のプライベートなロードバランサーや Cloud Map のサービスへ到達できるようにします。',
  },
  category: 'apiFrontDoor',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'vpcLink',
  props: [
    {
      name: 'version',
      type: 'enum',
      label: { en: 'Version', ja: 'バージョン' },
      values: ['v1', 'v2'],
      default: 'v2',
      help: {
        en: 'v1 works only with REST APIs and only targets NLBs.',
        ja: 'v1 は REST API 専用で、ターゲットにできるのは NLB だけです。',
      },
    },
  ],
};
