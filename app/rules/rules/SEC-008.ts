import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { bp, notesB, t } from '../text';

export const SEC_008: Rule = {
  id: 'SEC-008',
  severity: 'info',
  category: 'security',
  phase: 1,
  title: t('Legacy aws-auth access management', '旧来の aws-auth によるアクセス管理'),
  message: t(
    '{cluster} manages access with the deprecated aws-auth ConfigMap: prefer EKS access entries.',
    '{cluster}は非推奨の aws-auth ConfigMap でアクセスを管理しています。EKS のアクセスエントリを使いましょう。',
  ),
  why: t(
    'Access entries map IAM principals to Kubernetes permissions through the EKS API instead of a hand-edited ConfigMap. They also let you remove the permanent admin rights of whoever created the cluster.',
    'アクセスエントリでは、IAM プリンシパルと Kubernetes の権限の対応付けを、手で編集する ConfigMap ではなく EKS API で管理します。クラスター作成者に常に付いている管理者権限を外すこともできます。',
  ),
  fix: t('Switch the authentication mode to access entries.', '認証モードをアクセスエントリに切り替えてください。'),
  sources: [
    notesB('4. セキュリティと認証・認可', 'security and authorisation, items IAM 統合 / IAM integration, RBAC'),
    bp('identity-and-access-management', 'Cluster Access Manager'),
  ],
  check(view) {
    return view
      .controlPlanes()
      .filter((cp) => view.str(cp, 'authenticationMode') === 'CONFIG_MAP')
      .map((cp) => finding([cp], { params: { cluster: view.name(cp) } }));
  },
  quickFix(f, view) {
    const cp = nodeAt(view, f, 0);
    return cp ? setPropFix(cp, 'authenticationMode', 'API_AND_CONFIG_MAP') : null;
  },
};
