import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const virtualPrivateGateway: KindSpec = {
  kind: 'virtualPrivateGateway',
  name: { en: 'Virtual private gateway', ja: '仮想プライベートゲートウェイ' },
  description: {
    en: 'The AWS-side end of a Site-to-Site VPN or Direct Connect link, attached to a single VPC.',
    ja: '1 つの VPC にアタッチされる、Site-to-Site VPN や Direct Connect 接続の AWS 側の終端です。',
  },
  category: 'network',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'virtualPrivateGateway',
  props: [],
};
