import type { KindSpec } from '../types';
import { K8S_OBJECT_PARENTS, leafSize, namespaceProp } from './shared';

export const hpa: KindSpec = {
  kind: 'hpa',
  name: { en: 'Horizontal Pod Autoscaler', ja: 'Horizontal Pod Autoscaler（HPA）' },
  description: {
    en: 'Adds or removes a workload’s pod replicas as CPU, memory or custom metrics change; adding nodes is left to Cluster Autoscaler or Karpenter.',
    ja: 'CPU、メモリ、カスタムメトリクスの変化に応じてワークロードの Pod のレプリカ数を増減させます（ノードの追加は Cluster Autoscaler や Karpenter の役割です）。',
  },
  category: 'kubernetes',
  container: false,
  allowedParents: K8S_OBJECT_PARENTS,
  defaultSize: leafSize(),
  icon: 'hpa',
  props: [
    namespaceProp('default'),
    {
      name: 'metric',
      type: 'enum',
      label: { en: 'Metric', ja: 'メトリクス' },
      values: ['cpu', 'memory', 'custom', 'external'],
      default: 'cpu',
    },
    {
      name: 'minReplicas',
      type: 'int',
      label: { en: 'Minimum replicas', ja: '最小レプリカ数' },
      default: 2,
      min: 1,
    },
    {
      name: 'maxReplicas',
      type: 'int',
      label: { en: 'Maximum replicas', ja: '最大レプリカ数' },
      default: 10,
      min: 1,
    },
  ],
};
