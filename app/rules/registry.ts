import type { Lang } from '../model/types';
import type { Rule } from './kit';
import { CONN_001 } from './rules/CONN-001';
import { CP_001 } from './rules/CP-001';
import { CP_002 } from './rules/CP-002';
import { CP_003 } from './rules/CP-003';
import { CP_004 } from './rules/CP-004';
import { CP_005 } from './rules/CP-005';
import { CP_006 } from './rules/CP-006';
import { CP_007 } from './rules/CP-007';
import { PLACE_001 } from './rules/PLACE-001';
import { LB_001 } from './rules/LB-001';
import { LB_003 } from './rules/LB-003';
import { LB_005 } from './rules/LB-005';
import { DP_001 } from './rules/DP-001';
import { DP_002 } from './rules/DP-002';
import { DP_003 } from './rules/DP-003';
import { DP_004 } from './rules/DP-004';
import { DP_005 } from './rules/DP-005';
import { DP_006 } from './rules/DP-006';
import { DP_007 } from './rules/DP-007';
import { DP_008 } from './rules/DP-008';
import { DP_009 } from './rules/DP-009';
import { DP_010 } from './rules/DP-010';
import { DP_011 } from './rules/DP-011';
import { NET_001 } from './rules/NET-001';
import { NET_002 } from './rules/NET-002';
import { NET_003 } from './rules/NET-003';
import { NET_004 } from './rules/NET-004';
import { NET_005 } from './rules/NET-005';
import { NET_006 } from './rules/NET-006';
import { NET_007 } from './rules/NET-007';
import { NET_008 } from './rules/NET-008';

import { LB_SCALE_ADD_RULES } from './rules/family-lb-scale-add';
import { SEC_OBS_SD_HYB_COST_RULES } from './rules/family-sec-obs-sd-hyb-cost';

/** The catalog order of rules.md's Index; RULES follows it whatever file a rule is listed in. */
export const CATALOG_ORDER: readonly string[] = [
  'PLACE-001',
  'CONN-001',
  'CP-001',
  'CP-002',
  'CP-003',
  'CP-004',
  'CP-005',
  'CP-006',
  'CP-007',
  'NET-001',
  'NET-002',
  'NET-003',
  'NET-004',
  'NET-005',
  'NET-006',
  'NET-007',
  'NET-008',
  'DP-001',
  'DP-002',
  'DP-003',
  'DP-004',
  'DP-005',
  'DP-006',
  'DP-007',
  'DP-008',
  'DP-009',
  'DP-010',
  'DP-011',
  'LB-001',
  'LB-002',
  'LB-003',
  'LB-004',
  'LB-005',
  'LB-006',
  'LB-007',
  'LB-008',
  'LB-009',
  'SCALE-001',
  'SCALE-002',
  'SCALE-003',
  'SCALE-004',
  'SCALE-005',
  'SCALE-006',
  'SCALE-007',
  'SEC-001',
  'SEC-002',
  'SEC-003',
  'SEC-004',
  'SEC-005',
  'SEC-006',
  'SEC-007',
  'SEC-008',
  'OBS-001',
  'OBS-002',
  'SD-001',
  'SD-002',
  'HYB-001',
  'HYB-002',
  'HYB-003',
  'COST-001',
  'COST-002',
  'COST-003',
  'ADD-001',
  'ADD-002',
];

const CORE_RULES: readonly Rule[] = [PLACE_001, CONN_001, CP_001, CP_002, CP_003, CP_004, CP_005, CP_006, CP_007,
  NET_001, NET_002, NET_003, NET_004, NET_005, NET_006, NET_007, NET_008,
  DP_001, DP_002, DP_003, DP_004, DP_005, DP_006, DP_007, DP_008, DP_009, DP_010, DP_011,
  LB_001, LB_003, LB_005,
];

const rank = new Map(CATALOG_ORDER.map((id, i) => [id, i]));

/**
 * Every implemented rule, in the order of the catalog (rules.md, Index).
 * Typed over the shared RuleView rather than `RuleModule<unknown>`: a check
 * reads the view, so a module over one view type is not a module over any.
 */
export const RULES: readonly Rule[] = [...CORE_RULES, ...LB_SCALE_ADD_RULES, ...SEC_OBS_SD_HYB_COST_RULES].sort(
  (a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity),
);

const byId: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** Title, reason and fix of a rule in one language: what the Markdown export's findings section needs. */
export function describeRuleIn(lang: Lang): (id: string) => { title: string; why: string; fix: string } | undefined {
  return (id) => {
    const rule = byId.get(id);
    return rule ? { title: rule.title[lang], why: rule.why[lang], fix: rule.fix[lang] } : undefined;
  };
}
