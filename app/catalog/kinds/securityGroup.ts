import type { KindSpec } from '../types';
import { leafSize } from './shared';

export const securityGroup: KindSpec = {
  kind: 'securityGroup',
  name: { en: 'Security group', ja: 'セキュリティグループ' },
  description: {
    en: 'A stateful virtual firewall on network interfaces that lets through only the traffic its rules allow.',
    ja: 'ネットワークインターフェイスに適用するステートフルな仮想ファイアウォールで、ルールで許可した通信だけを通します。',
  },
  category: 'security',
  container: false,
  allowedParents: ['vpc'],
  defaultSize: leafSize(),
  icon: 'securityGroup',
  props: [
    {
      name: 'managedBy',
      type: 'enum',
      label: { en: 'Managed by', ja: '管理者' },
      values: ['user', 'eks'],
      default: 'user',
      help: {
        en: 'eks: the cluster security group EKS creates; its rules are implied and the rule list is ignored.',
        ja: 'eks：EKS が作成するクラスターセキュリティグループです。ルールは暗黙に決まり、ルール一覧は無視されます。',
      },
    },
    {
      name: 'rules',
      type: 'record[]',
      label: { en: 'Rules', ja: 'ルール' },
      // A new group allows all outbound traffic, as in AWS.
      default: [{ direction: 'outbound', protocol: 'all', ports: 'all', peer: '0.0.0.0/0', description: '' }],
      recordFields: [
        {
          name: 'direction',
          type: 'enum',
          values: ['inbound', 'outbound'],
          default: 'inbound',
          label: { en: 'Direction', ja: '方向' },
        },
        {
          name: 'protocol',
          type: 'enum',
          values: ['tcp', 'udp', 'icmp', 'all'],
          default: 'tcp',
          label: { en: 'Protocol', ja: 'プロトコル' },
        },
        { name: 'ports', type: 'string', default: '', label: { en: 'Ports', ja: 'ポート' } },
        { name: 'peer', type: 'string', default: '', label: { en: 'Peer', ja: '相手' } },
        { name: 'description', type: 'string', default: '', label: { en: 'Description', ja: '説明' } },
      ],
      help: {
        en: 'Ports: all, 443 or 1025-65535. Peer: an IPv4 CIDR, a security group node id, or self.',
        ja: 'ポートは all、443、1025-65535 のように書きます。相手は IPv4 CIDR、セキュリティグループのノード ID、または self です。',
      },
    },
  ],
};
