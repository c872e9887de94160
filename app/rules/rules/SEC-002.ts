import { EC2_SET, PODS_SET } from '../../catalog/sets';
import type { DiagramNode } from '../../model/types';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, t, ug } from '../text';
import type { RawFinding } from '../types';
import type { RuleView } from '../view';

const POD_IDENTITY = t('Pod Identity', 'Pod Identity');
const IRSA = t('IRSA', 'IRSA');

/** Pod Identity runs only on Linux EC2 nodes: Fargate or Windows anywhere in x's placement rules it out. */
function podIdentityBlocked(view: RuleView, x: DiagramNode): boolean {
  if (view.onFargate(x)) return true;
  if (x.kind === 'workload' && view.str(x, 'os') === 'windows') return true;
  return view.runsOn(x).some((c) => EC2_SET.has(c.kind) && view.str(c, 'os') === 'windows');
}

export const SEC_002: Rule = {
  id: 'SEC-002',
  severity: 'error',
  category: 'security',
  phase: 1,
  title: t('Workload identity prerequisites missing', 'ワークロード ID の前提条件が足りない'),
  message: t("{mechanism} can't work here: {reason}.", 'この構成では {mechanism} を使えません。{reason}。'),
  why: t(
    'Pod Identity relies on an agent DaemonSet and supports Linux EC2 nodes only, so Fargate and Windows pods use IRSA instead. IRSA needs the cluster\'s OIDC issuer registered as an identity provider in IAM.',
    'Pod Identity はエージェントの DaemonSet に頼る仕組みで、対応するのは Linux の EC2 ノードだけです。そのため Fargate や Windows の Pod では IRSA を使います。IRSA を使うには、クラスターの OIDC 発行者を IAM の ID プロバイダーとして登録しておく必要があります。',
  ),
  fix: t(
    'Switch the mechanism, add the Pod Identity agent, or register the OIDC provider.',
    '仕組みを切り替えるか、Pod Identity エージェントを追加するか、OIDC プロバイダーを登録してください。',
  ),
  sources: [
    ug('pod-identities', 'EKS Pod Identity restrictions'),
    bp('identity-and-access-management'),
    ug('hybrid-nodes-add-ons'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const x of view.ofKinds(PODS_SET)) {
      const cred = view.effCred(x);
      if (cred !== 'podIdentity' && cred !== 'irsa') continue;
      const cluster = view.clusterOf(x);
      if (cluster === null) continue;
      const cp = view.cp(cluster);
      const nodes = cp ? [x, cp] : [x];
      if (cred === 'podIdentity') {
        const params = { mechanism: POD_IDENTITY };
        if (podIdentityBlocked(view, x)) {
          out.push(finding(nodes, { subCase: 'a', params: { ...params, reason: t('it supports Linux EC2 nodes only, not Fargate or Windows', '対応しているのは Linux の EC2 ノードだけで、Fargate や Windows では使えません') } }));
        }
        if (!view.hasAddon(cluster, 'pod-identity-agent')) {
          out.push(finding(nodes, { subCase: 'b', params: { ...params, reason: t('the cluster has no eks-pod-identity-agent add-on', 'クラスターに eks-pod-identity-agent アドオンがありません') } }));
        }
      } else if (cp && !view.bool(cp, 'oidcProvider')) {
        out.push(finding(nodes, { subCase: 'c', params: { mechanism: IRSA, reason: t("the cluster's OIDC provider isn't registered in IAM", 'クラスターの OIDC プロバイダーが IAM に登録されていません') } }));
      }
    }
    return out;
  },
  quickFix(f, view) {
    if (f.subCase === 'a') {
      const x = nodeAt(view, f, 0);
      return x ? setPropFix(x, 'credentialSource', 'irsa') : null;
    }
    if (f.subCase === 'c') {
      const cp = nodeAt(view, f, 1);
      return cp ? setPropFix(cp, 'oidcProvider', true) : null;
    }
    return null;
  },
};
