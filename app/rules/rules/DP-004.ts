import { finding, type Rule } from '../kit';
import { t, ug } from '../text';
import type { RawFinding } from '../types';

const OFF_EC2: ReadonlySet<string> = new Set(['fargateProfile', 'hybridNodePool']);

export const DP_004: Rule = {
  id: 'DP-004',
  severity: 'error',
  category: 'data plane',
  phase: 1,
  title: t('EBS volume on Fargate or hybrid nodes', 'Fargate やハイブリッドノードでの EBS ボリューム'),
  message: t("EBS volumes can't be attached to Fargate pods or hybrid nodes: {workload} mounts one.", '{workload}は EBS ボリュームをマウントしていますが、EBS は Fargate の Pod にもハイブリッドノードにもアタッチできません。'),
  why: t(
    'An EBS volume is attached to an EC2 instance by the EBS CSI node plugin, which runs only on EC2 nodes. Fargate pods and on-premises machines have no such instance to attach to.',
    'EBS ボリュームは EBS CSI ノードプラグインが EC2 インスタンスにアタッチするもので、このプラグインは EC2 ノードでしか動きません。Fargate の Pod やオンプレミスのマシンには、アタッチ先となるインスタンスがありません。',
  ),
  fix: t(
    'Use EFS (statically provisioned on Fargate), or run the workload on EC2 nodes with the EBS CSI driver (ADD-002).',
    'EFS を使う（Fargate では静的プロビジョニング）か、ワークロードを EBS CSI ドライバーのある EC2 ノードで動かしてください（ADD-002）。',
  ),
  sources: [ug('fargate'), ug('ebs-csi', 'Considerations'), ug('eks-compute')],
  check(view) {
    const out: RawFinding[] = [];
    for (const x of view.ofKind('workload')) {
      if (!view.onKind(x, OFF_EC2)) continue;
      const ebs = view.out(x, 'mounts').filter((pv) => view.str(pv, 'storage') === 'ebs');
      if (ebs.length > 0) out.push(finding([x, ...ebs], { params: { workload: view.name(x) } }));
    }
    return out;
  },
};
