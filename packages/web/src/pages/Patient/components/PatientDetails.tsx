import type { Patient } from '@glia/contracts';
import { SimpleGrid, Text } from '@mantine/core';
import { formatCalendarDate } from '../../../lib/clinic-time.ts';
import { SEX_AT_BIRTH_LABELS } from '../../../lib/patient-labels.ts';
import { DetailsCard } from './DetailsCard.tsx';

function addressLines(address: NonNullable<Patient['address']>): React.JSX.Element {
  return (
    <Text span inherit style={{ whiteSpace: 'pre-line' }}>
      {[address.line1, address.line2, `${address.city}, ${address.region} ${address.postalCode}`, address.country]
        .filter(Boolean)
        .join('\n')}
    </Text>
  );
}

/** Everything registered about the patient, read-only. */
export function PatientDetails({ patient: p }: { patient: Patient }): React.JSX.Element {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <DetailsCard
        title="Identity"
        items={[
          { label: 'Given name', value: p.givenName },
          { label: 'Family name', value: p.familyName },
          { label: 'Preferred name', value: p.preferredName },
          { label: 'Date of birth', value: formatCalendarDate(p.birthDate) },
          { label: 'Sex at birth', value: SEX_AT_BIRTH_LABELS[p.sexAtBirth] },
          { label: 'Gender identity', value: p.genderIdentity },
          { label: 'Pronouns', value: p.pronouns },
        ]}
      />
      <DetailsCard
        title="Contact"
        items={[
          { label: 'Phone', value: p.phone },
          { label: 'E-mail', value: p.email },
          { label: 'Address', value: p.address && addressLines(p.address) },
        ]}
      />
      <DetailsCard
        title="Emergency contact"
        emptyText="No emergency contact recorded."
        items={[
          { label: 'Name', value: p.emergencyContact?.name },
          { label: 'Relationship', value: p.emergencyContact?.relationship },
          { label: 'Phone', value: p.emergencyContact?.phone },
        ]}
      />
      <DetailsCard
        title="Usual escort (ride home)"
        emptyText="No usual escort recorded. Each infusion needs someone to take the patient home."
        items={[
          { label: 'Name', value: p.usualEscort?.name },
          { label: 'Phone', value: p.usualEscort?.phone },
        ]}
      />
      <DetailsCard title="Care team" items={[{ label: 'Primary clinician', value: p.primaryClinician?.displayName ?? 'None yet' }]} />
    </SimpleGrid>
  );
}
