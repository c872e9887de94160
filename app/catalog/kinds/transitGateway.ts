import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const transitGateway: KindSpec = {
  kind: 'transitGateway',
  name: { en: 'Transit gateway', ja: 'トランジットゲートウェイ' },
  description: {
    en: 'A regional hub router that joins many VPCs and on-premises networks, each through one attachment.',
    ja: '多数の VPC やオンプレミスネットワークを、それぞれ 1 つのアタッチメントで相互接続するリージョン単位のハブルーターです。',
  },
  category: 'network',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'transitGateway',
  props: [],
};
