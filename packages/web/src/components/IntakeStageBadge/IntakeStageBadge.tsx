import { INTAKE_STAGE_LABELS } from '@glia/contracts';
import type { IntakeStage } from '@glia/contracts';
import { Badge } from '@mantine/core';

const COLORS: Record<IntakeStage, string> = {
  referred: 'gray',
  intake: 'blue',
  'awaiting-evaluation': 'indigo',
  eligible: 'green',
  'not-eligible': 'red',
  'needs-workup': 'orange',
  'in-treatment': 'teal',
};

/** The patient's intake stage as a coloured label (colour is never the only cue: the text says it). */
export function IntakeStageBadge({ stage, size = 'md' }: { stage: IntakeStage | null; size?: 'sm' | 'md' | 'lg' }): React.JSX.Element {
  if (stage === null) return <Badge variant="outline" color="gray" size={size} tt="none">No referral yet</Badge>;
  return <Badge variant="light" color={COLORS[stage]} size={size} tt="none">{INTAKE_STAGE_LABELS[stage]}</Badge>;
}
