import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, notesA, t, ug } from '../text';
import type { RawFinding } from '../types';

const STEADY: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet']);

export const COST_003: Rule = {
  id: 'COST-003',
  severity: 'info',
  category: 'cost',
  phase: 1,
  title: t('Fargate cost shape', 'Fargate のコストの特徴'),
  message: t(
    'Fargate suits bursty or short work; steady workloads are usually cheaper on EC2, and finished Job pods keep costing until they are deleted.',
    'Fargate は負荷が変動する処理や短時間の処理に向いています。常時動くワークロードは通常 EC2 のほうが安く、完了した Job の Pod は削除されるまで課金が続きます。',
  ),
  messages: {
    a: t(
      '{workload} runs steadily on Fargate; steady workloads are usually cheaper on EC2 nodes.',
      '{workload}は Fargate 上で常時動いています。常時動くワークロードは、通常 EC2 ノードのほうが安く済みます。',
    ),
    b: t(
      "{workload} is a Job on Fargate without ttlSecondsAfterFinished: its finished pods keep costing until they're deleted.",
      '{workload}は ttlSecondsAfterFinished のない Fargate 上の Job です。完了した Pod は削除されるまで課金が続きます。',
    ),
  },
  why: t(
    'Notes A rate Fargate as costly for long-running work. Pod sizes are rounded up to Fargate\'s CPU and memory combinations, nothing is bin-packed, and completed pods keep their capacity until removed.',
    'ノート A では、Fargate は長時間動かし続ける用途ではコストが高いとされています。Pod のサイズは Fargate の CPU とメモリの組み合わせに切り上げられ、複数の Pod を 1 台に詰め込むこともできず、完了した Pod も削除されるまで容量を確保し続けます。',
  ),
  fix: t(
    'Move steady services to EC2 nodes, and let Jobs clean up after themselves.',
    '常時動くサービスは EC2 ノードに移し、Job は完了後に自動で片付くようにしてください。',
  ),
  sources: [notesA('データプレーン', 'data plane, Fargate row'), bp('cost-opt-compute', 'Fargate compute'), ug('fargate')],
  check(view) {
    const out: RawFinding[] = [];
    for (const x of view.ofKind('workload')) {
      if (!view.onFargate(x)) continue;
      const type = view.str(x, 'workloadType');
      const params = { workload: view.name(x) };
      if (STEADY.has(type) && view.bool(x, 'longRunning')) out.push(finding([x], { subCase: 'a', params }));
      if (type === 'Job' && view.int(x, 'ttlSecondsAfterFinished') === null) out.push(finding([x], { subCase: 'b', params }));
    }
    return out;
  },
  quickFix(f, view) {
    const x = nodeAt(view, f, 0);
    return f.subCase === 'b' && x ? setPropFix(x, 'ttlSecondsAfterFinished', 60) : null;
  },
};
