import { ROLES } from '@glia/contracts';
import type { Role } from '@glia/contracts';
import { Checkbox, SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';
import { ROLE_LABELS } from '../../../auth/roles.ts';

interface RoleCheckboxesProps {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: ReactNode;
  description?: string;
}

export function RoleCheckboxes({ value, onChange, error, description }: RoleCheckboxesProps): React.JSX.Element {
  return (
    <Checkbox.Group
      label="Roles"
      description={description ?? 'A person may hold several roles.'}
      required
      value={value}
      onChange={(roles) => onChange(roles as Role[])}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={ROLE_LABELS[role]} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
