import { Text } from '@mantine/core';

interface PatientNameProps {
  patient: { givenName: string; familyName: string; preferredName: string | null };
}

/** "Family, Given" with the preferred name after it, e.g. Rivera, Alexandra “Alex”. */
export function PatientName({ patient }: PatientNameProps): React.JSX.Element {
  return (
    <>
      <Text span fw={600} inherit>
        {patient.familyName}, {patient.givenName}
      </Text>
      {patient.preferredName && patient.preferredName !== patient.givenName && (
        <Text span c="dimmed" inherit>
          {' '}“{patient.preferredName}”
        </Text>
      )}
    </>
  );
}

/** The same as plain text, for titles and labels. */
export function patientNameText(patient: PatientNameProps['patient']): string {
  const preferred = patient.preferredName && patient.preferredName !== patient.givenName ? ` “${patient.preferredName}”` : '';
  return `${patient.familyName}, ${patient.givenName}${preferred}`;
}
