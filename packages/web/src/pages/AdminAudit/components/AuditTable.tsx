import type { AuditEntry } from '@glia/contracts';
import { ActionIcon, Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../auth/session-context.ts';
import { EmailText } from '../../../components/EmailText/EmailText.tsx';
import { formatInstantCompact } from '../../../lib/clinic-time.ts';
import { AuditEntryDetails } from './AuditEntryDetails.tsx';

interface AuditTableProps {
  entries: AuditEntry[];
  timeZone: string;
  onFilterUser: (userId: string) => void;
  onFilterPatient: (patientId: string) => void;
}

const OUTCOME_COLORS: Record<AuditEntry['outcome'], string> = { success: 'green', denied: 'orange', failure: 'red' };

const shortId = (id: string): string => id.slice(0, 8);

export function AuditTable({ entries, timeZone, onFilterUser, onFilterPatient }: AuditTableProps): React.JSX.Element {
  const canOpenPatients = useCan('readPatients');
  const [open, setOpen] = useState<AuditEntry | null>(null);

  return (
    <>
      <Table.ScrollContainer minWidth={960}>
        <Table aria-label="Audit entries" bg="white" withTableBorder striped horizontalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Time</Table.Th>
              <Table.Th scope="col">User</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
              <Table.Th scope="col">Resource</Table.Th>
              <Table.Th scope="col">Patient</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
              <Table.Th scope="col">Client address</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component="button" type="button" ff="monospace" fz="sm" onClick={() => setOpen(e)} aria-label={`${formatInstantCompact(e.occurredAt, timeZone)}: details of entry ${e.seq}`}>
                    {formatInstantCompact(e.occurredAt, timeZone)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {e.userId ? (
                    <Group gap={4} wrap="nowrap">
                      <Text inherit>{e.userEmail ? <EmailText email={e.userEmail} /> : shortId(e.userId)}</Text>
                      <Tooltip label="Only this user's entries">
                        <ActionIcon size="sm" color="gray" aria-label={`Only entries by ${e.userEmail ?? e.userId}`} onClick={() => onFilterUser(e.userId ?? '')}>
                          <IconFilter size={14} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  ) : (
                    <Text inherit c="dimmed">{e.userEmail ?? 'System'}</Text>
                  )}
                </Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{e.action}</Table.Td>
                <Table.Td>
                  {e.resourceType}
                  {e.resourceId && <Text span c="dimmed" inherit ff="monospace" title={e.resourceId}>{` ${shortId(e.resourceId)}`}</Text>}
                </Table.Td>
                <Table.Td>
                  {e.patientId ? (
                    <Group gap={4} wrap="nowrap">
                      {canOpenPatients ? (
                        <Anchor component={Link} to={`/patients/${e.patientId}`} ff="monospace" aria-label={`Open patient ${e.patientId}`}>
                          {shortId(e.patientId)}
                        </Anchor>
                      ) : (
                        <Text inherit ff="monospace" title={e.patientId}>{shortId(e.patientId)}</Text>
                      )}
                      <Tooltip label="Only this patient's entries">
                        <ActionIcon size="sm" color="gray" aria-label={`Only entries about patient ${e.patientId}`} onClick={() => onFilterPatient(e.patientId ?? '')}>
                          <IconFilter size={14} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  ) : (
                    <Text inherit c="dimmed">—</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={OUTCOME_COLORS[e.outcome]} variant="light" tt="none" size="md">{e.outcome}</Badge>
                </Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{e.clientIp ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AuditEntryDetails entry={open} timeZone={timeZone} onClose={() => setOpen(null)} />
    </>
  );
}
