import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, t } from '../text';

export const SEC_003: Rule = {
  id: 'SEC-003',
  severity: 'warning',
  category: 'security',
  phase: 1,
  title: t('VPC CNI runs with the node role', 'VPC CNI がノードのロールで動いている'),
  message: t('Give the VPC CNI (aws-node) its own IAM role.', 'VPC CNI（aws-node）には専用の IAM ロールを割り当ててください。'),
  why: t(
    "By default aws-node uses the node's instance role, which must then carry the permissions to manage network interfaces and addresses. Every pod on the node can use those permissions too.",
    '既定では aws-node はノードのインスタンスロールを使うため、そのロールにネットワークインターフェイスや IP アドレスを操作する権限を持たせることになります。その権限は、同じノード上のすべての Pod からも使えてしまいます。',
  ),
  fix: t('Move the CNI policy to a dedicated role for aws-node.', 'CNI 用のポリシーを aws-node 専用のロールに移してください。'),
  sources: [bp('vpc-cni', 'Use separate IAM role for CNI'), bp('identity-and-access-management')],
  check(view) {
    return view
      .ofKind('addon')
      .filter((a) => view.str(a, 'addonType') === 'vpc-cni' && view.effCred(a) === 'nodeRole')
      .map((a) => finding([a]));
  },
  quickFix(f, view) {
    const a = nodeAt(view, f, 0);
    return a ? setPropFix(a, 'credentialSource', 'irsa') : null;
  },
};
