import type { KindSpec } from '../types';
import { SUBNET_OR_VPC, leafSize, loadBalancerProps } from './shared';

export const applicationLoadBalancer: KindSpec = {
  kind: 'applicationLoadBalancer',
  name: { en: 'Application Load Balancer', ja: 'アプリケーションロードバランサー（ALB）' },
  description: {
    en: 'A layer-7 HTTP/HTTPS load balancer, usually created by the AWS Load Balancer Controller for an Ingress.',
    ja: 'レイヤー 7（HTTP/HTTPS）のロードバランサーで、通常は Ingress に対して AWS Load Balancer Controller が作成します。',
  },
  category: 'loadBalancing',
  container: false,
  allowedParents: SUBNET_OR_VPC,
  defaultSize: leafSize(),
  icon: 'applicationLoadBalancer',
  props: loadBalancerProps({ listeners: ['HTTP'], withTargetType: true }),
};
