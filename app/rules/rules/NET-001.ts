import { VPC_COMPUTE_SET } from '../../catalog/sets';
import type { DiagramNode } from '../../model/types';
import { finding, nodeAt, setPropFix, type Rule } from '../kit';
import { t, ug } from '../text';
import type { RawFinding } from '../types';

export const NET_001: Rule = {
  id: 'NET-001',
  severity: 'error',
  category: 'networking',
  phase: 1,
  title: t('VPC DNS attributes disabled', 'VPC の DNS 属性が無効'),
  message: t('Turn on DNS resolution and DNS hostnames for {vpc}.', '{vpc}の DNS 解決と DNS ホスト名を有効にしてください。'),
  messages: {
    a: t('Turn on DNS resolution (enableDnsSupport) for {vpc}.', '{vpc}の DNS 解決（enableDnsSupport）を有効にしてください。'),
    b: t('Turn on DNS hostnames (enableDnsHostnames) for {vpc}.', '{vpc}の DNS ホスト名（enableDnsHostnames）を有効にしてください。'),
  },
  why: t(
    "Nodes can't register with the cluster unless both attributes are on, and Fargate requires them too. The private API endpoint is resolved through a private hosted zone that EKS manages, which only works with VPC DNS enabled.",
    '両方の属性が有効でないとノードはクラスターに登録できず、Fargate もこれらを必要とします。プライベート API エンドポイントの名前は EKS が管理するプライベートホストゾーンで解決されますが、これは VPC の DNS が有効なときにしか機能しません。',
  ),
  fix: t('Enable the attribute.', 'その属性を有効にしてください。'),
  sources: [ug('network-reqs'), ug('cluster-endpoint'), ug('fargate')],
  check(view) {
    const vpcs = new Map<string, DiagramNode>();
    for (const c of view.clusters()) {
      const v = view.clusterVpc(c);
      if (v) vpcs.set(v.id, v);
    }
    for (const c of view.ofKinds(VPC_COMPUTE_SET)) {
      for (const s of view.nodeSubnets(c)) {
        const v = view.vpcOf(s);
        if (v) vpcs.set(v.id, v);
      }
    }
    const out: RawFinding[] = [];
    for (const v of view.ofKind('vpc')) {
      if (!vpcs.has(v.id)) continue;
      if (!view.bool(v, 'enableDnsSupport')) out.push(finding([v], { subCase: 'a', params: { vpc: view.name(v) } }));
      if (!view.bool(v, 'enableDnsHostnames')) out.push(finding([v], { subCase: 'b', params: { vpc: view.name(v) } }));
    }
    return out;
  },
  quickFix(f, view) {
    const v = nodeAt(view, f, 0);
    if (!v) return null;
    return setPropFix(v, f.subCase === 'a' ? 'enableDnsSupport' : 'enableDnsHostnames', true);
  },
};
