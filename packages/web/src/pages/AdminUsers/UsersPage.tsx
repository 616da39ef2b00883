import type { StaffUser } from '@glia/contracts';
import { Button } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useStaffUsers } from '../../api/users/user-queries.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { TableSkeleton } from '../../components/TableSkeleton/TableSkeleton.tsx';
import { CreateUserModal } from './components/CreateUserModal.tsx';
import { EditUserModal } from './components/EditUserModal.tsx';
import { SetActiveModal } from './components/SetActiveModal.tsx';
import { UsersTable } from './components/UsersTable.tsx';

export function UsersPage(): React.JSX.Element {
  useDocumentTitle('Users · Glia');
  const users = useStaffUsers();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const [toggling, setToggling] = useState<StaffUser | null>(null);

  return (
    <>
      <PageHeader
        title="Users"
        description="Staff accounts and their roles. Roles decide what each person can see and do."
        actions={
          <Button leftSection={<IconUserPlus size={20} aria-hidden />} onClick={() => setCreating(true)}>
            New user
          </Button>
        }
      />
      {users.isPending ? (
        <TableSkeleton label="Loading users" rows={5} />
      ) : users.isError ? (
        <QueryErrorState error={users.error} what="staff accounts" onRetry={() => void users.refetch()} />
      ) : (
        <UsersTable users={users.data} onEdit={setEditing} onToggleActive={setToggling} />
      )}
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
      {toggling && <SetActiveModal user={toggling} onClose={() => setToggling(null)} />}
    </>
  );
}
