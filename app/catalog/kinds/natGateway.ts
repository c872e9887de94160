import type { KindSpec } from '../types';
import { leafSize } from './shared';

export const natGateway: KindSpec = {
  kind: 'natGateway',
  name: { en: 'NAT gateway', ja: 'NAT ゲートウェイ' },
  description: {
    en: 'Lets resources in private subnets open connections to the internet, for example to pull images, without being reachable from it.',
    ja: 'プライベートサブネット内のリソースが、外部からは到達されないまま、イメージの取得などのためにインターネットへ接続できるようにします。',
  },
  category: 'network',
  container: false,
  allowedParents: ['subnet'],
  defaultSize: leafSize(),
  icon: 'natGateway',
  props: [
    {
      name: 'connectivity',
      type: 'enum',
      label: { en: 'Connectivity', ja: '接続タイプ' },
      values: ['public', 'private'],
      default: 'public',
      help: {
        en: 'Only a public NAT gateway in a public subnet gives internet access.',
        ja: 'インターネットに出られるのは、パブリックサブネットに置いたパブリック NAT ゲートウェイだけです。',
      },
    },
    {
      name: 'publicIp',
      type: 'string',
      label: { en: 'Elastic IP', ja: 'Elastic IP' },
      default: '',
      placeholder: '203.0.113.10',
      help: {
        en: 'Compared with the API endpoint’s public access CIDRs.',
        ja: 'API エンドポイントのパブリックアクセス許可 CIDR と照合されます。',
      },
    },
  ],
};
