import { propSpec } from '../../catalog/registry';
import { LBS_SET } from '../../catalog/sets';
import type { DiagramNode } from '../../model/types';
import { finding, nodeAt, setPropFix, withEnumValue, type Rule } from '../kit';
import { lbc, listOf, t, ug } from '../text';
import type { RawFinding } from '../types';

/** The tag each sub-case asks for. */
const TAG: Readonly<Record<'a' | 'b', string>> = { a: 'elb', b: 'internal-elb' };

export const LB_007: Rule = {
  id: 'LB-007',
  severity: 'warning',
  category: 'load balancing',
  phase: 1,
  title: t('Subnets lack the load balancer role tag', 'サブネットにロードバランサー用のロールタグがない'),
  message: t(
    'Tag {subnet} with kubernetes.io/role/elb=1 (internet-facing) or kubernetes.io/role/internal-elb=1 (internal).',
    '{subnet}に kubernetes.io/role/elb=1（インターネット向け）または kubernetes.io/role/internal-elb=1（内部向け）のタグを付けてください。',
  ),
  messages: {
    a: t(
      'Tag {subnet} with kubernetes.io/role/elb=1 so that the controller can find it for the internet-facing {lbs}.',
      '{subnet}に kubernetes.io/role/elb=1 のタグを付けてください。タグがないと、コントローラーはインターネット向けの{lbs}のためにこのサブネットを見つけられません。',
    ),
    b: t(
      'Tag {subnet} with kubernetes.io/role/internal-elb=1 so that the controller can find it for the internal {lbs}.',
      '{subnet}に kubernetes.io/role/internal-elb=1 のタグを付けてください。タグがないと、コントローラーは内部向けの{lbs}のためにこのサブネットを見つけられません。',
    ),
  },
  why: t(
    'The controller finds the subnets for a load balancer through these tags. Only recent versions (2.12.1 and later) fall back to reading route tables when the tags are missing.',
    'コントローラーは、これらのタグを手がかりにロードバランサー用のサブネットを探します。タグがないときにルートテーブルを読んで判断できるのは、新しいバージョン（2.12.1 以降）だけです。',
  ),
  fix: t('Add the tag.', 'タグを追加してください。'),
  sources: [ug('network-reqs'), ug('alb-ingress'), lbc('deploy/subnet_discovery')],
  check(view) {
    // One finding per (subnet, tag), naming every load balancer that needs it.
    const needs = new Map<string, { subnet: DiagramNode; subCase: 'a' | 'b'; lbs: DiagramNode[] }>();
    for (const l of view.ofKinds(LBS_SET)) {
      if (view.str(l, 'subnetSelection') !== 'discovery') continue;
      const scheme = view.effScheme(l);
      for (const s of view.lbSubnets(l)) {
        const tags = view.list(s, 'elbRoleTags');
        let subCase: 'a' | 'b' | null = null;
        if (scheme === 'internet-facing' && view.isPublic(s) && !tags.includes(TAG.a)) subCase = 'a';
        if (scheme === 'internal' && !tags.includes(TAG.b)) subCase = 'b';
        if (!subCase) continue;
        const key = `${s.id}\u0000${subCase}`;
        const entry = needs.get(key);
        if (entry) entry.lbs.push(l);
        else needs.set(key, { subnet: s, subCase, lbs: [l] });
      }
    }
    const out: RawFinding[] = [];
    for (const { subnet, subCase, lbs } of needs.values()) {
      out.push(finding([subnet, ...lbs], { subCase, params: { subnet: view.name(subnet), lbs: listOf(lbs.map((l) => view.name(l))) } }));
    }
    return out;
  },
  quickFix(f, view) {
    const s = nodeAt(view, f, 0);
    if (!s || (f.subCase !== 'a' && f.subCase !== 'b')) return null;
    const listed = propSpec('subnet', 'elbRoleTags')?.values ?? [TAG.a, TAG.b];
    return setPropFix(s, 'elbRoleTags', withEnumValue(listed, view.list(s, 'elbRoleTags'), TAG[f.subCase]));
  },
};
