import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { lbc, t, ug } from '../text';

export const LB_003: Rule = {
  id: 'LB-003',
  severity: 'warning',
  category: 'load balancing',
  phase: 1,
  title: t('LoadBalancer Service left to the legacy in-tree controller', 'LoadBalancer Service が旧来の in-tree コントローラーに任されている'),
  message: t(
    '{service} gets a Classic Load Balancer from a controller that only receives critical fixes.',
    '{service}には、重大な修正しか提供されないコントローラーによって Classic Load Balancer が作成されます。',
  ),
  why: t(
    "Without the AWS Load Balancer Controller, Kubernetes' built-in cloud-provider code handles the Service and creates a Classic Load Balancer. AWS recommends NLBs managed by the controller, which from version 2.5 claims new LoadBalancer Services by default.",
    'AWS Load Balancer Controller がなければ、Kubernetes に組み込まれたクラウドプロバイダーのコードが Service を処理し、Classic Load Balancer を作成します。AWS が推奨するのはコントローラーが管理する NLB で、バージョン 2.5 以降のコントローラーは新しい LoadBalancer Service をデフォルトで引き受けます。',
  ),
  fix: t(
    'Hand the Service to the controller (loadBalancerClass service.k8s.aws/nlb), preferably on a new Service rather than by editing a live one.',
    'Service をコントローラーに任せてください（loadBalancerClass は service.k8s.aws/nlb）。稼働中の Service を書き換えるより、新しい Service で行うのが安全です。',
  ),
  sources: [ug('network-load-balancing'), lbc('deploy/installation'), lbc('guide/service/annotations')],
  check(view) {
    return view
      .ofKind('k8sService')
      .filter((s) => view.str(s, 'serviceType') === 'LoadBalancer' && view.effLbController(s) === 'in-tree')
      .map((s) => finding([s], { params: { service: view.name(s) } }));
  },
  quickFix(f, view) {
    const s = nodeAt(view, f, 0);
    return s ? setPropFix(s, 'lbController', 'aws-lbc') : null;
  },
};
