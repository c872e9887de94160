import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const vpcPeering: KindSpec = {
  kind: 'vpcPeering',
  name: { en: 'VPC peering connection', ja: 'VPC ピアリング接続' },
  description: {
    en: 'A private connection between exactly two VPCs; it is not transitive, so traffic cannot pass through a peer to a third network.',
    ja: 'ちょうど 2 つの VPC を結ぶプライベートな接続で、推移的ではないため、相手の VPC を経由して別のネットワークへ行くことはできません。',
  },
  category: 'network',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'vpcPeering',
  props: [],
};
