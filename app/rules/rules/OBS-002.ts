import { COMPUTE_SET } from '../../catalog/sets';
import { finding, type Rule } from '../kit';
import { notesB, t, ug } from '../text';
import type { RawFinding } from '../types';

const ADDON: ReadonlySet<string> = new Set(['addon']);
const MONITORING: ReadonlySet<string> = new Set(['cloudwatch-observability', 'adot', 'prometheus']);

export const OBS_002: Rule = {
  id: 'OBS-002',
  severity: 'info',
  category: 'observability',
  phase: 1,
  title: t('No workload monitoring', 'ワークロードの監視がない'),
  message: t(
    'Add the CloudWatch Observability add-on (Container Insights) or another metrics pipeline.',
    'CloudWatch Observability アドオン（Container Insights）か、別のメトリクス収集の仕組みを追加しましょう。',
  ),
  why: t(
    'Clusters on 1.28 and later get basic control-plane metrics at no charge, but node, pod and container metrics need Container Insights or a similar pipeline; Metrics Server only feeds autoscaling and is not monitoring. For logging on Fargate see DP-002.',
    '1.28 以降のクラスターではコントロールプレーンの基本メトリクスを無料で見られますが、ノード、Pod、コンテナのメトリクスには Container Insights などの収集の仕組みが必要です。Metrics Server はオートスケーリングにデータを渡すだけで、監視の代わりにはなりません。Fargate でのログ収集については DP-002 を参照してください。',
  ),
  fix: t('Add the CloudWatch Observability add-on, ADOT or Prometheus.', 'CloudWatch Observability アドオン、ADOT、または Prometheus を追加してください。'),
  sources: [
    notesB('2.7 統合性と拡張性', 'integration with AWS services such as CloudWatch'),
    ug('cloudwatch'),
    ug('metrics-server'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    for (const cluster of view.clusters()) {
      const compute = view.members(cluster, COMPUTE_SET);
      if (compute.length === 0) continue;
      const monitored = view
        .members(cluster, ADDON)
        .some((a) => MONITORING.has(view.str(a, 'addonType')) || view.outEdges(a, 'shipsTelemetryTo').length > 0);
      if (monitored) continue;
      const badge = view.cp(cluster) ?? compute[0];
      if (badge) out.push(finding([badge]));
    }
    return out;
  },
};
