import type { DiagramNode } from '../../model/types';
import { finding, type Rule } from '../kit';
import { notesB, t, ug } from '../text';
import type { RawFinding } from '../types';
import type { ClusterRef } from '../view';

export const LB_001: Rule = {
  id: 'LB-001',
  severity: 'error',
  category: 'load balancing',
  phase: 1,
  title: t('No AWS Load Balancer Controller', 'AWS Load Balancer Controller がない'),
  message: t(
    'Install the AWS Load Balancer Controller: nothing will create the ALB or NLB for {objects}.',
    'AWS Load Balancer Controller をインストールしてください。このままでは{objects}の ALB や NLB を作成するものがありません。',
  ),
  why: t(
    'The controller is what creates the ALB behind an alb-class Ingress and the NLB behind a Service handed to it, and keeps them in sync. It needs IAM permissions, ideally through IRSA or Pod Identity.',
    'alb クラスの Ingress の背後にある ALB や、コントローラーに任された Service の NLB を作成し、同期し続けるのはこのコントローラーです。IAM の権限が必要で、IRSA か Pod Identity で渡すのが理想的です。',
  ),
  fix: t(
    'Add the aws-load-balancer-controller add-on (Helm or EKS add-on) with its IAM role.',
    'aws-load-balancer-controller アドオン（Helm または EKS アドオン）を IAM ロールとともに追加してください。',
  ),
  sources: [
    notesB('2.4 ロードバランシング', 'load balancing'),
    notesB('8.4 ロードバランシング', 'load balancing'),
    ug('alb-ingress', 'Prerequisites'),
    ug('network-load-balancing', 'Prerequisites'),
  ],
  check(view) {
    const byCluster = new Map<ClusterRef, DiagramNode[]>();
    for (const x of view.nodes) {
      const wantsLbc =
        (x.kind === 'ingress' && view.str(x, 'ingressClass') === 'alb') ||
        (x.kind === 'k8sService' && view.str(x, 'serviceType') === 'LoadBalancer' && view.str(x, 'lbController') === 'aws-lbc');
      if (!wantsLbc) continue;
      const cluster = view.clusterOf(x);
      if (cluster === null) continue;
      byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), x]);
    }
    const out: RawFinding[] = [];
    for (const [cluster, objects] of byCluster) {
      if (view.hasAddon(cluster, 'aws-load-balancer-controller')) continue;
      const names = objects.map((o) => view.name(o));
      const list = t(names.map((n) => n.en).join(', '), names.map((n) => n.ja).join('、'));
      out.push(finding(objects, { params: { objects: list } }));
    }
    return out;
  },
};
