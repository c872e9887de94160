import type { Text } from '../../model/types';
import { finding, type Rule } from '../kit';
import { notesB, t, ug } from '../text';
import type { RawFinding } from '../types';
import type { ClusterRef } from '../view';

/** Which add-on serves each HPA metric source, and the sub-case it falls under. */
const SOURCE: ReadonlyMap<string, { readonly subCase: string; readonly addon: string; readonly metric: Text }> = new Map([
  ['cpu', { subCase: 'a', addon: 'metrics-server', metric: t('CPU usage', 'CPU 使用率') }],
  ['memory', { subCase: 'a', addon: 'metrics-server', metric: t('memory usage', 'メモリ使用量') }],
  ['custom', { subCase: 'b', addon: 'custom-metrics-adapter', metric: t('custom metrics', 'カスタムメトリクス') }],
  ['external', { subCase: 'b', addon: 'custom-metrics-adapter', metric: t('external metrics', '外部メトリクス') }],
]);

export const SCALE_001: Rule = {
  id: 'SCALE-001',
  severity: 'error',
  category: 'scaling',
  phase: 1,
  title: t('HPA has no metrics source', 'HPA のメトリクスの取得元がない'),
  message: t(
    "This HPA can't read metrics: install Metrics Server, or an adapter for custom metrics.",
    'この HPA はメトリクスを読めません。Metrics Server か、カスタムメトリクス用のアダプターをインストールしてください。',
  ),
  messages: {
    a: t(
      '{hpa} scales on {metric}, but the cluster has no Metrics Server to report it.',
      '{hpa}は、{metric}を基準にスケールしますが、クラスターにはその値を提供する Metrics Server がありません。',
    ),
    b: t(
      '{hpa} scales on {metric}, but the cluster has no adapter (such as Prometheus Adapter or KEDA) to serve them.',
      '{hpa}は、{metric}を基準にスケールしますが、クラスターにはそれを提供するアダプター（Prometheus Adapter や KEDA など）がありません。',
    ),
  },
  why: t(
    "The HPA is built into Kubernetes but reads the metrics APIs, and EKS doesn't install Metrics Server by default; custom and external metrics need an adapter such as Prometheus Adapter or KEDA. On Fargate, Metrics Server must move off port 10250, which Fargate reserves.",
    'HPA は Kubernetes に組み込まれていますが、値はメトリクス API から読み取ります。EKS は Metrics Server をデフォルトではインストールしません。カスタムメトリクスや外部メトリクスには、Prometheus Adapter や KEDA などのアダプターが必要です。Fargate で動かす場合、Fargate が予約しているポート 10250 を Metrics Server が使わないよう変更する必要があります。',
  ),
  fix: t('Add the metrics-server add-on (or a custom-metrics-adapter).', 'metrics-server アドオン（カスタムメトリクスなら custom-metrics-adapter）を追加してください。'),
  sources: [
    notesB('2.5 自動スケーリング', 'auto scaling'),
    notesB('8.5 自動スケーリング', 'auto scaling'),
    ug('horizontal-pod-autoscaler'),
    ug('metrics-server'),
  ],
  check(view) {
    const out: RawFinding[] = [];
    // hasAddon scans a cluster's add-ons: ask it once per (cluster, add-on type), not once per HPA.
    const installed = new Map<ClusterRef, Map<string, boolean>>();
    const has = (cluster: ClusterRef, type: string): boolean => {
      let types = installed.get(cluster);
      if (!types) {
        types = new Map();
        installed.set(cluster, types);
      }
      let hit = types.get(type);
      if (hit === undefined) {
        hit = view.hasAddon(cluster, type);
        types.set(type, hit);
      }
      return hit;
    };
    for (const h of view.ofKind('hpa')) {
      const cluster = view.clusterOf(h);
      if (cluster === null) continue;
      const source = SOURCE.get(view.str(h, 'metric'));
      if (!source || has(cluster, source.addon)) continue;
      out.push(finding([h], { subCase: source.subCase, params: { hpa: view.name(h), metric: source.metric } }));
    }
    return out;
  },
};
