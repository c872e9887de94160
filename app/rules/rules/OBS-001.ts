import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { t, ug } from '../text';

export const OBS_001: Rule = {
  id: 'OBS-001',
  severity: 'warning',
  category: 'observability',
  phase: 1,
  title: t('Control-plane logs off', 'コントロールプレーンのログがオフ'),
  message: t('{cluster} sends no control-plane logs to CloudWatch Logs.', '{cluster}はコントロールプレーンのログを CloudWatch Logs に送っていません。'),
  why: t(
    'All five log types stay off until you turn them on. The audit and authenticator logs are the main record of who did what in the cluster; enabled logs are billed at CloudWatch Logs rates.',
    '5 種類のログはどれも、有効にするまでオフのままです。audit ログと authenticator ログは、クラスターで誰が何をしたかを示す主要な記録です。有効にしたログには CloudWatch Logs の料金がかかります。',
  ),
  fix: t('Turn on at least the api, audit and authenticator logs.', '少なくとも api、audit、authenticator のログを有効にしてください。'),
  sources: [ug('control-plane-logs')],
  check(view) {
    return view
      .controlPlanes()
      .filter((cp) => view.list(cp, 'controlPlaneLogging').length === 0)
      .map((cp) => finding([cp], { params: { cluster: view.name(cp) } }));
  },
  quickFix(f, view) {
    const cp = nodeAt(view, f, 0);
    return cp ? setPropFix(cp, 'controlPlaneLogging', ['api', 'audit', 'authenticator']) : null;
  },
};
