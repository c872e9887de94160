import type { KindSpec } from '../types';
import { size } from './shared';

export const availabilityZone: KindSpec = {
  kind: 'availabilityZone',
  name: { en: 'Availability Zone', ja: 'アベイラビリティーゾーン' },
  description: {
    en: 'One isolated location within the Region; spreading subnets and nodes over two or more AZs keeps the cluster running when one fails.',
    ja: 'リージョン内で互いに独立したロケーションで、サブネットやノードを複数の AZ に分散させると、1 つの AZ に障害が起きてもクラスターは動き続けます。',
  },
  category: 'network',
  container: true,
  allowedParents: ['vpc'],
  defaultSize: size(480, 560),
  icon: 'availabilityZone',
  props: [
    {
      name: 'name',
      type: 'string',
      label: { en: 'AZ name', ja: 'AZ 名' },
      default: '',
      placeholder: 'ap-northeast-1a',
    },
    {
      name: 'azId',
      type: 'string',
      label: { en: 'AZ ID', ja: 'AZ ID' },
      default: '',
      placeholder: 'apne1-az4',
      help: {
        en: 'The same ID means the same physical zone in every account; names may differ between accounts.',
        ja: 'AZ ID はどのアカウントでも同じ物理ゾーンを指します（AZ 名はアカウントごとに対応が異なることがあります）。',
      },
    },
    {
      name: 'zoneType',
      type: 'enum',
      label: { en: 'Zone type', ja: 'ゾーンタイプ' },
      values: ['region', 'localZone', 'wavelength', 'outpost'],
      default: 'region',
    },
  ],
};
