import { Anchor, Burger, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconLogout, IconShieldLock } from '@tabler/icons-react';
import type { RefObject } from 'react';
import { Link } from 'react-router';
import { useLogout } from '../../../api/auth/auth-mutations.ts';
import { ROLE_LABELS } from '../../../auth/roles.ts';
import { useSession } from '../../../auth/session-context.ts';
import { GliaMark } from '../../../components/GliaMark/GliaMark.tsx';

interface ShellHeaderProps {
  height: number;
  navOpened: boolean;
  onToggleNav: () => void;
  navId: string;
  burgerRef: RefObject<HTMLButtonElement | null>;
}

export function ShellHeader({ height, navOpened, onToggleNav, navId, burgerRef }: ShellHeaderProps): React.JSX.Element {
  const { user, clinic } = useSession();
  const logout = useLogout();
  const roles = user.roles.map((r) => ROLE_LABELS[r]).join(', ');

  return (
    <Group h={height} px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          ref={burgerRef}
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="md"
          size="md"
          aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
          aria-expanded={navOpened}
          aria-controls={navId}
        />
        <Anchor component={Link} to="/" underline="never" aria-label="Glia home" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <GliaMark />
          <Text span fw={700} fz="lg" c="glia.8" visibleFrom="xs">Glia</Text>
        </Anchor>
        <Text fw={600} truncate="end" miw={0} c="gray.8">
          {clinic.name}
        </Text>
      </Group>
      <Group gap="md" wrap="nowrap" miw={0}>
        <Stack gap={0} align="flex-end" miw={0} visibleFrom="sm">
          <Text fw={600} size="sm" truncate="end" maw={260}>
            <VisuallyHidden>Signed in as </VisuallyHidden>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed" truncate="end" maw={260}>{roles}</Text>
        </Stack>
        <Button component={Link} to="/account/security" variant="subtle" size="sm" leftSection={<IconShieldLock size={18} aria-hidden />} aria-label="Sign-in security">
          <Text span size="sm" visibleFrom="md">Security</Text>
        </Button>
        <Button
          variant="default"
          size="sm"
          leftSection={<IconLogout size={18} aria-hidden />}
          loading={logout.isPending}
          onClick={() => logout.mutate('signed-out')}
        >
          Sign out
        </Button>
      </Group>
    </Group>
  );
}
