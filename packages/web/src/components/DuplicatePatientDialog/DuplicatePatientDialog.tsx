import type { PatientSummary } from '@glia/contracts';
import { Anchor, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../lib/clinic-time.ts';
import { PatientName } from '../PatientName/PatientName.tsx';

interface DuplicatePatientDialogProps {
  opened: boolean;
  /** The server's explanation of the conflict. */
  detail: string | null;
  matches: PatientSummary[];
  /** "register" for a new patient, "save" for changes to an existing one. */
  action: 'register' | 'save';
  confirming: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * The server thinks this may be a patient who is already registered (same name and date of
 * birth). Shows the existing record(s) and lets the user go there, or confirm it is someone else.
 */
export function DuplicatePatientDialog({ opened, detail, matches, action, confirming, onConfirm, onClose }: DuplicatePatientDialogProps): React.JSX.Element {
  return (
    <Modal opened={opened} onClose={onClose} title="This patient may already be registered" size="xl">
      <Stack gap="md">
        <Text>
          {detail ?? 'A patient with the same name and date of birth is already registered.'} A second chart for one person
          splits their history.
        </Text>
        {matches.length > 0 ? (
          <Table.ScrollContainer minWidth={520}>
            <Table aria-label="Existing patients who may be the same person" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">MRN</Table.Th>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Date of birth</Table.Th>
                  <Table.Th scope="col">Phone</Table.Th>
                  <Table.Th scope="col"><VisuallyHidden>Open</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {matches.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td ff="monospace">{p.mrn}</Table.Td>
                    <Table.Td><PatientName patient={p} /></Table.Td>
                    <Table.Td>{formatCalendarDate(p.birthDate)}</Table.Td>
                    <Table.Td>{p.phone ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/patients/${p.id}`} aria-label={`Open the chart of ${p.familyName}, ${p.givenName} (MRN ${p.mrn})`}>
                        Open chart
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text c="dimmed" size="sm">The existing record could not be shown here; search the patient list by date of birth to find it.</Text>
        )}
        <Group justify="flex-end" gap="sm" wrap="wrap">
          <Button variant="default" onClick={onClose} data-autofocus>
            Go back and check
          </Button>
          <Button color="orange" onClick={onConfirm} loading={confirming}>
            {action === 'register' ? 'Register as a different person' : 'Save anyway: a different person'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
