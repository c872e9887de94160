import { EC2_SET } from '../../catalog/sets';
import type { DiagramNode } from '../../model/types';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, t } from '../text';
import type { RawFinding } from '../types';
import type { RuleView } from '../view';

/** The ingress or Service asks its load balancer for targets (an ALB Ingress, or a LoadBalancer Service). */
function makesLoadBalancer(view: RuleView, x: DiagramNode): boolean {
  return x.kind === 'ingress' ? view.str(x, 'ingressClass') === 'alb' : view.str(x, 'serviceType') === 'LoadBalancer';
}

export const COST_002: Rule = {
  id: 'COST-002',
  severity: 'info',
  category: 'cost',
  phase: 1,
  title: t('Instance-mode targets add cross-AZ hops', 'インスタンスモードのターゲットで AZ をまたぐ通信が増える'),
  message: t(
    '{object} uses instance targets, which go through NodePorts and can cross AZs; IP targets go straight to the pods.',
    '{object}はインスタンスターゲットを使っています。NodePort を経由するため AZ をまたぐことがあります。IP ターゲットなら Pod へ直接届きます。',
  ),
  why: t(
    'In instance mode the load balancer picks any node and kube-proxy may forward the request to a pod in another AZ. That extra hop is billed as inter-AZ transfer and adds latency.',
    'インスタンスモードでは、ロードバランサーが任意のノードを選び、kube-proxy がリクエストを別の AZ の Pod に転送することがあります。この余分な転送は AZ 間のデータ転送として課金され、レイテンシーも増えます。',
  ),
  fix: t('Use IP targets.', 'IP ターゲットを使ってください。'),
  sources: [bp('cost-opt-networking', 'Load Balancer to Pod Communication')],
  check(view) {
    const out: RawFinding[] = [];
    const spread = new Map<string, boolean>();
    const multiAz = (c: DiagramNode): boolean => {
      let hit = spread.get(c.id);
      if (hit === undefined) {
        hit = EC2_SET.has(c.kind) && view.knownAzs(view.nodeSubnets(c)) >= 2;
        spread.set(c.id, hit);
      }
      return hit;
    };
    // Unpinned workloads of a cluster share one candidate list: scan each list once.
    const byList = new WeakMap<readonly DiagramNode[], boolean>();
    const anyMultiAz = (w: DiagramNode): boolean => {
      const list = view.candidateCompute(w);
      let hit = byList.get(list);
      if (hit === undefined) {
        hit = list.some(multiAz);
        byList.set(list, hit);
      }
      return hit;
    };
    for (const x of [...view.ofKind('ingress'), ...view.ofKind('k8sService')]) {
      if (!makesLoadBalancer(view, x) || view.str(x, 'targetType') !== 'instance') continue;
      if (view.targetWorkloads(x).some(anyMultiAz)) {
        out.push(finding([x], { params: { object: view.name(x) } }));
      }
    }
    return out;
  },
  quickFix(f, view) {
    const x = nodeAt(view, f, 0);
    return x ? setPropFix(x, 'targetType', 'ip') : null;
  },
};
