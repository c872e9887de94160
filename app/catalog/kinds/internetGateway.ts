import type { KindSpec } from '../types';
import { leafSize } from './shared';

export const internetGateway: KindSpec = {
  kind: 'internetGateway',
  name: { en: 'Internet gateway', ja: 'インターネットゲートウェイ' },
  description: {
    en: 'Connects the VPC to the internet; one per VPC serves every public subnet in it.',
    ja: 'VPC をインターネットに接続するゲートウェイで、VPC に 1 つあればその中のすべてのパブリックサブネットが使えます。',
  },
  category: 'network',
  container: false,
  allowedParents: ['vpc'],
  defaultSize: leafSize(),
  icon: 'internetGateway',
  props: [],
};
