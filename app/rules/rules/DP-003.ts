import type { Text } from '../../model/types';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { notesB, t, ug } from '../text';
import type { RawFinding } from '../types';

const SETTINGS: readonly { readonly prop: string; readonly value: string | boolean; readonly name: Text }[] = [
  { prop: 'privileged', value: true, name: t('privileged containers', '特権コンテナ') },
  { prop: 'hostNetwork', value: true, name: t('host networking', 'ホストネットワーク') },
  { prop: 'hostPort', value: true, name: t('host ports', 'ホストポート') },
  { prop: 'gpu', value: true, name: t('GPUs', 'GPU') },
  { prop: 'os', value: 'windows', name: t('Windows', 'Windows') },
];

export const DP_003: Rule = {
  id: 'DP-003',
  severity: 'error',
  category: 'data plane',
  phase: 1,
  title: t("Setting that Fargate doesn't support", 'Fargate が対応していない設定'),
  message: t("Fargate doesn't support {feature}.", 'Fargate は{feature}に対応していません。'),
  why: t(
    'Fargate runs every pod in an isolated VM with fixed CPU and memory sizes, no accelerators and no access to the host. On EKS it offers neither Windows pods nor a Spot capacity option.',
    'Fargate はすべての Pod を CPU とメモリのサイズが決まった分離 VM で動かし、アクセラレーターもホストへのアクセスも提供しません。EKS の Fargate には Windows の Pod も Spot の容量オプションもありません。',
  ),
  fix: t(
    'Move the workload to a managed node group or a Karpenter NodePool (for example GPU instances for machine learning).',
    'ワークロードをマネージド型ノードグループや Karpenter の NodePool に移してください（機械学習なら GPU インスタンスなど）。',
  ),
  sources: [ug('fargate', 'considerations'), ug('eks-compute'), notesB('6. よくあるアーキテクチャ・設計パターン', 'common patterns: machine-learning workloads')],
  check(view) {
    const out: RawFinding[] = [];
    for (const x of view.ofKind('workload')) {
      if (!view.onFargate(x)) continue;
      for (const s of SETTINGS) {
        if (view.prop(x, s.prop) === s.value) out.push(finding([x], { subCase: 'a', key: s.prop, params: { feature: s.name } }));
      }
    }
    for (const f of view.ofKind('fargateProfile')) {
      if (view.str(f, 'capacityType') === 'spot') out.push(finding([f], { subCase: 'b', params: { feature: t('Spot capacity', 'Spot 容量') } }));
    }
    return out;
  },
  quickFix(f, view) {
    const profile = nodeAt(view, f, 0);
    return f.subCase === 'b' && profile ? setPropFix(profile, 'capacityType', 'on-demand') : null;
  },
};
