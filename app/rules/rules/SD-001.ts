import type { DiagramNode } from '../../model/types';
import { finding, type Rule } from '../kit';
import { notesB, t, web } from '../text';
import type { RawFinding } from '../types';
import type { ClusterRef, RuleView } from '../view';

/** The one cluster every exporter of m resolves to; null when there is none, or any is unresolved or different. */
function soleExportCluster(view: RuleView, m: DiagramNode): ClusterRef | null {
  const exporters = view.in(m, 'exportsTo');
  let found: ClusterRef | null = null;
  for (const s of exporters) {
    const c = view.clusterOf(s);
    if (c === null || (found !== null && found !== c)) return null;
    found = c;
  }
  return found;
}

export const SD_001: Rule = {
  id: 'SD-001',
  severity: 'info',
  category: 'service discovery',
  phase: 1,
  title: t('Cloud Map used for calls inside one cluster', '1 つのクラスター内の呼び出しに Cloud Map を使っている'),
  message: t(
    '{workload} looks up {namespace}, but everything exported there is in its own cluster: Kubernetes Services and CoreDNS already provide discovery.',
    '{workload}は{namespace}で名前を引いていますが、そこにエクスポートされているのは同じクラスターのサービスだけです。クラスター内なら Kubernetes の Service と CoreDNS で名前解決できます。',
  ),
  why: t(
    'A Service answers at <service>.<namespace>.svc.cluster.local from every pod of its cluster. Cloud Map earns its place for discovery across clusters and for callers outside Kubernetes, such as an HTTP API behind a VPC link.',
    'Service は、同じクラスターのどの Pod からも <service>.<namespace>.svc.cluster.local という名前で呼び出せます。Cloud Map が役立つのは、クラスターをまたぐ名前解決や、VPC リンク経由の HTTP API のように Kubernetes の外から呼び出す場合です。',
  ),
  fix: t('Call the Service directly by its cluster DNS name.', 'Service をクラスター内の DNS 名で直接呼び出してください。'),
  sources: [
    notesB('2.6 サービスディスカバリー', 'service discovery'),
    notesB('8.6 サービスディスカバリー', 'service discovery, exam points'),
    web('https://github.com/aws/aws-cloud-map-mcs-controller-for-k8s', 'AWS Cloud Map MCS Controller for Kubernetes (GitHub)', 'AWS Cloud Map MCS Controller for Kubernetes（GitHub）'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    const sole = new Map<string, ClusterRef | null>();
    for (const x of view.ofKind('workload')) {
      const mine = view.clusterOf(x);
      if (mine === null) continue;
      for (const m of view.out(x, 'resolvesVia')) {
        let c = sole.get(m.id);
        if (c === undefined) {
          c = soleExportCluster(view, m);
          sole.set(m.id, c);
        }
        if (c === null || c !== mine) continue;
        out.push(finding([x, m], { key: m.id, params: { workload: view.name(x), namespace: view.name(m) } }));
      }
    }
    return out;
  },
};
