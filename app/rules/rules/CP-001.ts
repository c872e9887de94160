import { isKnownKind } from '../../catalog/registry';
import { finding, type Rule } from '../kit';
import { bp, notesA, notesB, t, ug } from '../text';
import type { RawFinding } from '../types';

export const CP_001: Rule = {
  id: 'CP-001',
  severity: 'error',
  category: 'placement',
  phase: 1,
  title: t('Control plane outside the AWS-managed account', 'AWS 管理アカウントの外にあるコントロールプレーン'),
  // Same words as the editor's refusal tooltip (catalog/placement.ts), so the two always agree.
  message: t(
    'The EKS control plane runs in an AWS-managed account, not in your account or VPC.',
    'EKS コントロールプレーンは AWS 管理アカウントで動きます。お客様のアカウントや VPC には置けません。',
  ),
  why: t(
    "AWS runs the API servers and etcd of every cluster in accounts it owns, spread over several AZs. Your VPC only ever sees the cross-account ENIs that EKS places in the cluster subnets.",
    'すべてのクラスターの API サーバーと etcd は、AWS が所有するアカウントの中で複数の AZ にまたがって運用されています。お客様の VPC から見えるのは、EKS がクラスターサブネットに配置するクロスアカウント ENI だけです。',
  ),
  fix: t(
    'Move the control plane into an AWS-managed account box. To show how it reaches your VPC, put Cluster ENIs in your subnets and connect the control plane to them.',
    'コントロールプレーンを AWS 管理アカウントのボックスへ移してください。VPC とのつながりを表すには、サブネットにクラスター ENI を置き、コントロールプレーンから接続します。',
  ),
  sources: [
    notesA('EKSのアーキテクチャ', 'EKS architecture'),
    notesA('コントロールプレーン', 'control plane'),
    notesB('2.2 フルマネージドコントロールプレーン', 'fully managed control plane'),
    ug('eks-architecture'),
    bp('subnets'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const cp of view.controlPlanes()) {
      const parent = view.rawParent(cp);
      if (parent && !isKnownKind(parent.kind)) continue;
      if (parent?.kind !== 'awsManagedAccount') out.push(finding([cp]));
    }
    return out;
  },
};
