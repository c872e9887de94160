import type { KindSpec } from '../types';
import { size } from './shared';

export const vpc: KindSpec = {
  kind: 'vpc',
  name: { en: 'VPC', ja: 'VPC' },
  description: {
    en: 'An isolated virtual network in one Region; the cluster’s nodes, pods and load balancers take their IP addresses from it.',
    ja: '1 つのリージョン内に作る分離された仮想ネットワークで、クラスターのノード、Pod、ロードバランサーはここから IP アドレスを受け取ります。',
  },
  category: 'network',
  container: true,
  allowedParents: ['root', 'customerAccount'],
  defaultSize: size(1040, 680),
  icon: 'vpc',
  props: [
    {
      name: 'cidr',
      type: 'cidr',
      label: { en: 'IPv4 CIDR', ja: 'IPv4 CIDR' },
      default: '',
      placeholder: '10.0.0.0/16',
      help: { en: 'The primary IPv4 block.', ja: 'プライマリ IPv4 CIDR ブロックです。' },
    },
    {
      name: 'dualStack',
      type: 'bool',
      label: { en: 'Dual stack (IPv6)', ja: 'デュアルスタック（IPv6）' },
      default: false,
      informative: true,
      help: { en: 'An IPv6 block is associated.', ja: 'IPv6 CIDR ブロックも関連付けられています。' },
    },
    {
      name: 'enableDnsSupport',
      type: 'bool',
      label: { en: 'DNS resolution', ja: 'DNS 解決' },
      default: true,
    },
    {
      name: 'enableDnsHostnames',
      type: 'bool',
      label: { en: 'DNS hostnames', ja: 'DNS ホスト名' },
      default: true,
    },
  ],
};
