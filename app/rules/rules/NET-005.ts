import { finding, type Rule } from '../kit';
import { bp, t } from '../text';
import type { RawFinding } from '../types';

export const NET_005: Rule = {
  id: 'NET-005',
  severity: 'warning',
  category: 'networking',
  phase: 1,
  title: t('One NAT gateway serves several AZs', '1 つの NAT ゲートウェイを複数の AZ で共有している'),
  message: t(
    'Private subnet {subnet} in {az} depends on {nat} in another AZ ({natAz}).',
    '{az}のプライベートサブネット{subnet}が、別の AZ（{natAz}）にある{nat}に依存しています。',
  ),
  why: t(
    'If that AZ fails, the other AZs lose egress with it, and every byte crossing AZs is charged on top of NAT processing. Gateway endpoints for S3 and DynamoDB cost nothing and take that traffic off the NAT path.',
    'その AZ に障害が起きると、ほかの AZ も外への通信を失います。また AZ をまたぐ通信には、NAT の処理料金に加えて AZ 間のデータ転送料金がかかります。S3 と DynamoDB のゲートウェイエンドポイントは無料で、その分の通信を NAT から外せます。',
  ),
  fix: t(
    'Add a NAT gateway in each AZ and route each private subnet to its own; add an S3 gateway endpoint.',
    'AZ ごとに NAT ゲートウェイを置き、各プライベートサブネットを同じ AZ の NAT に向けてください。S3 のゲートウェイエンドポイントも追加しましょう。',
  ),
  sources: [bp('subnets', 'Deploy NAT Gateways in each Availability Zone'), bp('cost-opt-networking')],
  check(view) {
    const out: RawFinding[] = [];
    for (const s of view.ofKind('subnet')) {
      if (view.isPublic(s) || view.computeUsing(s).length === 0) continue;
      const az = view.az(s);
      if (az === null) continue;
      for (const n of view.natsOf(s)) {
        const home = view.parentSubnet(n);
        const natAz = home ? view.az(home) : null;
        if (natAz === null || natAz === az) continue;
        out.push(finding([s, n], { key: n.id, params: { subnet: view.name(s), nat: view.name(n), az, natAz } }));
      }
    }
    return out;
  },
};
