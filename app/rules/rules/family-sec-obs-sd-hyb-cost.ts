import type { Rule } from '../kit';
import { COST_001 } from './COST-001';
import { COST_002 } from './COST-002';
import { COST_003 } from './COST-003';
import { HYB_001 } from './HYB-001';
import { HYB_002 } from './HYB-002';
import { HYB_003 } from './HYB-003';
import { OBS_001 } from './OBS-001';
import { OBS_002 } from './OBS-002';
import { SD_001 } from './SD-001';
import { SD_002 } from './SD-002';
import { SEC_001 } from './SEC-001';
import { SEC_002 } from './SEC-002';
import { SEC_003 } from './SEC-003';
import { SEC_004 } from './SEC-004';
import { SEC_005 } from './SEC-005';
import { SEC_006 } from './SEC-006';
import { SEC_007 } from './SEC-007';
import { SEC_008 } from './SEC-008';

/** SEC-001…SEC-008, OBS-001, OBS-002, SD-001, SD-002, HYB-001…HYB-003, COST-001…COST-003 (registered here to keep the registry conflict-free). */
export const SEC_OBS_SD_HYB_COST_RULES: readonly Rule[] = [
  SEC_001, SEC_002, SEC_003, SEC_004, SEC_005, SEC_006, SEC_007, SEC_008,
  OBS_001, OBS_002,
  SD_001, SD_002,
  HYB_001, HYB_002, HYB_003,
  COST_001, COST_002, COST_003,
];
