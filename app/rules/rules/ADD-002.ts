import { EC2_SET } from '../../catalog/sets';
import type { DiagramNode } from '../../model/types';
import { finding, type Rule } from '../kit';
import { bp, listOf, t, ug } from '../text';
import type { RawFinding } from '../types';

const WORKLOAD: ReadonlySet<string> = new Set(['workload']);

export const ADD_002: Rule = {
  id: 'ADD-002',
  severity: 'error',
  category: 'add-ons',
  phase: 1,
  title: t('EBS volume without the EBS CSI driver', 'EBS CSI ドライバーなしで EBS ボリュームを使っている'),
  message: t(
    '{workload} mounts the EBS volume {volumes}: install the Amazon EBS CSI driver to create and attach it.',
    '{workload}は EBS ボリューム{volumes}をマウントしています。ボリュームの作成とアタッチには Amazon EBS CSI ドライバーをインストールしてください。',
  ),
  why: t(
    'Since Kubernetes 1.23, EKS sends every EBS volume operation through the CSI driver instead of the old in-tree plugin. The driver needs its own IAM role as well.',
    'Kubernetes 1.23 以降、EKS は EBS ボリュームの操作をすべて、従来の in-tree プラグインではなく CSI ドライバー経由で行います。ドライバーには専用の IAM ロールも必要です。',
  ),
  fix: t('Add the ebs-csi-driver add-on with IRSA or Pod Identity.', 'ebs-csi-driver アドオンを IRSA か Pod Identity とともに追加してください。'),
  sources: [ug('ebs-csi'), ug('ebs-csi-migration-faq'), bp('data-plane')],
  check(view) {
    const out: RawFinding[] = [];
    for (const cluster of view.clusters()) {
      if (view.hasAddon(cluster, 'ebs-csi-driver')) continue;
      // Unpinned workloads share one candidate list: answer it once per list.
      const memo = new WeakMap<readonly DiagramNode[], boolean>();
      const onEc2 = (list: readonly DiagramNode[]): boolean => {
        let hit = memo.get(list);
        if (hit === undefined) {
          hit = list.some((c) => EC2_SET.has(c.kind));
          memo.set(list, hit);
        }
        return hit;
      };
      for (const x of view.members(cluster, WORKLOAD)) {
        const volumes = view.out(x, 'mounts').filter((pv) => view.str(pv, 'storage') === 'ebs');
        if (volumes.length === 0 || !onEc2(view.candidateCompute(x))) continue;
        out.push(finding([x, ...volumes], { params: { workload: view.name(x), volumes: listOf(volumes.map((v) => view.name(v))) } }));
      }
    }
    return out;
  },
};
