import { finding, type Rule } from '../kit';
import { bp, notesA, t, ug } from '../text';

export const CP_005: Rule = {
  id: 'CP-005',
  severity: 'warning',
  category: 'endpoint',
  phase: 1,
  title: t('Public endpoint open to the whole internet', 'パブリックエンドポイントがインターネット全体に開いている'),
  message: t(
    'The Kubernetes API endpoint of {cluster} accepts connections from any IP address.',
    '{cluster}の Kubernetes API エンドポイントは、あらゆる IP アドレスからの接続を受け付けます。',
  ),
  why: t(
    'IAM authentication and RBAC still protect the endpoint, but anyone on the internet can try to connect. AWS recommends limiting the public endpoint to known address ranges and adding private access so that node traffic stays inside the VPC.',
    'IAM 認証と RBAC で保護されてはいますが、インターネット上の誰でも接続を試みることができます。AWS は、パブリックエンドポイントを既知のアドレス範囲に限定し、プライベートアクセスも有効にしてノードの通信を VPC 内にとどめることを推奨しています。',
  ),
  fix: t(
    'Replace 0.0.0.0/0 with your office or VPN ranges, and turn on private access or go private-only. (No quick fix: the right ranges need your input.)',
    '0.0.0.0/0 をオフィスや VPN のアドレス範囲に置き換え、プライベートアクセスを有効にするか、プライベートのみにしてください（正しい範囲は入力が必要なため、クイックフィックスはありません）。',
  ),
  sources: [
    notesA('コントロールプレーン', 'public access can be limited by CIDR'),
    ug('cluster-endpoint'),
    bp('identity-and-access-management', 'Make the EKS Cluster Endpoint private'),
    bp('subnets'),
  ],
  check(view) {
    return view
      .controlPlanes()
      .filter((cp) => view.bool(cp, 'endpointPublicAccess') && view.list(cp, 'publicAccessCidrs').includes('0.0.0.0/0'))
      .map((cp) => finding([cp], { params: { cluster: view.name(cp) } }));
  },
};
