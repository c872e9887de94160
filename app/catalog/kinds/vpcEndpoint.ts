import type { KindSpec, PropSpec } from '../types';
import { SUBNET_OR_VPC, leafSize, whenEnumIs } from './shared';

const endpointType: PropSpec = {
  name: 'type',
  type: 'enum',
  label: { en: 'Endpoint type', ja: 'エンドポイントタイプ' },
  values: ['interface', 'gateway'],
  default: 'interface',
  // Only valid pairs are offered (components.md §4.2).
  valuesWhen: (props) => (props.service === 's3' || props.service === 'dynamodb' ? ['interface', 'gateway'] : ['interface']),
  help: {
    en: 'Gateway endpoints exist only for S3 and DynamoDB.',
    ja: 'ゲートウェイ型は S3 と DynamoDB にだけあります。',
  },
};

export const vpcEndpoint: KindSpec = {
  kind: 'vpcEndpoint',
  name: { en: 'VPC endpoint', ja: 'VPC エンドポイント' },
  description: {
    en: 'A private path from the VPC to an AWS service such as ECR, S3 or STS, so nodes without internet access can still use it.',
    ja: 'ECR、S3、STS などの AWS サービスへ VPC から閉じた経路でつなぎ、インターネットに出られないノードでもそのサービスを使えるようにします。',
  },
  category: 'network',
  container: false,
  allowedParents: SUBNET_OR_VPC,
  defaultSize: leafSize(),
  icon: 'vpcEndpoint',
  props: [
    {
      name: 'service',
      type: 'enum',
      label: { en: 'Service', ja: 'サービス' },
      values: [
        'ecr.api',
        'ecr.dkr',
        's3',
        'dynamodb',
        'sts',
        'ec2',
        'elasticloadbalancing',
        'autoscaling',
        'logs',
        'ssm',
        'secretsmanager',
        'xray',
        'eks',
        'eks-auth',
      ],
      default: 'ecr.api',
    },
    endpointType,
    {
      name: 'privateDns',
      type: 'bool',
      label: { en: 'Private DNS', ja: 'プライベート DNS' },
      default: true,
      help: {
        en: 'The service’s usual hostname resolves to the endpoint, so clients need no changes.',
        ja: 'サービスの通常のホスト名がエンドポイントに解決されるため、クライアント側の変更が不要になります。',
      },
      appliesWhen: whenEnumIs(endpointType, ['interface']),
    },
  ],
};
