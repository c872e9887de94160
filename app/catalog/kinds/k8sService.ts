import type { KindSpec } from '../types';
import { K8S_OBJECT_PARENTS, leafSize, namespaceProp, schemeProp, targetTypeProp } from './shared';

export const k8sService: KindSpec = {
  kind: 'k8sService',
  name: { en: 'Kubernetes Service', ja: 'Kubernetes サービス' },
  description: {
    en: 'A stable name and virtual IP in front of a set of pods; a Service of type LoadBalancer also gets an AWS load balancer.',
    ja: '一連の Pod の前に置く固定の名前と仮想 IP で、LoadBalancer タイプにすると AWS のロードバランサーも作成されます。',
  },
  category: 'kubernetes',
  container: false,
  allowedParents: K8S_OBJECT_PARENTS,
  defaultSize: leafSize(),
  icon: 'k8sService',
  props: [
    namespaceProp('default'),
    {
      name: 'serviceType',
      type: 'enum',
      label: { en: 'Service type', ja: 'Service タイプ' },
      values: ['ClusterIP', 'NodePort', 'LoadBalancer'],
      default: 'ClusterIP',
    },
    {
      name: 'protocol',
      type: 'enum',
      label: { en: 'Protocol', ja: 'プロトコル' },
      values: ['TCP', 'UDP'],
      default: 'TCP',
      informative: true,
    },
    {
      name: 'lbController',
      type: 'enum',
      label: { en: 'Load balancer controller', ja: 'ロードバランサーのコントローラー' },
      values: ['auto', 'in-tree', 'aws-lbc'],
      default: 'auto',
      help: {
        en: 'auto: the AWS Load Balancer Controller if the cluster has one, otherwise the in-tree controller.',
        ja: 'auto：クラスターに AWS Load Balancer Controller があればそれが、なければ Kubernetes 組み込みのコントローラーが担当します。',
      },
    },
    targetTypeProp(),
    schemeProp({
      en: 'The scheme you intend; internal is the AWS Load Balancer Controller’s default.',
      ja: '意図するスキームです。AWS Load Balancer Controller の既定値は internal です。',
    }),
  ],
};
