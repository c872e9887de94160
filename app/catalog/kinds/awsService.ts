import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const awsService: KindSpec = {
  kind: 'awsService',
  name: { en: 'AWS service', ja: 'AWS サービス' },
  description: {
    en: 'Another AWS service your pods call, such as S3, DynamoDB, SQS or RDS.',
    ja: 'S3、DynamoDB、SQS、RDS など、Pod から呼び出すその他の AWS サービスです。',
  },
  category: 'services',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'awsService',
  props: [
    {
      name: 'service',
      type: 'enum',
      label: { en: 'Service', ja: 'サービス' },
      values: ['s3', 'dynamodb', 'sqs', 'sns', 'rds', 'elasticache', 'other'],
      default: 's3',
      informative: true,
    },
  ],
};
