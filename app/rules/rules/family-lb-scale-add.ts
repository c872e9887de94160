import type { Rule } from '../kit';

/** LB-002, LB-004, LB-006…LB-009, SCALE-001…SCALE-007, ADD-001, ADD-002 (registered here to keep the registry conflict-free). */
export const LB_SCALE_ADD_RULES: readonly Rule[] = [];
