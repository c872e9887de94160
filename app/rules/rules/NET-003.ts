import { PODS_SET } from '../../catalog/sets';
import type { DiagramNode, Text } from '../../model/types';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, t, ug, web } from '../text';
import type { RawFinding } from '../types';
import type { RuleView } from '../view';

/** What one component needs in a VPC without egress: a sub-case and an endpoint service, or a flag. */
interface Need {
  readonly subCase: string;
  readonly service?: string;
  readonly flag?: Text;
}

const STATIC_LIST = t('the --aws-use-static-instance-list flag (staticInstanceList)', '--aws-use-static-instance-list フラグ（staticInstanceList）');
const TELEMETRY_TYPES: ReadonlySet<string> = new Set(['cloudwatch-observability', 'adot']);

function needs(view: RuleView, x: DiagramNode): Need[] {
  const out: Need[] = [];
  if (PODS_SET.has(x.kind)) {
    const cred = view.effCred(x);
    if (cred === 'irsa') out.push({ subCase: 'a', service: 'sts' });
    if (cred === 'podIdentity') out.push({ subCase: 'b', service: 'eks-auth' });
  }
  if (x.kind === 'addon') {
    const type = view.str(x, 'addonType');
    if (type === 'cluster-autoscaler') {
      out.push({ subCase: 'c', service: 'autoscaling' }, { subCase: 'c', service: 'sts' });
      if (!view.bool(x, 'staticInstanceList')) out.push({ subCase: 'c', flag: STATIC_LIST });
    }
    if (type === 'karpenter') out.push(...['sts', 'ssm', 'ec2'].map((service) => ({ subCase: 'd', service })));
    if (type === 'aws-load-balancer-controller') out.push(...['elasticloadbalancing', 'ec2'].map((service) => ({ subCase: 'e', service })));
    if (TELEMETRY_TYPES.has(type) || view.outEdges(x, 'shipsTelemetryTo').length > 0) out.push({ subCase: 'f', service: 'logs' });
    if (type === 'secrets-store-csi-ascp') out.push({ subCase: 'g', service: 'secretsmanager' });
  }
  if (x.kind === 'selfManagedNodeGroup' && !view.bool(x, 'bootstrapArgs')) out.push({ subCase: 'h', service: 'eks' });
  return out;
}

export const NET_003: Rule = {
  id: 'NET-003',
  severity: 'error',
  category: 'networking',
  phase: 1,
  title: t('Cluster without egress is missing service endpoints', 'インターネットへの出口がないクラスターにサービスエンドポイントが足りない'),
  message: t(
    '{component} needs {need}, because its subnets have no internet egress.',
    '{component}のサブネットにはインターネットへの出口がないため、{need}が必要です。',
  ),
  why: t(
    "Without a route to the internet, every AWS API call goes through a PrivateLink endpoint: IRSA gets credentials from STS, the Pod Identity agent from the EKS Auth API, and Karpenter reads SSM parameters and calls EC2. Cluster Autoscaler must use its built-in instance list, and self-managed nodes must be handed the API endpoint and CA at boot because they can't look them up.",
    'インターネットへのルートがない場合、AWS API の呼び出しはすべて PrivateLink のエンドポイントを通ります。IRSA は STS から、Pod Identity エージェントは EKS Auth API から認証情報を受け取り、Karpenter は SSM パラメータを読み EC2 を呼び出します。Cluster Autoscaler は組み込みのインスタンス一覧を使う必要があり、セルフマネージド型ノードは API エンドポイントと CA を自分で調べられないため、起動時に渡しておく必要があります。',
  ),
  fix: t(
    'Add the missing interface endpoints with private DNS on, and run the Load Balancer Controller with its Shield and WAF integrations off.',
    '不足しているインターフェイスエンドポイントをプライベート DNS を有効にして追加し、Load Balancer Controller は Shield と WAF の連携をオフにして動かしてください。',
  ),
  sources: [
    ug('private-clusters'),
    ug('pod-id-agent-setup'),
    bp('karpenter', 'Amazon EKS private cluster without outbound internet access'),
    web('https://docs.aws.amazon.com/eks/latest/eksctl/eks-private-cluster.html', 'eksctl: EKS fully-private cluster', 'eksctl: 完全プライベートな EKS クラスター'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    const candidates = [...view.ofKinds(PODS_SET), ...view.ofKind('selfManagedNodeGroup')];
    for (const x of candidates) {
      if (view.clusterOf(x) === null) continue;
      const parts = x.kind === 'selfManagedNodeGroup' ? [view.nodeSubnets(x)] : view.podSubnetParts(x);
      const dry = parts.flatMap((p) => view.withoutEgress(p));
      if (dry.length === 0) continue;
      for (const need of needs(view, x)) {
        const { service, flag } = need;
        const missing = flag !== undefined || (service !== undefined && dry.some((s) => !view.hasEp(s, service)));
        if (!missing) continue;
        const what = flag ?? t(`the ${service ?? ''} VPC endpoint`, `${service ?? ''} の VPC エンドポイント`);
        out.push(finding([x], { subCase: need.subCase, key: service ?? 'flag', params: { component: view.name(x), need: what } }));
      }
    }
    return out;
  },
  quickFix(f, view) {
    const x = nodeAt(view, f, 0);
    if (!x) return null;
    if (f.subCase === 'c' && f.key === 'flag') return setPropFix(x, 'staticInstanceList', true);
    if (f.subCase === 'h') return setPropFix(x, 'bootstrapArgs', true);
    return null;
  },
};
