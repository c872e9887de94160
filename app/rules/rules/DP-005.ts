import { PODS_SET } from '../../catalog/sets';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { t, ug } from '../text';
import type { RawFinding } from '../types';

/** EKS accepts 1 to 5 selectors per profile. */
const MAX_SELECTORS = 5;

export const DP_005: Rule = {
  id: 'DP-005',
  severity: 'error',
  category: 'data plane',
  phase: 1,
  title: t("Pods won't match their Fargate profile, or the profile is invalid", 'Pod が Fargate プロファイルに一致しない、またはプロファイルが不正'),
  message: t('{profile} needs 1 to 5 selectors and a pod execution role.', '{profile}には 1～5 個のセレクターと Pod 実行ロールが必要です。'),
  messages: {
    a: t('{workload} matches no selector of {profile} and will stay Pending.', '{workload}は{profile}のどのセレクターにも一致しないため、Pending のままになります。'),
  },
  why: t(
    'A pod lands on Fargate only if, when it is created, its namespace and labels match one of the profile\'s selectors; otherwise it waits for a node that never comes. The pod execution role is what lets the Fargate kubelet register and pull images.',
    'Pod が Fargate で動くのは、作成時に名前空間とラベルがプロファイルのセレクターのどれかに一致した場合だけです。一致しなければ、来ることのないノードを待ち続けます。Pod 実行ロールは、Fargate の kubelet がクラスターに登録しイメージを取得するために使われます。',
  ),
  fix: t(
    "Add a selector for the pod's namespace (and labels), or move the pod to other compute.",
    'Pod の名前空間（とラベル）に合うセレクターを追加するか、Pod を別のコンピューティングに移してください。',
  ),
  sources: [ug('fargate-profile'), ug('fargate')],
  check(view) {
    const out: RawFinding[] = [];
    for (const x of view.ofKinds(PODS_SET)) {
      for (const f of view.runsOn(x)) {
        if (f.kind !== 'fargateProfile' || view.selectorMatches(f, x)) continue;
        out.push(finding([x, f], { subCase: 'a', key: f.id, params: { workload: view.name(x), profile: view.name(f) } }));
      }
    }
    for (const f of view.ofKind('fargateProfile')) {
      const count = view.list(f, 'selectors').length;
      if (count === 0 || count > MAX_SELECTORS) out.push(finding([f], { subCase: 'b', params: { profile: view.name(f) } }));
      if (!view.hasPodExecutionRole(f)) out.push(finding([f], { subCase: 'c', params: { profile: view.name(f) } }));
    }
    return out;
  },
  quickFix(f, view) {
    if (f.subCase === 'a') {
      const x = nodeAt(view, f, 0);
      const profile = nodeAt(view, f, 1);
      if (!x || !profile) return null;
      const selectors = view.list(profile, 'selectors');
      if (selectors.length >= MAX_SELECTORS) return null;
      return setPropFix(profile, 'selectors', [...selectors, view.namespace(x)]);
    }
    if (f.subCase === 'c') {
      const profile = nodeAt(view, f, 0);
      return profile ? setPropFix(profile, 'podExecutionRole', true) : null;
    }
    return null;
  },
};
