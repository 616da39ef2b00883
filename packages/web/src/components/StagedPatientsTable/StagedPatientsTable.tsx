import { INDICATION_LABELS } from '../../lib/intake-labels.ts';
import type { StagedPatient } from '@glia/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatCalendarDate, formatInstantDate } from '../../lib/clinic-time.ts';
import { IntakeStageBadge } from '../IntakeStageBadge/IntakeStageBadge.tsx';
import { PatientName } from '../PatientName/PatientName.tsx';

interface StagedPatientsTableProps {
  patients: StagedPatient[];
  timeZone: string;
  label: string;
}

/** Patients in the program with their intake stage, since when, and the referral's indication. */
export function StagedPatientsTable({ patients, timeZone, label }: StagedPatientsTableProps): React.JSX.Element {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={label} highlightOnHover withTableBorder bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">MRN</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Date of birth</Table.Th>
            <Table.Th scope="col">Stage</Table.Th>
            <Table.Th scope="col">Since</Table.Th>
            <Table.Th scope="col">Indication</Table.Th>
            <Table.Th scope="col">Primary clinician</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((p) => (
            <Table.Tr key={p.patientId}>
              <Table.Td ff="monospace" fw={600}>{p.mrn}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/patients/${p.patientId}?tab=intake`}>
                  <PatientName patient={p} />
                </Anchor>
              </Table.Td>
              <Table.Td>{formatCalendarDate(p.birthDate)}</Table.Td>
              <Table.Td><IntakeStageBadge stage={p.stage} size="sm" /></Table.Td>
              <Table.Td>{formatInstantDate(p.stageChangedAt, timeZone)}</Table.Td>
              <Table.Td>{p.indication ? INDICATION_LABELS[p.indication] : <Text span c="dimmed" inherit>—</Text>}</Table.Td>
              <Table.Td>{p.primaryClinician?.displayName ?? <Text span c="dimmed" inherit>None yet</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
