import type { KindSpec } from '../types';
export const KINDS: readonly KindSpec[] = [];
