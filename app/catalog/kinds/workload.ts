import type { KindSpec, PropSpec } from '../types';
import { K8S_OBJECT_PARENTS, credentialSourceProp, leafSize, namespaceProp, whenEnumIs } from './shared';

const workloadType: PropSpec = {
  name: 'workloadType',
  type: 'enum',
  label: { en: 'Workload type', ja: 'ワークロードの種類' },
  values: ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'],
  default: 'Deployment',
};

export const workload: KindSpec = {
  kind: 'workload',
  name: { en: 'Workload', ja: 'ワークロード' },
  description: {
    en: 'Your application’s pods, run by a Deployment, StatefulSet, DaemonSet or Job.',
    ja: 'Deployment、StatefulSet、DaemonSet、Job のいずれかで実行される、アプリケーションの Pod 群です。',
  },
  category: 'kubernetes',
  container: false,
  allowedParents: K8S_OBJECT_PARENTS,
  defaultSize: leafSize(),
  icon: 'workload',
  props: [
    namespaceProp('default'),
    workloadType,
    {
      name: 'replicas',
      type: 'int',
      label: { en: 'Replicas', ja: 'レプリカ数' },
      default: 2,
      min: 0,
    },
    {
      name: 'labels',
      type: 'string[]',
      label: { en: 'Pod labels', ja: 'Pod のラベル' },
      default: [],
      placeholder: 'app=web',
      help: {
        en: 'key=value; Fargate profile selectors match against these.',
        ja: 'key=value 形式です。Fargate プロファイルのセレクターはこれと照合されます。',
      },
    },
    {
      name: 'os',
      type: 'enum',
      label: { en: 'Operating system', ja: 'OS' },
      values: ['linux', 'windows'],
      default: 'linux',
    },
    {
      name: 'privileged',
      type: 'bool',
      label: { en: 'Privileged', ja: '特権コンテナ' },
      default: false,
    },
    {
      name: 'hostNetwork',
      type: 'bool',
      label: { en: 'Host network', ja: 'ホストネットワーク' },
      default: false,
    },
    {
      name: 'hostPort',
      type: 'bool',
      label: { en: 'Host port', ja: 'ホストポート' },
      default: false,
    },
    {
      name: 'gpu',
      type: 'bool',
      label: { en: 'GPU', ja: 'GPU' },
      default: false,
      help: { en: 'The pods request GPUs.', ja: 'Pod が GPU を要求します。' },
    },
    credentialSourceProp('none'),
    {
      name: 'secretSource',
      type: 'enum',
      label: { en: 'Secrets from', ja: 'シークレットの取得元' },
      values: ['none', 'k8sSecretEnv', 'k8sSecretVolume', 'secretsManagerCsi'],
      default: 'none',
    },
    {
      name: 'longRunning',
      type: 'bool',
      label: { en: 'Long-running', ja: '常時稼働' },
      default: true,
      help: {
        en: 'A steady service rather than bursty or batch work.',
        ja: '断続的なバッチ処理ではなく、常に動き続けるサービスです。',
      },
    },
    {
      name: 'ttlSecondsAfterFinished',
      type: 'int?',
      label: { en: 'TTL after finished (s)', ja: '完了後の保持時間（秒）' },
      default: null,
      min: 0,
      help: {
        en: 'Seconds after which a finished Job and its pods are deleted.',
        ja: '完了した Job とその Pod を削除するまでの秒数です。',
      },
      appliesWhen: whenEnumIs(workloadType, ['Job']),
    },
  ],
};
