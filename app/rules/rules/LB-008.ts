import { EC2_SET } from '../../catalog/sets';
import type { DiagramNode } from '../../model/types';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { lbc, listOf, t, ug } from '../text';
import type { RawFinding } from '../types';

const NO_NODE_PORT: ReadonlySet<string> = new Set(['fargateProfile', 'hybridNodePool']);

export const LB_008: Rule = {
  id: 'LB-008',
  severity: 'error',
  category: 'load balancing',
  phase: 1,
  title: t("Target type doesn't fit the targets", 'ターゲットタイプがターゲットに合っていない'),
  message: t(
    'Fargate and hybrid pods need IP targets; instance targets need a NodePort or LoadBalancer Service; IP targets need pod addresses routable in the VPC.',
    'Fargate やハイブリッドノードの Pod には IP ターゲットが必要です。インスタンスターゲットには NodePort か LoadBalancer の Service が、IP ターゲットには VPC 内でルーティングできる Pod アドレスが必要です。',
  ),
  messages: {
    a: t(
      '{object} uses instance targets, but the pods of {targets} run on Fargate or hybrid nodes, which need IP targets.',
      '{object}はインスタンスターゲットを使っていますが、{targets}の Pod は Fargate またはハイブリッドノードで動くため、IP ターゲットが必要です。',
    ),
    b: t(
      '{object} uses instance targets, but it routes to a ClusterIP Service ({targets}), which opens no NodePort.',
      '{object}はインスタンスターゲットを使っていますが、ルーティング先の{targets}は ClusterIP の Service なので NodePort が開きません。',
    ),
    c: t(
      "{object} uses IP targets, but the pods of {targets} get overlay addresses that the VPC can't route to.",
      '{object}は IP ターゲットを使っていますが、{targets}の Pod にはオーバーレイのアドレスが割り当てられ、VPC からはルーティングできません。',
    ),
  },
  why: t(
    "Instance mode sends traffic to a NodePort on EC2 nodes, which Fargate and on-premises pods don't have and which a ClusterIP Service never opens. IP mode sends traffic straight to pod addresses, so those must be real VPC addresses.",
    'インスタンスモードは EC2 ノードの NodePort に通信を送りますが、Fargate やオンプレミスの Pod には NodePort がなく、ClusterIP の Service も NodePort を開きません。IP モードは Pod のアドレスへ直接通信を送るため、そのアドレスは VPC の実アドレスでなければなりません。',
  ),
  fix: t('Change the target type.', 'ターゲットタイプを変更してください。'),
  sources: [
    ug('fargate'),
    ug('alb-ingress'),
    ug('network-load-balancing', 'Considerations'),
    ug('eks-compute'),
    lbc('guide/ingress/annotations', 'target-type'),
    lbc('guide/service/nlb', 'Prerequisites'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    const objects = [
      ...view.ofKind('ingress').filter((x) => view.str(x, 'ingressClass') === 'alb'),
      ...view.ofKind('k8sService').filter((x) => view.str(x, 'serviceType') === 'LoadBalancer'),
    ];
    const push = (x: DiagramNode, subCase: string, targets: readonly DiagramNode[]): void => {
      if (targets.length === 0) return;
      out.push(finding([x, ...targets], { subCase, params: { object: view.name(x), targets: listOf(targets.map((w) => view.name(w))) } }));
    };
    for (const x of objects) {
      const type = view.str(x, 'targetType');
      if (type === 'instance') {
        push(x, 'a', view.targetWorkloads(x).filter((w) => view.onKind(w, NO_NODE_PORT)));
        if (x.kind === 'ingress') push(x, 'b', view.out(x, 'routesTo').filter((s) => view.str(s, 'serviceType') === 'ClusterIP'));
      } else if (type === 'ip') {
        push(x, 'c', view.targetWorkloads(x).filter((w) => view.runsOn(w).some((c) => EC2_SET.has(c.kind) && view.podNetwork(c) === 'overlay')));
      }
    }
    return out;
  },
  quickFix(f, view) {
    const x = nodeAt(view, f, 0);
    if (!x) return null;
    if (f.subCase === 'a' || f.subCase === 'b') return setPropFix(x, 'targetType', 'ip');
    if (f.subCase === 'c') return setPropFix(x, 'targetType', 'instance');
    return null;
  },
};
