import { LBS_SET } from '../../catalog/sets';
import type { DiagramNode } from '../../model/types';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { lbc, t } from '../text';
import type { RawFinding } from '../types';
import type { RuleView } from '../view';

/** The sub-case a traffic target falls under, if any. */
function subCaseOf(view: RuleView, target: DiagramNode): 'a' | 'b' | null {
  const type = target.kind === 'k8sService' ? view.str(target, 'serviceType') : '';
  const fronted = LBS_SET.has(target.kind) || target.kind === 'ingress' || type === 'LoadBalancer';
  if (fronted) return view.effScheme(target) === 'internal' ? 'a' : null;
  return type === 'ClusterIP' ? 'b' : null;
}

export const LB_006: Rule = {
  id: 'LB-006',
  severity: 'error',
  category: 'load balancing',
  phase: 1,
  title: t('Internet user aimed at something internal', 'インターネットのユーザーが内部向けの宛先にアクセスしている'),
  message: t('{target} is internal (the default) and can\'t be reached from the internet.', '{target}は内部向け（デフォルト）なので、インターネットからは到達できません。'),
  messages: {
    b: t(
      '{target} is a ClusterIP Service, reachable only from inside the cluster.',
      '{target}は ClusterIP の Service なので、クラスターの内部からしか到達できません。',
    ),
  },
  why: t(
    "The Load Balancer Controller's Ingress and Service annotations both default to an internal scheme. Changing the scheme later replaces the load balancer, so its DNS name changes too.",
    'Load Balancer Controller の Ingress と Service のアノテーションは、どちらもデフォルトのスキームが internal（内部向け）です。あとからスキームを変えるとロードバランサーが作り直されるため、DNS 名も変わります。',
  ),
  fix: t(
    'Make it internet-facing (LB-005 then checks its subnets), or put an internet-facing Ingress or LoadBalancer Service in front.',
    'インターネット向け（internet-facing）に変更する（サブネットは LB-005 が確認します）か、前段にインターネット向けの Ingress か LoadBalancer タイプの Service を置いてください。',
  ),
  sources: [lbc('guide/ingress/annotations', 'scheme'), lbc('guide/service/annotations', 'scheme')],
  check(view) {
    const out: RawFinding[] = [];
    for (const u of view.ofKind('endUser')) {
      if (view.parent(u)?.kind !== 'internet') continue;
      for (const target of view.out(u, 'sendsTrafficTo')) {
        const subCase = subCaseOf(view, target);
        // One finding per target: each is its own problem, with its own quick fix.
        if (subCase) out.push(finding([u, target], { subCase, key: target.id, params: { target: view.name(target) } }));
      }
    }
    return out;
  },
  quickFix(f, view) {
    if (f.subCase !== 'a') return null;
    const target = nodeAt(view, f, 1);
    const holder = target ? view.holder(target) : undefined;
    return holder ? setPropFix(holder, 'scheme', 'internet-facing') : null;
  },
};
