import type { Patient } from '@glia/contracts';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconHistory, IconPencil } from '@tabler/icons-react';
import type { RefObject } from 'react';
import { Link } from 'react-router';
import { useCan, useClinicTimeZone } from '../../../auth/session-context.ts';
import { PatientName } from '../../../components/PatientName/PatientName.tsx';
import { ageOn, formatCalendarDate, todayInZone } from '../../../lib/clinic-time.ts';
import { SEX_AT_BIRTH_LABELS } from '../../../lib/patient-labels.ts';

interface PatientHeaderProps {
  patient: Patient;
  canEdit: boolean;
  onEdit: () => void;
  editButtonRef: RefObject<HTMLButtonElement | null>;
}

/** Who this is, at a glance: name, MRN (large, it is what staff read back), age, sex at birth. */
export function PatientHeader({ patient, canEdit, onEdit, editButtonRef }: PatientHeaderProps): React.JSX.Element {
  const age = ageOn(patient.birthDate, todayInZone(useClinicTimeZone()));
  const canAudit = useCan('readAudit');
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
      <Stack gap={6} style={{ flex: '1 1 22rem' }}>
        <Title order={1}>
          <PatientName patient={patient} />
        </Title>
        <Group gap="md" wrap="wrap">
          <Badge size="xl" radius="sm" variant="light" tt="none" ff="monospace" aria-label={`MRN ${patient.mrn}`}>
            MRN {patient.mrn}
          </Badge>
          <Text size="lg">
            Born {formatCalendarDate(patient.birthDate)}
            {age !== null && <Text span fw={600} inherit>{` · ${age} years old`}</Text>}
          </Text>
          <Text size="lg" c="dimmed">
            Sex at birth: {SEX_AT_BIRTH_LABELS[patient.sexAtBirth]}
            {patient.pronouns && ` · ${patient.pronouns}`}
          </Text>
        </Group>
      </Stack>
      <Group gap="sm">
        {canAudit && (
          <Button variant="default" component={Link} to={`/admin/audit?patientId=${patient.id}`} leftSection={<IconHistory size={18} aria-hidden />}>
            Audit trail
          </Button>
        )}
        {canEdit && (
          <Button ref={editButtonRef} onClick={onEdit} leftSection={<IconPencil size={18} aria-hidden />}>
            Edit details
          </Button>
        )}
      </Group>
    </Group>
  );
}
