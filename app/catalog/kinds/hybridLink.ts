import type { KindSpec } from '../types';
import { leafSize } from './shared';

export const hybridLink: KindSpec = {
  kind: 'hybridLink',
  name: { en: 'VPN / Direct Connect link', ja: 'VPN / Direct Connect 接続' },
  description: {
    en: 'A Site-to-Site VPN, Direct Connect or custom VPN connection between an on-premises network and AWS.',
    ja: 'オンプレミスのネットワークと AWS を結ぶ Site-to-Site VPN、Direct Connect、または独自 VPN の接続です。',
  },
  category: 'network',
  container: false,
  allowedParents: ['root'],
  defaultSize: leafSize(),
  icon: 'hybridLink',
  props: [
    {
      name: 'linkType',
      type: 'enum',
      label: { en: 'Link type', ja: '接続の種類' },
      values: ['siteToSiteVpn', 'directConnect', 'customVpn'],
      default: 'siteToSiteVpn',
    },
    {
      name: 'bandwidthMbps',
      type: 'int?',
      label: { en: 'Bandwidth (Mbps)', ja: '帯域幅（Mbps）' },
      default: null,
      min: 1,
    },
    {
      name: 'rttMs',
      type: 'int?',
      label: { en: 'Round-trip time (ms)', ja: '往復遅延（ms）' },
      default: null,
      min: 0,
      help: {
        en: 'Round-trip time between the on-premises site and the Region.',
        ja: 'オンプレミス拠点とリージョンの間の往復時間です。',
      },
    },
  ],
};
