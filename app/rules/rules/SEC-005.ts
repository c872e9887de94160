import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, notesB, t, ug, web } from '../text';
import type { RawFinding } from '../types';

export const SEC_005: Rule = {
  id: 'SEC-005',
  severity: 'error',
  category: 'security',
  phase: 1,
  title: t("Secrets Manager CSI mount can't work", 'Secrets Manager の CSI マウントが動かない'),
  message: t(
    'Mounting Secrets Manager secrets needs the Secrets Store CSI driver with the AWS provider on EC2 nodes, and a pod IAM role.',
    'Secrets Manager のシークレットをマウントするには、EC2 ノード上の Secrets Store CSI Driver と AWS プロバイダー、それに Pod 用の IAM ロールが必要です。',
  ),
  messages: {
    a: t(
      "{workload} mounts Secrets Manager secrets through the CSI driver, but it runs on Fargate, where the driver's DaemonSet can't run.",
      '{workload}は CSI ドライバー経由で Secrets Manager のシークレットをマウントしますが、Fargate 上で動くため、ドライバーの DaemonSet が動きません。',
    ),
    b: t(
      '{workload} mounts Secrets Manager secrets, but the cluster has no Secrets Store CSI driver with the AWS provider (ASCP).',
      '{workload}は Secrets Manager のシークレットをマウントしますが、クラスターに Secrets Store CSI Driver と AWS プロバイダー（ASCP）がありません。',
    ),
    c: t(
      '{workload} mounts Secrets Manager secrets without a pod IAM role (IRSA or Pod Identity) to fetch them with.',
      '{workload}は Secrets Manager のシークレットをマウントしますが、取得に使う Pod 用の IAM ロール（IRSA または Pod Identity）がありません。',
    ),
    d: t(
      '{workload} mounts Secrets Manager secrets, but no Secrets Manager secret is connected to it.',
      '{workload}は Secrets Manager のシークレットをマウントしますが、接続された Secrets Manager シークレットがありません。',
    ),
  },
  why: t(
    "The AWS provider runs as a DaemonSet, so it can't serve Fargate pods, and it fetches each secret with the pod's own IAM role. Where plain Kubernetes Secrets are used, mounting them as volumes is safer than passing them as environment variables.",
    'AWS プロバイダーは DaemonSet として動くため Fargate の Pod には対応できず、各シークレットは Pod 自身の IAM ロールで取得します。なお、通常の Kubernetes Secret を使う場合も、環境変数で渡すよりボリュームとしてマウントするほうが安全です。',
  ),
  fix: t(
    'Add the secrets-store-csi-ascp add-on, a pod IAM role and the secret, and run the pods on EC2 nodes.',
    'secrets-store-csi-ascp アドオン、Pod 用の IAM ロール、対象のシークレットを追加し、Pod は EC2 ノードで動かしてください。',
  ),
  sources: [
    notesB('4. セキュリティと認証・認可', 'security and authorisation, item シークレット管理 / secrets management'),
    ug('manage-secrets'),
    web('https://docs.aws.amazon.com/secretsmanager/latest/userguide/integrate_eks.html', 'AWS Secrets Manager User Guide: Use AWS Secrets Manager secrets in Amazon EKS', 'AWS Secrets Manager ユーザーガイド: Amazon EKS で Secrets Manager のシークレットを使う'),
    bp('data-encryption-and-secrets-management'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const x of view.ofKind('workload')) {
      if (view.str(x, 'secretSource') !== 'secretsManagerCsi') continue;
      const cluster = view.clusterOf(x);
      if (cluster === null) continue;
      const params = { workload: view.name(x) };
      if (view.onFargate(x)) out.push(finding([x], { subCase: 'a', params }));
      if (!view.hasAddon(cluster, 'secrets-store-csi-ascp')) out.push(finding([x], { subCase: 'b', params }));
      const cred = view.effCred(x);
      if (cred !== 'irsa' && cred !== 'podIdentity') out.push(finding([x], { subCase: 'c', params }));
      if (!view.out(x, 'accesses').some((s) => s.kind === 'secretsManagerSecret')) out.push(finding([x], { subCase: 'd', params }));
    }
    return out;
  },
  quickFix(f, view) {
    const x = nodeAt(view, f, 0);
    return f.subCase === 'c' && x ? setPropFix(x, 'credentialSource', 'irsa') : null;
  },
};
