import type { Patient } from '@glia/contracts';
import { Text } from '@mantine/core';
import { useClinicTimeZone } from '../../../auth/session-context.ts';
import { formatInstant } from '../../../lib/clinic-time.ts';

/** When the record was created and last changed, in clinic time. */
export function RecordFooter({ patient }: { patient: Patient }): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  return (
    <Text size="sm" c="dimmed">
      Registered {formatInstant(patient.createdAt, timeZone)} · Last changed {formatInstant(patient.updatedAt, timeZone)} · Version{' '}
      {patient.version}
    </Text>
  );
}
