import type { KindSpec } from '../types';
import { size } from './shared';

export const onPremises: KindSpec = {
  kind: 'onPremises',
  name: { en: 'On-premises network', ja: 'オンプレミス環境' },
  description: {
    en: 'Your own data centre or office network, linked to AWS by VPN or Direct Connect and able to host EKS hybrid nodes.',
    ja: 'VPN や Direct Connect で AWS とつながる自社のデータセンターやオフィスのネットワークで、EKS ハイブリッドノードを置くこともできます。',
  },
  category: 'accounts',
  container: true,
  allowedParents: ['root'],
  defaultSize: size(520, 360),
  icon: 'onPremises',
  props: [
    {
      name: 'networkCidrs',
      type: 'cidr[]',
      label: { en: 'Network CIDRs', ja: 'ネットワーク CIDR' },
      default: [],
      informative: true,
      placeholder: '192.168.0.0/16',
    },
  ],
};
