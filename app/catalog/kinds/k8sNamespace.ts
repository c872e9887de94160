import type { KindSpec } from '../types';
import { size } from './shared';

export const k8sNamespace: KindSpec = {
  kind: 'k8sNamespace',
  name: { en: 'Kubernetes namespace', ja: 'Kubernetes 名前空間' },
  description: {
    en: 'A Kubernetes namespace that groups objects and scopes names, RBAC and quotas; objects drawn inside belong to it.',
    ja: 'オブジェクトをまとめ、名前・RBAC・リソースクォータの範囲を区切る Kubernetes の名前空間で、中に置いたオブジェクトはこの名前空間に属します。',
  },
  category: 'kubernetes',
  container: true,
  allowedParents: ['root', 'customerAccount', 'vpc'],
  defaultSize: size(480, 320),
  icon: 'k8sNamespace',
  props: [
    {
      name: 'name',
      type: 'string',
      label: { en: 'Namespace name', ja: '名前空間名' },
      default: 'default',
      placeholder: 'default',
      help: {
        en: 'A DNS label. Two boxes with the same name in one cluster are the same namespace.',
        ja: 'DNS ラベル形式です。同じクラスターで同じ名前のボックスは同じ名前空間として扱われます。',
      },
    },
  ],
};
