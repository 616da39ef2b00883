import type { StaffUser } from '@glia/contracts';
import { Badge, Button, EmptyState, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useClinicTimeZone, useSession } from '../../../auth/session-context.ts';
import { RoleBadges } from '../../../components/RoleBadges/RoleBadges.tsx';
import { EmailText } from '../../../components/EmailText/EmailText.tsx';
import { formatInstantDate } from '../../../lib/clinic-time.ts';

interface UsersTableProps {
  users: StaffUser[];
  onEdit: (user: StaffUser) => void;
  onToggleActive: (user: StaffUser) => void;
}

export function UsersTable({ users, onEdit, onToggleActive }: UsersTableProps): React.JSX.Element {
  const { user: me } = useSession();
  const timeZone = useClinicTimeZone();
  if (users.length === 0) {
    return (
      <EmptyState py="xl" icon={<IconUsers size={32} aria-hidden />} withIndicatorBackground>
        <EmptyState.Title order={2}>No staff accounts</EmptyState.Title>
        <EmptyState.Description>Create an account for each person who works in Glia.</EmptyState.Description>
      </EmptyState>
    );
  }
  return (
    <Table.ScrollContainer minWidth={940}>
      <Table aria-label="Staff users" bg="white" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">E-mail</Table.Th>
            <Table.Th scope="col">Roles</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => {
            const isMe = u.id === me.id;
            return (
              <Table.Tr key={u.id} style={{ opacity: u.active ? 1 : 0.7 }}>
                <Table.Td>
                  <Text inherit fw={600}>
                    {u.displayName}
                    {u.credentials && <Text span c="dimmed" inherit fw={400}>{`, ${u.credentials}`}</Text>}
                  </Text>
                  {isMe && <Text size="xs" c="dimmed">You</Text>}
                </Table.Td>
                <Table.Td><EmailText email={u.email} /></Table.Td>
                <Table.Td miw={150}><RoleBadges roles={u.roles} /></Table.Td>
                <Table.Td>
                  <Badge color={u.active ? 'green' : 'gray'} variant="light" tt="none" size="md">{u.active ? 'Active' : 'Deactivated'}</Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstantDate(u.createdAt, timeZone)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => onEdit(u)} aria-label={`Edit ${u.displayName}`}>
                      Edit
                    </Button>
                    <Tooltip label="You cannot deactivate your own account" disabled={!isMe || !u.active}>
                      <Button
                        size="xs"
                        variant="default"
                        color={u.active ? 'red' : undefined}
                        disabled={isMe && u.active}
                        onClick={() => onToggleActive(u)}
                        aria-label={`${u.active ? 'Deactivate' : 'Reactivate'} ${u.displayName}`}
                      >
                        {u.active ? 'Deactivate' : 'Reactivate'}
                      </Button>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
