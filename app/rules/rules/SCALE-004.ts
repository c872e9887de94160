import type { Text } from '../../model/types';
import { compareMinor, minor, shape } from '../cidr';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, t, ug } from '../text';
import type { RawFinding } from '../types';

const BORROWED_CREDENTIALS: ReadonlySet<string> = new Set(['nodeRole', 'none']);

export const SCALE_004: Rule = {
  id: 'SCALE-004',
  severity: 'warning',
  category: 'scaling',
  phase: 1,
  title: t('Cluster Autoscaler configured against advice', 'Cluster Autoscaler の設定が推奨に反している'),
  message: t('{addon} deviates from the Cluster Autoscaler recommendations: {detail}.', '{addon}の設定が Cluster Autoscaler の推奨から外れています。{detail}。'),
  why: t(
    'Cluster Autoscaler is tested only against the matching Kubernetes minor version. It models each group from its first instance type, so mixed shapes lead to wrong decisions, and only managed node groups get the discovery tags automatically; its permissions belong on its own role, not on every pod of the node.',
    'Cluster Autoscaler は、対応する Kubernetes のマイナーバージョンでしかテストされていません。グループの中身を最初のインスタンスタイプから推定するため、形の違うインスタンスタイプが混ざると判断を誤ります。検出用のタグが自動で付くのはマネージド型ノードグループだけです。また、その権限はノード上のすべての Pod に渡るノードロールではなく、専用のロールに持たせるべきです。',
  ),
  fix: t(
    'Match the version, split groups by shape, tag the groups, give it its own role.',
    'バージョンを合わせ、インスタンスの形ごとにグループを分け、グループにタグを付け、専用のロールを与えてください。',
  ),
  sources: [bp('cas', 'Operating the Cluster Autoscaler'), bp('cas', 'Configuring your Node Groups'), ug('managed-node-groups')],
  check(view) {
    const out: RawFinding[] = [];
    for (const cluster of view.clusters()) {
      const autoscalers = view.addonsOf(cluster, 'cluster-autoscaler');
      if (autoscalers.length === 0) continue;
      const groups = view.caGroups(cluster);
      const cp = view.cp(cluster);
      const k8s = cp ? minor(view.str(cp, 'kubernetesVersion')) : null;
      for (const a of autoscalers) {
        const addon = view.name(a);
        const push = (subCase: string, detail: Text, extra: Parameters<typeof finding>[0] = [], key?: string): void => {
          out.push(finding([a, ...extra], { subCase, ...(key === undefined ? {} : { key }), params: { addon, detail } }));
        };
        const version = view.str(a, 'version');
        const own = minor(version);
        if (cp && own && k8s && compareMinor(own, k8s) !== 0) {
          const k = view.str(cp, 'kubernetesVersion');
          push('a', t(`its version ${version} doesn't match the cluster's Kubernetes ${k}`, `バージョン ${version} がクラスターの Kubernetes ${k} と一致していません`));
        }
        const discovery = view.bool(a, 'autoDiscovery');
        if (!discovery) push('b', t('auto-discovery is off, so every node group has to be listed by hand', '自動検出がオフなので、ノードグループを 1 つずつ手で指定する必要があります'));
        for (const g of groups) {
          const types = view.list(g, 'instanceTypes');
          const shapes = new Set(types.map((x) => shape(x)).filter((s) => s !== null));
          if (shapes.size > 1) {
            const group = view.name(g);
            push('c', t(`${group.en} mixes instance shapes (${types.join(', ')})`, `${group.ja}に形の異なるインスタンスタイプ（${types.join('、')}）が混在しています`), [g], g.id);
          }
          if (discovery && g.kind === 'selfManagedNodeGroup' && !view.bool(g, 'autoDiscoveryTags')) {
            const group = view.name(g);
            push('d', t(`the self-managed group ${group.en} lacks the auto-discovery tags`, `セルフマネージド型の${group.ja}に自動検出用のタグがありません`), [g], g.id);
          }
        }
        if (BORROWED_CREDENTIALS.has(view.effCred(a))) {
          push('e', t('it has no IAM role of its own; give it one through IRSA or Pod Identity', '専用の IAM ロールがありません。IRSA か Pod Identity でロールを割り当ててください'));
        }
      }
    }
    return out;
  },
  quickFix(f, view) {
    if (f.subCase === 'd') {
      const g = nodeAt(view, f, 1);
      return g ? setPropFix(g, 'autoDiscoveryTags', true) : null;
    }
    const a = nodeAt(view, f, 0);
    if (!a) return null;
    if (f.subCase === 'b') return setPropFix(a, 'autoDiscovery', true);
    if (f.subCase === 'e') return setPropFix(a, 'credentialSource', 'irsa');
    return null;
  },
};
