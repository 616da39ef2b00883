/**
 * The intake stages and which moves staff may make by hand. Eligible, not
 * eligible and needs work-up are reached only through a signed eligibility
 * decision; in treatment only from eligible with a consent on file (rule 2).
 */
import type { IntakeStage } from '@glia/contracts';

const MANUAL_MOVES: Record<IntakeStage | 'none', readonly IntakeStage[]> = {
  none: ['referred', 'intake'],
  referred: ['intake'],
  intake: ['awaiting-evaluation'],
  'awaiting-evaluation': ['intake'],
  eligible: ['in-treatment', 'awaiting-evaluation'],
  'not-eligible': ['intake', 'awaiting-evaluation'],
  'needs-workup': ['intake', 'awaiting-evaluation'],
  'in-treatment': [],
};

/** Stages a user may move a patient to by hand from `from` (null = no intake yet). */
export function allowedManualStages(from: IntakeStage | null): readonly IntakeStage[] {
  return MANUAL_MOVES[from ?? 'none'];
}

/** Stages from which an eligibility decision may be signed. */
export const DECIDABLE_STAGES: readonly IntakeStage[] = ['intake', 'awaiting-evaluation', 'eligible', 'not-eligible', 'needs-workup'];

/** Intake work (history, scales, observations) moves a referred patient to "intake in progress". */
export const STAGES_STARTING_INTAKE: readonly (IntakeStage | null)[] = [null, 'referred'];
