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

/**
 * Every implemented rule, in the order of the catalog (rules.md, Index).
 * Typed over the shared RuleView rather than `RuleModule<unknown>`: a check
 * reads the view, so a module over one view type is not a module over any.
 */
export const RULES: readonly Rule[] = [PLACE_001, CONN_001, CP_001, CP_002, CP_003, CP_004, CP_005, CP_006, CP_007];

const byId: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
