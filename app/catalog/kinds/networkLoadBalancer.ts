import type { KindSpec } from '../types';
import { SUBNET_OR_VPC, leafSize, loadBalancerProps } from './shared';

export const networkLoadBalancer: KindSpec = {
  kind: 'networkLoadBalancer',
  name: { en: 'Network Load Balancer', ja: 'ネットワークロードバランサー（NLB）' },
  description: {
    en: 'A layer-4 TCP/UDP load balancer, usually created for a Kubernetes Service of type LoadBalancer.',
    ja: 'レイヤー 4（TCP/UDP）のロードバランサーで、通常は LoadBalancer タイプの Kubernetes Service に対して作成されます。',
  },
  category: 'loadBalancing',
  container: false,
  allowedParents: SUBNET_OR_VPC,
  defaultSize: leafSize(),
  icon: 'networkLoadBalancer',
  props: loadBalancerProps({ listeners: ['TCP'], withTargetType: true }),
};
