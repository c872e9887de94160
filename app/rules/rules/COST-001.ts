import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { notesB, t, ug, web } from '../text';
import type { RawFinding } from '../types';

export const COST_001: Rule = {
  id: 'COST-001',
  severity: 'info',
  category: 'cost',
  phase: 1,
  title: t('Control-plane fee and support tier', 'コントロールプレーンの料金とサポート区分'),
  message: t(
    '{cluster} costs $0.10 per hour in standard support and $0.60 in extended support, plus the resources it runs.',
    '{cluster}には、稼働するリソースの料金に加えて、標準サポートで 1 時間あたり 0.10 USD、延長サポートで 0.60 USD がかかります。',
  ),
  messages: {
    b: t(
      '{cluster} is on extended support: its control plane costs $0.60 per hour instead of $0.10 in standard support.',
      '{cluster}は延長サポートを選んでいます。コントロールプレーンの料金は、標準サポートの 1 時間あたり 0.10 USD ではなく 0.60 USD になります。',
    ),
  },
  why: t(
    'Notes B list what EKS bills for: the control plane, EC2 or Fargate capacity, load balancers and data transfer. A Kubernetes version gets 14 months of standard support and then 12 months of extended support at the higher rate; clusters made in the console default to standard, those made through the API, CLI or IaC to extended.',
    'ノート B は、EKS の課金対象としてコントロールプレーン、EC2 または Fargate の容量、ロードバランサー、データ転送を挙げています。Kubernetes の各バージョンには 14 か月の標準サポートがあり、その後 12 か月は割高な延長サポートになります。コンソールで作ったクラスターは既定で標準サポート、API、CLI、IaC で作ったクラスターは既定で延長サポートです。',
  ),
  fix: t(
    'Plan version upgrades within standard support. With standard support chosen, the cluster is upgraded automatically when standard support ends.',
    '標準サポートの期間内にバージョンアップを計画してください。標準サポートを選んだクラスターは、標準サポートの終了時に自動でアップグレードされます。',
  ),
  sources: [
    notesB('5. 料金形態', 'pricing'),
    notesB('8.7 料金体系', 'pricing structure'),
    web(
      'https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/',
      'AWS Containers Blog: Amazon EKS extended support for Kubernetes versions pricing',
      'AWS Containers ブログ: Kubernetes バージョンの延長サポートの料金',
    ),
    ug('enable-extended-support'),
    ug('hybrid-nodes-overview'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const cp of view.controlPlanes()) {
      const params = { cluster: view.name(cp) };
      // (b) replaces (a): one finding per control plane.
      out.push(finding([cp], { subCase: view.str(cp, 'supportType') === 'EXTENDED' ? 'b' : 'a', params }));
    }
    return out;
  },
  quickFix(f, view) {
    const cp = nodeAt(view, f, 0);
    return f.subCase === 'b' && cp ? setPropFix(cp, 'supportType', 'STANDARD') : null;
  },
};
