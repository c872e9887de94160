import type { KindSpec } from '../types';
import { SUBNET_OR_VPC, leafSize, loadBalancerProps } from './shared';

export const classicLoadBalancer: KindSpec = {
  kind: 'classicLoadBalancer',
  name: { en: 'Classic Load Balancer', ja: 'クラシックロードバランサー（CLB）' },
  description: {
    en: 'The previous-generation load balancer that the in-tree Kubernetes controller creates by default; prefer an ALB or NLB in new designs.',
    ja: 'Kubernetes 組み込みのコントローラーが既定で作成する旧世代のロードバランサーで、新しい構成では ALB か NLB を選びます。',
  },
  category: 'loadBalancing',
  container: false,
  allowedParents: SUBNET_OR_VPC,
  defaultSize: leafSize(),
  icon: 'classicLoadBalancer',
  props: loadBalancerProps({ listeners: ['TCP'], withTargetType: false }),
};
