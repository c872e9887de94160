import { describe, expect, it } from 'vitest';
import {
  addonManagement,
  CONNECTION_KINDS,
  connectionKindsForPair,
  defaultConnectionProps,
  getConnectionKind,
  isAllowedPair,
} from './connections';
import { INFERENCE_TABLE } from './inference';
import { isKnownKind, propSpec } from './registry';

/** §5.1 ids and labels in table order, kept here independently of connections.ts. */
const TABLE: readonly (readonly [string, string, string])[] = [
  ['eniAttachment', 'ENI', 'ENI'],
  ['joins', 'joins', '参加'],
  ['belongsTo', 'cluster', '所属クラスター'],
  ['usesSubnet', 'subnet', 'サブネット'],
  ['egressVia', 'route', 'ルート'],
  ['attaches', 'attachment', 'アタッチメント'],
  ['connects', 'connects', '接続'],
  ['protectedBy', 'security group', 'セキュリティグループ'],
  ['assumes', 'IAM role', 'IAM ロール'],
  ['encryptsSecretsWith', 'encrypts Secrets', 'Secrets 暗号化'],
  ['shipsLogsTo', 'logs', 'ログ'],
  ['runsOn', 'runs on', '実行先'],
  ['mounts', 'mounts', 'マウント'],
  ['accesses', 'calls', '呼び出し'],
  ['pullsFrom', 'image', 'イメージ'],
  ['callsService', 'calls', '呼び出し'],
  ['selects', 'selects', 'セレクター'],
  ['routesTo', 'routes', 'ルーティング'],
  ['provisions', 'creates', '作成'],
  ['usesCertificate', 'TLS', 'TLS'],
  ['scales', 'scales', 'スケール'],
  ['exportsTo', 'exports', 'エクスポート'],
  ['resolvesVia', 'discovers', '検出'],
  ['manages', 'manages', '管理'],
  ['shipsTelemetryTo', 'telemetry', 'テレメトリ'],
  ['callsApi', 'kubectl', 'kubectl'],
  ['sendsTrafficTo', 'traffic', 'トラフィック'],
  ['integratesWith', 'integration', '統合'],
  ['targets', 'target', 'ターゲット'],
];

describe('CONNECTION_KINDS', () => {
  it('has the 29 kinds of §5.1 in table order with their labels', () => {
    expect(CONNECTION_KINDS).toHaveLength(29);
    expect(CONNECTION_KINDS.map((c) => [c.kind, c.label.en, c.label.ja])).toEqual(TABLE);
  });

  it('gives every kind a meaning in both languages', () => {
    for (const c of CONNECTION_KINDS) {
      expect(c.meaning.en.length, c.kind).toBeGreaterThan(10);
      expect(c.meaning.ja.length, c.kind).toBeGreaterThan(5);
    }
  });

  it('names only kinds that exist in the catalog, without repeats', () => {
    for (const c of CONNECTION_KINDS) {
      for (const k of [...c.sources, ...c.targets]) expect(isKnownKind(k), `${c.kind}: ${k}`).toBe(true);
      expect(new Set(c.sources).size, c.kind).toBe(c.sources.length);
      expect(new Set(c.targets).size, c.kind).toBe(c.targets.length);
      for (const g of c.pairGroups ?? []) {
        for (const s of g.sources) expect(c.sources).toContain(s);
        for (const tg of g.targets) expect(c.targets).toContain(tg);
      }
    }
  });

  it('gives only egressVia props: destination 0.0.0.0/0 and internetEgress false', () => {
    for (const c of CONNECTION_KINDS) if (c.kind !== 'egressVia') expect(c.props, c.kind).toEqual([]);
    const egress = getConnectionKind('egressVia');
    expect(egress?.props.map((p) => [p.name, p.type, p.default])).toEqual([
      ['destination', 'cidr', '0.0.0.0/0'],
      ['internetEgress', 'bool', false],
    ]);
    expect(defaultConnectionProps('egressVia')).toEqual({ destination: '0.0.0.0/0', internetEgress: false });
    expect(defaultConnectionProps('joins')).toEqual({});
  });

  it('tells the kinds apart by style, and keeps each colour a #rrggbb value', () => {
    const styles = new Set(CONNECTION_KINDS.map((c) => `${c.style.line}/${c.style.color}`));
    expect(styles.size).toBeGreaterThanOrEqual(6);
    for (const c of CONNECTION_KINDS) expect(c.style.color).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(getConnectionKind('sendsTrafficTo')?.style).toMatchObject({ line: 'solid', arrow: true });
    expect(getConnectionKind('usesSubnet')?.style.line).toBe('dashed');
    expect(getConnectionKind('assumes')?.style.line).toBe('dotted');
  });
});

describe('isAllowedPair', () => {
  it('expands the set names of §5.1', () => {
    expect(isAllowedPair('usesSubnet', 'fargateProfile', 'subnet')).toBe(true);
    expect(isAllowedPair('usesSubnet', 'hybridNodePool', 'subnet')).toBe(false);
    expect(isAllowedPair('protectedBy', 'karpenterNodePool', 'securityGroup')).toBe(true);
    expect(isAllowedPair('protectedBy', 'fargateProfile', 'securityGroup')).toBe(false);
    expect(isAllowedPair('targets', 'vpcLink', 'networkLoadBalancer')).toBe(true);
    expect(isAllowedPair('targets', 'vpcLink', 'classicLoadBalancer')).toBe(false);
  });

  it('keeps the two halves of connects apart', () => {
    expect(isAllowedPair('connects', 'hybridLink', 'onPremises')).toBe(true);
    expect(isAllowedPair('connects', 'vpcPeering', 'vpc')).toBe(true);
    expect(isAllowedPair('connects', 'hybridLink', 'vpc')).toBe(false);
    expect(isAllowedPair('connects', 'vpcPeering', 'transitGateway')).toBe(false);
  });

  it('allows the drawable-but-wrong pairs that rules explain', () => {
    expect(isAllowedPair('provisions', 'ingress', 'networkLoadBalancer')).toBe(true);
    expect(isAllowedPair('provisions', 'k8sService', 'applicationLoadBalancer')).toBe(true);
    expect(isAllowedPair('manages', 'addon', 'fargateProfile')).toBe(true);
  });

  it('is false for unknown connection kinds and the reverse direction', () => {
    expect(isAllowedPair('nope', 'workload', 'hpa')).toBe(false);
    expect(isAllowedPair('joins', 'eksControlPlane', 'managedNodeGroup')).toBe(false);
  });
});

describe('the inference table against §5.1', () => {
  it('names only existing node kinds and connection kinds', () => {
    for (const r of INFERENCE_TABLE) {
      for (const k of [...r.sources, ...r.targets]) expect(isKnownKind(k), k).toBe(true);
      expect(getConnectionKind(r.kind), r.kind).toBeDefined();
      if (r.orElse !== undefined) expect(getConnectionKind(r.orElse), r.orElse).toBeDefined();
    }
  });

  it('infers, for every pair, a kind that allows that pair', () => {
    for (const r of INFERENCE_TABLE) {
      for (const s of r.sources) {
        for (const tg of r.targets) {
          expect(isAllowedPair(r.kind, s, tg), `${s} → ${tg}: ${r.kind}`).toBe(true);
          if (r.orElse !== undefined) expect(isAllowedPair(r.orElse, s, tg), `${s} → ${tg}: ${r.orElse}`).toBe(true);
        }
      }
    }
  });

  it('lists every ordered pair once', () => {
    const seen = new Set<string>();
    for (const r of INFERENCE_TABLE) {
      for (const s of r.sources) {
        for (const tg of r.targets) {
          const key = `${s}→${tg}`;
          expect(seen.has(key), key).toBe(false);
          seen.add(key);
        }
      }
    }
  });

  it('reaches every allowed pair of §5.1 by drawing (inferred, or one switch away)', () => {
    const inferred = new Set(INFERENCE_TABLE.flatMap((r) => r.sources.flatMap((s) => r.targets.map((tg) => `${s}→${tg}`))));
    for (const c of CONNECTION_KINDS) {
      for (const s of c.sources) {
        for (const tg of c.targets) {
          if (!isAllowedPair(c.kind, s, tg)) continue;
          expect(inferred.has(`${s}→${tg}`), `${c.kind}: ${s} → ${tg}`).toBe(true);
          expect(connectionKindsForPair(s, tg)).toContain(c.kind);
        }
      }
    }
  });
});

describe('addonManagement (§5.3)', () => {
  it('matches the add-on table, valid types only', () => {
    const addonTypes = propSpec('addon', 'addonType')?.values ?? [];
    expect(addonTypes).toContain('karpenter');
    expect(addonManagement('aws-load-balancer-controller', 'applicationLoadBalancer')).toBe('yes');
    expect(addonManagement('aws-load-balancer-controller', 'classicLoadBalancer')).toBe('no');
    expect(addonManagement('cluster-autoscaler', 'selfManagedNodeGroup')).toBe('yes');
    expect(addonManagement('cluster-autoscaler', 'karpenterNodePool')).toBe('flagged');
    expect(addonManagement('karpenter', 'karpenterNodePool')).toBe('yes');
    expect(addonManagement('karpenter', 'managedNodeGroup')).toBe('flagged');
    expect(addonManagement('external-dns', 'cloudMapNamespace')).toBe('yes');
    expect(addonManagement('cloudmap-mcs-controller', 'cloudMapNamespace')).toBe('yes');
    expect(addonManagement('vpc-cni', 'managedNodeGroup')).toBe('no');
    // Every managed target is a `manages` target of §5.1.
    for (const type of addonTypes) {
      for (const k of getConnectionKind('manages')?.targets ?? []) {
        if (addonManagement(type, k) !== 'no') expect(isAllowedPair('manages', 'addon', k)).toBe(true);
      }
    }
  });
});
