import { EC2_SET } from '../../catalog/sets';
import type { DiagramNode } from '../../model/types';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, lbc, notesB, t } from '../text';
import type { RawFinding } from '../types';
import type { RuleView } from '../view';

const NODE_GROUPS: ReadonlySet<string> = new Set(['managedNodeGroup', 'selfManagedNodeGroup']);
const BORROWED: ReadonlySet<string> = new Set(['nodeRole', 'none']);
const OWN_ROLE: ReadonlySet<string> = new Set(['irsa', 'podIdentity']);

/** The compute where a Load Balancer Controller that reads IMDS (no Region/VPC flags) may run. */
function imdsReaderCompute(view: RuleView): ReadonlySet<string> {
  const out = new Set<string>();
  for (const a of view.ofKind('addon')) {
    if (view.str(a, 'addonType') !== 'aws-load-balancer-controller' || view.bool(a, 'regionVpcFlags')) continue;
    for (const c of view.candidateCompute(a)) out.add(c.id);
  }
  return out;
}

/** Pod Identity where every place the pods may land is Linux EC2, else IRSA (SEC-001 quick fix (a)). */
function ownRoleFor(view: RuleView, x: DiagramNode): string {
  const where = view.candidateCompute(x);
  const linuxEc2 = where.length > 0 && where.every((c) => EC2_SET.has(c.kind) && view.str(c, 'os') !== 'windows');
  return linuxEc2 ? 'podIdentity' : 'irsa';
}

export const SEC_001: Rule = {
  id: 'SEC-001',
  severity: 'warning',
  category: 'security',
  phase: 1,
  title: t("Pods borrow the node's IAM role", 'Pod がノードの IAM ロールを借りている'),
  message: t(
    "{workload} acts with the node's role: give it its own role (Pod Identity or IRSA) and lock down IMDS.",
    '{workload}はノードのロールで AWS を呼び出しています。専用のロール（Pod Identity または IRSA）を割り当て、IMDS へのアクセスを制限してください。',
  ),
  messages: {
    b1: t(
      "Pods on {nodes} have their own IAM role, but IMDSv1 is still allowed, so they can also take the node's role.",
      '{nodes}の Pod には専用の IAM ロールがありますが、IMDSv1 が許可されたままなので、ノードのロールも取得できてしまいます。',
    ),
    b2: t(
      "Pods on {nodes} have their own IAM role, but the IMDS hop limit of {hops} lets them reach the node's role too.",
      '{nodes}の Pod には専用の IAM ロールがありますが、IMDS のホップ数上限が {hops} なので、ノードのロールにも手が届きます。',
    ),
  },
  why: t(
    'The instance profile is shared by every pod on the node, and pods can reach it through the instance metadata service unless IMDSv2 with a hop limit of 1 blocks them. Components that read IMDS, such as the Load Balancer Controller, need hop limit 2 unless they are given their Region and VPC as flags.',
    'インスタンスプロファイルはノード上のすべての Pod で共有され、IMDSv2 とホップ数上限 1 で遮断しない限り、Pod はインスタンスメタデータサービス経由でそれを取得できます。Load Balancer Controller のように IMDS を読むコンポーネントは、リージョンと VPC をフラグで渡さない限りホップ数上限 2 を必要とします。',
  ),
  fix: t(
    'Give each application its own IAM role, and block pod access to IMDS.',
    'アプリケーションごとに IAM ロールを分け、Pod から IMDS へのアクセスを遮断してください。',
  ),
  sources: [
    notesB('4. セキュリティと認証・認可', 'security and authorisation, item IAM 統合 / IAM integration'),
    bp('identity-and-access-management', 'Restrict access to the instance profile assigned to the worker node'),
    bp('identity-and-access-management', 'Use one IAM role per application'),
    lbc('deploy/installation'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const x of view.ofKind('workload')) {
      if (view.out(x, 'accesses').length > 0 && BORROWED.has(view.effCred(x))) {
        out.push(finding([x], { subCase: 'a', params: { workload: view.name(x) } }));
      }
    }
    let readers: ReadonlySet<string> | undefined;
    for (const c of view.ofKinds(NODE_GROUPS)) {
      if (!view.podsOf(c).some((x) => OWN_ROLE.has(view.effCred(x)))) continue;
      const params = { nodes: view.name(c) };
      if (view.str(c, 'httpTokens') === 'optional') out.push(finding([c], { subCase: 'b1', params }));
      const hops = view.int(c, 'hopLimit');
      if (hops !== null && hops >= 2) {
        readers ??= imdsReaderCompute(view);
        if (!readers.has(c.id)) out.push(finding([c], { subCase: 'b2', params: { ...params, hops: String(hops) } }));
      }
    }
    return out;
  },
  quickFix(f, view) {
    const x = nodeAt(view, f, 0);
    if (!x) return null;
    if (f.subCase === 'a') return setPropFix(x, 'credentialSource', ownRoleFor(view, x));
    if (f.subCase === 'b1') return setPropFix(x, 'httpTokens', 'required');
    if (f.subCase === 'b2') return setPropFix(x, 'hopLimit', 1);
    return null;
  },
};
