import { LBS_SET } from '../../catalog/sets';
import type { DiagramNode, Text } from '../../model/types';
import { finding, type Rule } from '../kit';
import { kindOf, notesB, t, ug } from '../text';
import type { RawFinding } from '../types';
import type { RuleView } from '../view';

/** Listener protocols each load balancer kind can't carry (rules.md LB-002 (d)–(f)). */
const WRONG_LISTENERS: ReadonlyMap<string, { readonly subCase: string; readonly protocols: ReadonlySet<string> }> = new Map([
  ['applicationLoadBalancer', { subCase: 'd', protocols: new Set(['TCP', 'UDP', 'TLS', 'TCP_UDP']) }],
  ['networkLoadBalancer', { subCase: 'e', protocols: new Set(['HTTP', 'HTTPS']) }],
  ['classicLoadBalancer', { subCase: 'f', protocols: new Set(['UDP', 'TCP_UDP']) }],
]);

/** (a)–(c) for one Ingress or Service: the sub-cases its provisions edge breaks. */
function objectCases(view: RuleView, x: DiagramNode, lb: DiagramNode): string[] {
  if (x.kind === 'ingress') return lb.kind === 'applicationLoadBalancer' ? [] : ['a'];
  const out: string[] = [];
  if (lb.kind === 'applicationLoadBalancer') out.push('b');
  if (view.str(x, 'serviceType') !== 'LoadBalancer') out.push('c');
  return out;
}

export const LB_002: Rule = {
  id: 'LB-002',
  severity: 'error',
  category: 'load balancing',
  phase: 1,
  title: t('Wrong load balancer for the object or protocol', 'オブジェクトやプロトコルに合わないロードバランサー'),
  message: t(
    'An ALB works at layer 7 and comes from an Ingress; an NLB works at layer 4 and comes from a Service of type LoadBalancer.',
    'ALB はレイヤー 7 で動き Ingress から作られます。NLB はレイヤー 4 で動き、タイプが LoadBalancer の Service から作られます。',
  ),
  messages: {
    a: t(
      'An Ingress gets an ALB, so {object} can\'t create the {lbKind} {lb}.',
      'Ingress から作られるのは ALB です。{object}から{lbKind}の{lb}は作成できません。',
    ),
    b: t(
      'A Service gets an NLB, so {object} can\'t create the ALB {lb}; an ALB comes from an Ingress.',
      'Service から作られるのは NLB です。{object}から ALB の{lb}は作成できません。ALB は Ingress から作成します。',
    ),
    c: t(
      '{object} is of type {serviceType}; only a Service of type LoadBalancer creates a load balancer such as {lb}.',
      '{object}のタイプは {serviceType} です。{lb}のようなロードバランサーを作成するのは、タイプが LoadBalancer の Service だけです。',
    ),
    d: t(
      'The ALB {lb} has {protocols} listeners, but an ALB handles only HTTP and HTTPS; layer-4 traffic needs an NLB.',
      'ALB である{lb}に {protocols} のリスナーがありますが、ALB が扱えるのは HTTP と HTTPS だけです。レイヤー 4 の通信には NLB が必要です。',
    ),
    e: t(
      'The NLB {lb} has {protocols} listeners, but an NLB works at layer 4 (TCP, UDP, TLS); HTTP routing needs an ALB.',
      'NLB である{lb}に {protocols} のリスナーがありますが、NLB はレイヤー 4（TCP、UDP、TLS）で動きます。HTTP のルーティングには ALB が必要です。',
    ),
    f: t(
      'The Classic Load Balancer {lb} has {protocols} listeners, but a Classic Load Balancer can\'t carry UDP.',
      'Classic Load Balancer である{lb}に {protocols} のリスナーがありますが、Classic Load Balancer は UDP を扱えません。',
    ),
  },
  why: t(
    'An ALB routes HTTP, HTTPS and gRPC requests, which is what an Ingress describes. Plain TCP or UDP traffic goes through a Service of type LoadBalancer, which yields an NLB, and only that Service type creates a load balancer at all.',
    'ALB は HTTP、HTTPS、gRPC のリクエストをルーティングするもので、Ingress が表すのはまさにそれです。素の TCP や UDP の通信はタイプが LoadBalancer の Service を通り、そこから NLB が作られます。そもそもロードバランサーを作成するのは、このタイプの Service だけです。',
  ),
  fix: t(
    'Swap the load balancer kind, the Kubernetes object or the listener protocol.',
    'ロードバランサーの種類、Kubernetes オブジェクト、リスナーのプロトコルのいずれかを正しいものに替えてください。',
  ),
  sources: [notesB('2.4 ロードバランシング', 'load balancing'), ug('alb-ingress'), ug('network-load-balancing')],
  check(view) {
    const out: RawFinding[] = [];
    for (const x of [...view.ofKind('ingress'), ...view.ofKind('k8sService')]) {
      for (const e of view.outEdges(x, 'provisions')) {
        const lb = view.node(e.target);
        if (!lb) continue;
        const params: Record<string, string | Text> = {
          object: view.name(x),
          lb: view.name(lb),
          lbKind: kindOf(lb.kind),
          serviceType: view.str(x, 'serviceType'),
        };
        for (const subCase of objectCases(view, x, lb)) out.push(finding([x, lb], { subCase, edges: [e.id], key: e.id, params }));
      }
    }
    for (const l of view.ofKinds(LBS_SET)) {
      const wrong = WRONG_LISTENERS.get(l.kind);
      if (!wrong) continue;
      const bad = view.list(l, 'listeners').filter((p) => wrong.protocols.has(p));
      if (bad.length > 0) out.push(finding([l], { subCase: wrong.subCase, params: { lb: view.name(l), protocols: bad.join(', ') } }));
    }
    return out;
  },
};
