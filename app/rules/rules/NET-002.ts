import { finding, type Rule } from '../kit';
import { notesB, t, ug } from '../text';
import type { RawFinding } from '../types';

const IMAGE_SERVICES = ['ecr.api', 'ecr.dkr', 's3'] as const;

export const NET_002: Rule = {
  id: 'NET-002',
  severity: 'error',
  category: 'networking',
  phase: 1,
  title: t('Private nodes have no way to pull images', 'プライベートなノードがイメージを取得できない'),
  message: t(
    "Nodes in {subnet} can't pull container images: add a NAT gateway, or the ECR API, ECR Docker and S3 endpoints.",
    '{subnet}のノードはコンテナイメージを取得できません。NAT ゲートウェイを用意するか、ECR API、ECR Docker、S3 の VPC エンドポイントを追加してください。',
  ),
  why: t(
    "Pulling an image from ECR calls the ECR API, the ECR registry endpoint and S3, where the layers are stored. Without internet egress all three must be reachable through VPC endpoints, and registries outside AWS can't be used at all.",
    'ECR からのイメージ取得では、ECR API、ECR のレジストリエンドポイント、そしてレイヤーが保存されている S3 を呼び出します。インターネットへの出口がない場合は 3 つすべてに VPC エンドポイント経由で到達できる必要があり、AWS 外のレジストリはそもそも使えません。',
  ),
  fix: t(
    'Route the subnet through a NAT gateway in a public subnet, or add the three endpoints and copy images into ECR in the same Region.',
    'サブネットをパブリックサブネットの NAT ゲートウェイ経由にするか、3 つのエンドポイントを追加して、イメージを同じリージョンの ECR にコピーしてください。',
  ),
  sources: [notesB('3. アーキテクチャおよび技術要素', 'architecture, step 1: push images to ECR'), ug('managed-node-groups'), ug('network-reqs'), ug('private-clusters')],
  check(view) {
    const out: RawFinding[] = [];
    for (const s of view.ofKind('subnet')) {
      const users = view.computeUsing(s);
      if (users.length === 0 || view.hasEgress(s)) continue;
      if (IMAGE_SERVICES.every((svc) => view.hasEp(s, svc))) continue;
      out.push(finding([s, ...users], { params: { subnet: view.name(s) } }));
    }
    return out;
  },
};
