import type { DiagramNode } from '../../model/types';
import { finding, type Rule } from '../kit';
import { notesB, t, web } from '../text';
import type { RawFinding } from '../types';
import type { ClusterRef, RuleView } from '../view';

const MCS = 'cloudmap-mcs-controller';

/** K of SD-002: the resolved clusters of the Services exporting to m and of the workloads resolving via m, first seen first. */
function clustersOf(view: RuleView, m: DiagramNode): ClusterRef[] {
  const out = new Set<ClusterRef>();
  for (const x of [...view.in(m, 'exportsTo'), ...view.in(m, 'resolvesVia')]) {
    const c = view.clusterOf(x);
    if (c !== null) out.add(c);
  }
  return [...out];
}

/** (c): the clusters' VPCs sit in different customer accounts, or in accounts of different stated Regions. */
function accountsSplit(view: RuleView, vpcs: readonly DiagramNode[]): boolean {
  const accounts = new Set<string>();
  const regions = new Set<string>();
  for (const v of vpcs) {
    const a = view.accountOf(v);
    if (a === 'implicit' || a.kind !== 'customerAccount') continue;
    accounts.add(a.id);
    const region = view.str(a, 'region').trim();
    if (region !== '') regions.add(region);
  }
  return accounts.size > 1 || regions.size > 1;
}

/** (d): two of the VPCs have no peering or shared transit gateway (K is a handful of clusters). */
function networksSplit(view: RuleView, vpcs: readonly DiagramNode[]): boolean {
  for (let i = 0; i < vpcs.length; i++) {
    for (let j = i + 1; j < vpcs.length; j++) {
      const a = vpcs[i] as DiagramNode;
      const b = vpcs[j] as DiagramNode;
      if (!view.vpcConnected(a, b)) return true;
    }
  }
  return false;
}

export const SD_002: Rule = {
  id: 'SD-002',
  severity: 'error',
  category: 'service discovery',
  phase: 2,
  title: t('Multi-cluster discovery prerequisites missing', 'マルチクラスターのサービスディスカバリーに必要なものが足りない'),
  message: t(
    'Cloud Map multi-cluster discovery through {namespace} needs the MCS controller in every cluster, one account and Region, and a network path between the clusters.',
    '{namespace}を使った Cloud Map のマルチクラスター名前解決には、すべてのクラスターの MCS コントローラー、同じアカウントとリージョン、クラスター間のネットワーク経路が必要です。',
  ),
  messages: {
    a: t(
      '{namespace} is used by fewer than two clusters, so there is nothing for multi-cluster discovery to join.',
      '{namespace}を使うクラスターが 2 つ未満のため、マルチクラスターの名前解決でつなぐ相手がありません。',
    ),
    b: t(
      'Every cluster that uses {namespace} needs the Cloud Map MCS controller.',
      '{namespace}を使うすべてのクラスターに Cloud Map MCS コントローラーが必要です。',
    ),
    c: t(
      'The clusters that use {namespace} are in different accounts or Regions; the MCS controller works within one account and Region.',
      '{namespace}を使うクラスターが別々のアカウントまたはリージョンにあります。MCS コントローラーが扱えるのは 1 つのアカウントとリージョンの中だけです。',
    ),
    d: t(
      "The VPCs of the clusters that use {namespace} aren't connected: add peering or a transit gateway.",
      '{namespace}を使うクラスターの VPC 同士がつながっていません。ピアリングかトランジットゲートウェイを追加してください。',
    ),
    e: t(
      'An MCS controller of a cluster that uses {namespace} has no IAM credentials for Cloud Map.',
      '{namespace}を使うクラスターの MCS コントローラーに、Cloud Map を呼び出す IAM 認証情報がありません。',
    ),
  },
  why: t(
    'The controller exports and imports clusterset.local names through Cloud Map, but it creates no connectivity and needs Cloud Map permissions. Without a route between the clusters\' pods, the names resolve to addresses nobody can reach.',
    'コントローラーは Cloud Map を通じて clusterset.local の名前をエクスポート・インポートしますが、通信経路は作りません。また Cloud Map を操作する権限が必要です。クラスター間で Pod 同士のルートがなければ、名前は解決できても誰も到達できないアドレスになります。',
  ),
  fix: t(
    'Add the controllers with IAM roles, and peering or a transit gateway between the VPCs.',
    'IAM ロール付きでコントローラーを追加し、VPC 同士をピアリングかトランジットゲートウェイでつないでください。',
  ),
  sources: [
    notesB('2.6 サービスディスカバリー', 'service discovery'),
    web(
      'https://github.com/aws/aws-cloud-map-mcs-controller-for-k8s',
      'AWS Cloud Map MCS Controller for Kubernetes (GitHub README: Installation, Network)',
      'AWS Cloud Map MCS Controller for Kubernetes（GitHub の README: Installation、Network）',
    ),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const m of view.ofKind('cloudMapNamespace')) {
      if (view.in(m, 'exportsTo').length === 0) continue;
      const params = { namespace: view.name(m) };
      const k = clustersOf(view, m);
      if (k.length < 2) out.push(finding([m], { subCase: 'a', params }));
      if (k.some((c) => !view.hasAddon(c, MCS))) out.push(finding([m], { subCase: 'b', params }));
      const vpcs = [...new Map(k.flatMap((c) => view.clusterVpc(c) ?? []).map((v) => [v.id, v])).values()];
      if (accountsSplit(view, vpcs)) out.push(finding([m], { subCase: 'c', params }));
      if (networksSplit(view, vpcs)) out.push(finding([m], { subCase: 'd', params }));
      if (k.some((c) => view.addonsOf(c, MCS).some((a) => view.effCred(a) === 'none'))) out.push(finding([m], { subCase: 'e', params }));
    }
    return out;
  },
};
