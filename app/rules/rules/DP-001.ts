import { finding, type Rule } from '../kit';
import { notesA, t, ug } from '../text';
import type { RawFinding } from '../types';

export const DP_001: Rule = {
  id: 'DP-001',
  severity: 'error',
  category: 'placement',
  phase: 1,
  title: t('Fargate profile uses a public subnet', 'Fargate プロファイルがパブリックサブネットを使っている'),
  message: t('Fargate profiles accept only private subnets: {subnet} is public.', 'Fargate プロファイルに指定できるのはプライベートサブネットだけですが、{subnet}はパブリックです。'),
  why: t(
    'Fargate pods never receive public IP addresses, so EKS rejects subnets whose route table points at an internet gateway. The pods still reach AWS through a NAT gateway or VPC endpoints (NET-002).',
    'Fargate の Pod にはパブリック IP アドレスが付かないため、ルートテーブルがインターネットゲートウェイに向いているサブネットを EKS は受け付けません。Pod から AWS へは、NAT ゲートウェイか VPC エンドポイントを通じて到達します（NET-002）。',
  ),
  fix: t('Use private subnets, one per AZ.', 'AZ ごとに 1 つずつ、プライベートサブネットを使ってください。'),
  sources: [notesA('データプレーン', 'data plane, Fargate row'), ug('fargate'), ug('fargate-profile', 'Subnets')],
  check(view) {
    const out: RawFinding[] = [];
    for (const f of view.ofKind('fargateProfile')) {
      const pub = view.nodeSubnets(f).filter((s) => view.isPublic(s));
      if (pub.length > 0) out.push(finding([f, ...pub], { params: { subnet: view.name(pub[0] ?? f) } }));
    }
    return out;
  },
};
