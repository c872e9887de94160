import type { FindingsService } from '../findings/findingsStore';

/** Guided exercises side panel (issue 6). Placeholder until implemented. */
export function ExercisePanel(_props: { findings: FindingsService; onClose: () => void }) {
  return null;
}
