import type { KindSpec } from '../types';
import { ACCOUNT_LEVEL, leafSize } from './shared';

export const acmCertificate: KindSpec = {
  kind: 'acmCertificate',
  name: { en: 'ACM certificate', ja: 'ACM 証明書' },
  description: {
    en: 'A TLS certificate issued and renewed by AWS Certificate Manager, used by load balancers to serve HTTPS.',
    ja: 'AWS Certificate Manager が発行・更新する TLS 証明書で、ロードバランサーが HTTPS を提供するときに使います。',
  },
  category: 'security',
  container: false,
  allowedParents: ACCOUNT_LEVEL,
  defaultSize: leafSize(),
  icon: 'acmCertificate',
  props: [
    {
      name: 'domain',
      type: 'string',
      label: { en: 'Domain name', ja: 'ドメイン名' },
      default: '',
      informative: true,
      placeholder: 'app.example.com',
    },
  ],
};
