import { LBS_SET } from '../../catalog/sets';
import { finding, type Rule } from '../kit';
import { lbc, listOf, t, ug } from '../text';
import type { RawFinding } from '../types';

/** The controller skips subnets with fewer free addresses than this. */
const MIN_FREE_IPS = 8;
const NO_AZ = t('no AZ at all', 'どの AZ にもありません');
const ONE_AZ = t('one AZ only', '1 つの AZ にしかありません');

export const LB_004: Rule = {
  id: 'LB-004',
  severity: 'error',
  category: 'placement',
  phase: 1,
  title: t('Load balancer subnets invalid', 'ロードバランサーのサブネットが不適切'),
  message: t(
    "ALBs need subnets in at least two AZs, each with at least 8 free IP addresses, in the cluster's VPC.",
    'ALB には、クラスターの VPC 内で 2 つ以上の AZ にまたがり、それぞれ 8 個以上の空き IP アドレスがあるサブネットが必要です。',
  ),
  messages: {
    a: t(
      'The ALB {lb} has subnets in {azs}; an ALB needs subnets in at least two AZs.',
      'ALB である{lb}のサブネットは、{azs}。ALB には 2 つ以上の AZ のサブネットが必要です。',
    ),
    b: t('{lb} has no subnet, so it has nowhere to place its network interfaces.', '{lb}にはサブネットがないため、ネットワークインターフェイスを置く場所がありません。'),
    c: t(
      '{lb} uses subnets with fewer than 8 free IP addresses ({subnets}), which the controller skips.',
      '{lb}が使うサブネット{subnets}は空き IP アドレスが 8 個未満なので、コントローラーはこれを使いません。',
    ),
    d: t(
      "{lb} uses subnets outside the cluster's VPC {vpc}: {subnets}.",
      '{lb}が使うサブネット{subnets}は、クラスターの VPC である{vpc}の外にあります。',
    ),
  },
  why: t(
    "The controller picks one subnet per AZ, skips subnets with fewer than eight free addresses, and won't build an ALB in a single AZ. The load balancers it creates live in the cluster's VPC.",
    'コントローラーは AZ ごとに 1 つのサブネットを選び、空きアドレスが 8 個未満のサブネットは候補から外します。また、1 つの AZ だけで ALB を作ることはありません。コントローラーが作るロードバランサーは、クラスターの VPC に置かれます。',
  ),
  fix: t('Add a subnet in another AZ or free up addresses.', '別の AZ のサブネットを追加するか、アドレスの空きを増やしてください。'),
  sources: [ug('alb-ingress'), ug('network-load-balancing'), lbc('deploy/subnet_discovery', 'Minimum Subnet Requirements')],
  check(view) {
    const out: RawFinding[] = [];
    for (const l of view.ofKinds(LBS_SET)) {
      const subnets = view.lbSubnets(l);
      const lb = view.name(l);
      if (l.kind === 'applicationLoadBalancer') {
        const azs = view.distinctAzs(subnets);
        if (azs < 2) out.push(finding([l, ...subnets], { subCase: 'a', params: { lb, azs: azs === 0 ? NO_AZ : ONE_AZ } }));
      } else if (subnets.length === 0) {
        out.push(finding([l], { subCase: 'b', params: { lb } }));
      }
      const small = subnets.filter((s) => {
        const free = view.freeIps(s);
        return free !== null && free < MIN_FREE_IPS;
      });
      if (small.length > 0) out.push(finding([l, ...small], { subCase: 'c', params: { lb, subnets: listOf(small.map((s) => view.name(s))) } }));
      const cluster = view.clusterOf(l);
      const home = cluster === null ? undefined : view.clusterVpc(cluster);
      if (!home) continue;
      const away = subnets.filter((s) => {
        const v = view.vpcOf(s);
        return v !== undefined && v.id !== home.id;
      });
      if (away.length > 0) out.push(finding([l, ...away], { subCase: 'd', params: { lb, vpc: view.name(home), subnets: listOf(away.map((s) => view.name(s))) } }));
    }
    return out;
  },
};
