import type { Role } from '@glia/contracts';
import { Badge, Group } from '@mantine/core';
import type { MantineSize } from '@mantine/core';
import { ROLE_LABELS } from '../../auth/roles.ts';

interface RoleBadgesProps {
  roles: readonly Role[];
  size?: MantineSize;
}

export function RoleBadges({ roles, size = 'sm' }: RoleBadgesProps): React.JSX.Element {
  return (
    <Group gap={4} wrap="wrap">
      {roles.map((role) => (
        <Badge key={role} size={size} variant="light" color="gray" tt="none">
          {ROLE_LABELS[role]}
        </Badge>
      ))}
    </Group>
  );
}
