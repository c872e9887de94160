import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { notesA, t, ug } from '../text';

export const CP_004: Rule = {
  id: 'CP-004',
  severity: 'error',
  category: 'endpoint',
  phase: 1,
  title: t('Both endpoint modes off', 'エンドポイントのパブリックアクセスもプライベートアクセスもオフ'),
  message: t(
    'Nothing could reach the API server of {cluster}: turn private access on before turning public access off.',
    '{cluster}の API サーバーにはどこからも到達できません。パブリックアクセスをオフにする前に、プライベートアクセスをオンにしてください。',
  ),
  why: t(
    "An EKS API endpoint is public, private, or both. EKS won't let public access be switched off while private access is also off, because neither nodes nor kubectl could then reach the cluster.",
    'EKS の API エンドポイントは、パブリック、プライベート、またはその両方で公開します。プライベートアクセスがオフのままパブリックアクセスをオフにすることは EKS が許可しません。ノードも kubectl もクラスターに到達できなくなるためです。',
  ),
  fix: t('Turn on private access (or public access).', 'プライベートアクセス（またはパブリックアクセス）をオンにしてください。'),
  sources: [notesA('コントロールプレーン', 'control plane: public, private, or both'), ug('cluster-endpoint')],
  check(view) {
    return view
      .controlPlanes()
      .filter((cp) => !view.bool(cp, 'endpointPublicAccess') && !view.bool(cp, 'endpointPrivateAccess'))
      .map((cp) => finding([cp], { params: { cluster: view.name(cp) } }));
  },
  quickFix(f, view) {
    const cp = nodeAt(view, f, 0);
    return cp ? setPropFix(cp, 'endpointPrivateAccess', true) : null;
  },
};
