import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const apiGateway: KindSpec = {
  kind: 'apiGateway',
  name: { en: 'API Gateway', ja: 'API Gateway' },
  description: {
    en: 'A managed front door for REST or HTTP APIs that can forward requests into the cluster through a VPC link.',
    ja: 'REST API や HTTP API を公開するマネージドな入口で、VPC リンクを通じてクラスター内へリクエストを転送できます。',
  },
  category: 'apiFrontDoor',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'apiGateway',
  props: [
    {
      name: 'apiType',
      type: 'enum',
      label: { en: 'API type', ja: 'API の種類' },
      values: ['REST', 'HTTP'],
      default: 'HTTP',
    },
  ],
};
