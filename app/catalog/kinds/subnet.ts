import type { KindSpec } from '../types';
import { size } from './shared';

export const subnet: KindSpec = {
  kind: 'subnet',
  name: { en: 'Subnet', ja: 'サブネット' },
  description: {
    en: 'A range of VPC addresses in one Availability Zone; public subnets route to the internet gateway, private ones go out through NAT or VPC endpoints.',
    ja: '1 つの AZ に属する VPC のアドレス範囲で、パブリックサブネットはインターネットゲートウェイへ、プライベートサブネットは NAT ゲートウェイや VPC エンドポイントを経由して外部へ出ます。',
  },
  category: 'network',
  container: true,
  allowedParents: ['availabilityZone', 'vpc'],
  defaultSize: size(440, 240),
  icon: 'subnet',
  props: [
    {
      name: 'tier',
      type: 'enum',
      label: { en: 'Tier', ja: '種別' },
      values: ['public', 'private'],
      default: 'private',
      help: {
        en: 'public: its route table sends internet traffic to the VPC’s internet gateway (no edge needed).',
        ja: 'public：ルートテーブルがインターネット向けの通信を VPC のインターネットゲートウェイへ送ります（接続線は不要）。',
      },
    },
    {
      name: 'cidr',
      type: 'cidr',
      label: { en: 'IPv4 CIDR', ja: 'IPv4 CIDR' },
      default: '',
      placeholder: '10.0.1.0/24',
    },
    {
      name: 'availableIps',
      type: 'int?',
      label: { en: 'Free IPv4 addresses', ja: '空き IPv4 アドレス数' },
      default: null,
      min: 0,
      help: {
        en: 'Leave unset to derive it from the CIDR (AWS reserves 5 addresses per subnet).',
        ja: '未設定なら CIDR から計算します（AWS はサブネットごとに 5 個のアドレスを予約します）。',
      },
    },
    {
      name: 'az',
      type: 'string',
      label: { en: 'AZ name', ja: 'AZ 名' },
      default: '',
      placeholder: 'ap-northeast-1a',
      help: {
        en: 'Used only when the subnet sits directly in a VPC, not in an AZ box.',
        ja: 'AZ ボックスの外（VPC の直下）に置いたときだけ使われます。',
      },
    },
    {
      name: 'mapPublicIpOnLaunch',
      type: 'bool',
      label: { en: 'Auto-assign public IPv4', ja: 'パブリック IPv4 の自動割り当て' },
      default: false,
    },
    {
      name: 'elbRoleTags',
      type: 'enum[]',
      label: { en: 'Load balancer role tags', ja: 'ロードバランサー用ロールタグ' },
      values: ['elb', 'internal-elb'],
      default: [],
      help: {
        en: 'kubernetes.io/role/elb (internet-facing) and kubernetes.io/role/internal-elb (internal) tags used for subnet discovery.',
        ja: 'サブネット自動検出に使う kubernetes.io/role/elb（インターネット向け）と kubernetes.io/role/internal-elb（内部向け）タグです。',
      },
    },
    {
      name: 'clusterTag',
      type: 'bool',
      label: { en: 'Cluster tag', ja: 'クラスタータグ' },
      default: false,
      informative: true,
      help: {
        en: 'The kubernetes.io/cluster/<name> tag.',
        ja: 'kubernetes.io/cluster/<name> タグです。',
      },
    },
  ],
};
