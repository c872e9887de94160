import type { KindSpec } from '../types';
import { leafSize } from './shared';

export const clusterEni: KindSpec = {
  kind: 'clusterEni',
  name: { en: 'Cluster ENI (cross-account)', ja: 'クラスター ENI（クロスアカウント ENI）' },
  description: {
    en: 'A network interface EKS places in one of your subnets so the control plane can reach the nodes (kubectl exec, logs, webhooks) and private API traffic can reach the control plane.',
    ja: 'EKS が利用者のサブネットに作成するネットワークインターフェイスで、コントロールプレーンからノードへの通信（kubectl exec、ログ、Webhook）やプライベートエンドポイントへの API 通信がここを通ります。',
  },
  category: 'controlPlane',
  container: false,
  allowedParents: ['subnet'],
  defaultSize: leafSize(),
  icon: 'clusterEni',
  props: [],
};
