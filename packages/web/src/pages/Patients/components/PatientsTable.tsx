import type { PatientSummary } from '@glia/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useClinicTimeZone } from '../../../auth/session-context.ts';
import { PatientName } from '../../../components/PatientName/PatientName.tsx';
import { ageOn, formatCalendarDate, todayInZone } from '../../../lib/clinic-time.ts';
import classes from './PatientsTable.module.css';

interface PatientsTableProps {
  patients: PatientSummary[];
  /** Faded while newer results are on their way. */
  dimmed: boolean;
}

function moveFocus(event: KeyboardEvent<HTMLTableRowElement>, direction: 'next' | 'prev'): void {
  const row = event.currentTarget;
  const target = direction === 'next' ? row.nextElementSibling : row.previousElementSibling;
  if (target instanceof HTMLElement) {
    event.preventDefault();
    target.focus();
  }
}

/**
 * Search results. Each row is one stop for the keyboard: Tab or the arrow keys move between
 * rows, Enter opens the patient. The name is also a link, for opening in a new tab.
 */
export function PatientsTable({ patients, dimmed }: PatientsTableProps): React.JSX.Element {
  const navigate = useNavigate();
  const today = todayInZone(useClinicTimeZone());
  const open = (id: string): void => void navigate(`/patients/${id}`);

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover aria-label="Patients" aria-busy={dimmed} style={{ opacity: dimmed ? 0.6 : 1 }} bg="white" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">MRN</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Date of birth</Table.Th>
            <Table.Th scope="col">Phone</Table.Th>
            <Table.Th scope="col">Primary clinician</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((p) => {
            const age = ageOn(p.birthDate, today);
            return (
              <Table.Tr
                key={p.id}
                className={classes.row}
                tabIndex={0}
                aria-label={`${p.familyName}, ${p.givenName}, MRN ${p.mrn}`}
                onClick={() => open(p.id)}
                onKeyDown={(event) => {
                  if (event.target !== event.currentTarget) return;
                  if (event.key === 'Enter') open(p.id);
                  else if (event.key === 'ArrowDown') moveFocus(event, 'next');
                  else if (event.key === 'ArrowUp') moveFocus(event, 'prev');
                }}
              >
                <Table.Td ff="monospace" fw={600} className={classes.nowrap}>{p.mrn}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${p.id}`} tabIndex={-1} c="inherit" onClick={(e) => e.stopPropagation()}>
                    <PatientName patient={p} />
                  </Anchor>
                </Table.Td>
                <Table.Td className={classes.nowrap}>
                  {formatCalendarDate(p.birthDate)}
                  {age !== null && <Text span c="dimmed" inherit>{` · ${age} y`}</Text>}
                </Table.Td>
                <Table.Td className={classes.nowrap}>{p.phone ?? <Text span c="dimmed" inherit>—</Text>}</Table.Td>
                <Table.Td>{p.primaryClinician?.displayName ?? <Text span c="dimmed" inherit>None yet</Text>}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
