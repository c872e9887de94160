import { kindName } from '../../catalog/inference';
import { isKnownKind } from '../../catalog/registry';
import { finding, type Rule } from '../kit';
import { notesA, t, ug } from '../text';
import type { RawFinding } from '../types';

export const CP_002: Rule = {
  id: 'CP-002',
  severity: 'error',
  category: 'placement',
  phase: 1,
  title: t('Your resources in the AWS-managed account, or an orphan cluster ENI', 'AWS 管理アカウント内のお客様リソース、または孤立したクラスター ENI'),
  message: t(
    'Only the control plane lives in the AWS-managed account; cluster ENIs sit in your subnets and belong to one control plane.',
    'AWS 管理アカウントに置けるのはコントロールプレーンだけです。クラスター ENI はお客様のサブネットに置き、1 つのコントロールプレーンに属させてください。',
  ),
  messages: {
    a: t(
      'Only the control plane lives in the AWS-managed account; {kind} belongs in your own account.',
      'AWS 管理アカウントに置けるのはコントロールプレーンだけです。{kind}はお客様のアカウント側に置いてください。',
    ),
    b: t(
      'A cluster ENI sits in one of your subnets, where EKS places it for the cluster.',
      'クラスター ENI は、EKS がクラスター用に配置するお客様のサブネットの中に置きます。',
    ),
    c: t(
      'This cluster ENI belongs to no control plane: connect its control plane to it, or delete it.',
      'このクラスター ENI はどのコントロールプレーンにも属していません。コントロールプレーンから接続するか、削除してください。',
    ),
  },
  why: t(
    "Node groups with their Auto Scaling groups, Fargate profiles, load balancers and gateways are all created in your own account and VPC. EKS creates its cross-account ENIs only in the subnets you give a cluster, so an ENI with no cluster, or outside a subnet, stands for nothing real.",
    'ノードグループとその Auto Scaling グループ、Fargate プロファイル、ロードバランサー、ゲートウェイは、すべてお客様自身のアカウントと VPC に作られます。EKS がクロスアカウント ENI を作るのはクラスターに指定したサブネットの中だけなので、クラスターのない ENI やサブネットの外にある ENI は実在しないものを表しています。',
  ),
  fix: t(
    'Move the component into your account and VPC; put the ENI in a subnet and connect its control plane to it, or delete it.',
    'コンポーネントをお客様のアカウントと VPC に移してください。ENI はサブネットの中に置いてコントロールプレーンから接続するか、削除します。',
  ),
  sources: [notesA('EKSのアーキテクチャ', 'EKS architecture'), notesA('データプレーン', 'data plane'), ug('managed-node-groups'), ug('network-reqs')],
  check(view) {
    const out: RawFinding[] = [];
    const attached = new Set(view.controlPlanes().flatMap((cp) => view.attachedEnis(cp).map((e) => e.id)));
    for (const x of view.nodes) {
      const parent = view.rawParent(x);
      const placementChecked = !parent || isKnownKind(parent.kind);
      if (placementChecked && x.kind !== 'eksControlPlane' && parent?.kind === 'awsManagedAccount') {
        out.push(finding([x], { subCase: 'a', params: { kind: kindName(x.kind) } }));
        // (a) already says where the ENI belongs; (b) would repeat it.
        continue;
      }
      if (x.kind !== 'clusterEni') continue;
      if (placementChecked && parent?.kind !== 'subnet') out.push(finding([x], { subCase: 'b' }));
      if (!attached.has(x.id)) out.push(finding([x], { subCase: 'c' }));
    }
    return out;
  },
};
