import type { Rule } from '../kit';
import { ADD_001 } from './ADD-001';
import { ADD_002 } from './ADD-002';
import { LB_002 } from './LB-002';
import { LB_004 } from './LB-004';
import { LB_006 } from './LB-006';
import { LB_007 } from './LB-007';
import { LB_008 } from './LB-008';
import { LB_009 } from './LB-009';
import { SCALE_001 } from './SCALE-001';
import { SCALE_002 } from './SCALE-002';
import { SCALE_003 } from './SCALE-003';
import { SCALE_004 } from './SCALE-004';
import { SCALE_005 } from './SCALE-005';
import { SCALE_006 } from './SCALE-006';
import { SCALE_007 } from './SCALE-007';

/** LB-002, LB-004, LB-006…LB-009, SCALE-001…SCALE-007, ADD-001, ADD-002 (registered here to keep the registry conflict-free). */
export const LB_SCALE_ADD_RULES: readonly Rule[] = [
  LB_002,
  LB_004,
  LB_006,
  LB_007,
  LB_008,
  LB_009,
  SCALE_001,
  SCALE_002,
  SCALE_003,
  SCALE_004,
  SCALE_005,
  SCALE_006,
  SCALE_007,
  ADD_001,
  ADD_002,
];
