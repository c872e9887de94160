import type { KindSpec } from '../types';
import { K8S_OBJECT_PARENTS, leafSize, namespaceProp, schemeProp, targetTypeProp } from './shared';

export const ingress: KindSpec = {
  kind: 'ingress',
  name: { en: 'Ingress', ja: 'Ingress' },
  description: {
    en: 'HTTP routing rules for Services; with the AWS Load Balancer Controller they are served by an Application Load Balancer.',
    ja: 'Service への HTTP ルーティングルールで、AWS Load Balancer Controller を使うと Application Load Balancer によって処理されます。',
  },
  category: 'kubernetes',
  container: false,
  allowedParents: K8S_OBJECT_PARENTS,
  defaultSize: leafSize(),
  icon: 'ingress',
  props: [
    namespaceProp('default'),
    {
      name: 'ingressClass',
      type: 'enum',
      label: { en: 'Ingress class', ja: 'Ingress クラス' },
      values: ['alb', 'other'],
      default: 'alb',
    },
    schemeProp(),
    targetTypeProp(),
    {
      name: 'groupName',
      type: 'string',
      label: { en: 'Group name', ja: 'グループ名' },
      default: '',
      informative: true,
      help: {
        en: 'Ingresses in the same group share one ALB.',
        ja: '同じグループの Ingress は 1 つの ALB を共有します。',
      },
    },
    {
      name: 'protocol',
      type: 'enum',
      label: { en: 'Protocol', ja: 'プロトコル' },
      values: ['HTTP', 'HTTPS', 'gRPC'],
      default: 'HTTP',
      informative: true,
    },
  ],
};
