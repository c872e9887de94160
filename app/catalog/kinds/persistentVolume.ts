import type { KindSpec } from '../types';
import { K8S_OBJECT_PARENTS, leafSize, namespaceProp } from './shared';

export const persistentVolume: KindSpec = {
  kind: 'persistentVolume',
  name: { en: 'Persistent volume', ja: '永続ボリューム' },
  description: {
    en: 'Storage that outlives its pods, backed by EBS, EFS, FSx or S3 through a CSI driver.',
    ja: 'Pod が削除されても残るストレージで、CSI ドライバーを通じて EBS、EFS、FSx、S3 を利用します。',
  },
  category: 'kubernetes',
  container: false,
  allowedParents: K8S_OBJECT_PARENTS,
  defaultSize: leafSize(),
  icon: 'persistentVolume',
  props: [
    namespaceProp('default'),
    {
      name: 'storage',
      type: 'enum',
      label: { en: 'Storage', ja: 'ストレージ' },
      values: ['ebs', 'efs', 'fsx', 's3'],
      default: 'ebs',
    },
    {
      name: 'az',
      type: 'string',
      label: { en: 'AZ name', ja: 'AZ 名' },
      default: '',
      informative: true,
      placeholder: 'ap-northeast-1a',
      help: {
        en: 'Where an EBS volume lives; pods using it must run in that AZ.',
        ja: 'EBS ボリュームがある AZ です。これを使う Pod はその AZ で動く必要があります。',
      },
    },
  ],
};
