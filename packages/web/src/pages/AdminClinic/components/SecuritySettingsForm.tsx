import type { ClinicSettings, Role } from '@glia/contracts';
import { ROLES } from '@glia/contracts';
import { Button, Checkbox, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useUpdateClinicSettings } from '../../../api/clinic/clinic-mutations.ts';
import { ROLE_LABELS } from '../../../auth/roles.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';

/** Who must use two-step sign-in, and whether charts are limited to care teams. */
export function SecuritySettingsForm({ settings }: { settings: ClinicSettings }): React.JSX.Element {
  const update = useUpdateClinicSettings();
  const [mfaRoles, setMfaRoles] = useState<Role[]>(settings.mfaRequiredRoles);
  const [careTeam, setCareTeam] = useState(settings.careTeamRestricted);
  const changed = [...mfaRoles].sort().join() !== [...settings.mfaRequiredRoles].sort().join() || careTeam !== settings.careTeamRestricted;

  const submit = (event: React.FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    update.mutate({ mfaRequiredRoles: mfaRoles, careTeamRestricted: careTeam }, {
      onSuccess: () => notifications.show({ color: 'green', title: 'Security settings saved', message: 'Users of newly required roles set up two-step sign-in at their next sign-in.' }),
    });
  };

  return (
    <Paper component="form" withBorder p="lg" radius="md" onSubmit={submit} aria-label="Security settings" mt="lg" maw={720}>
      <Stack gap="md">
        <Title order={2} fz="h4">Security</Title>
        <Checkbox.Group
          label="Roles that must use two-step sign-in (authenticator app)"
          description="Recommended at least for administrators, medical directors and prescribers."
          value={mfaRoles}
          onChange={(values) => setMfaRoles(values as Role[])}
        >
          <Group mt="xs" gap="md">
            {ROLES.map((role) => <Checkbox key={role} value={role} label={ROLE_LABELS[role]} />)}
          </Group>
        </Checkbox.Group>
        {settings.demo && mfaRoles.length === 0 && <Text size="sm" c="dimmed">The demo clinic ships with no role required, so the demo logins work at once.</Text>}
        <Switch
          label="Limit charts to each patient's care team"
          description="Others can still open a chart in an emergency by giving a reason (break the glass); each such access is listed for the medical director."
          checked={careTeam}
          onChange={(e) => setCareTeam(e.currentTarget.checked)}
        />
        {update.isError && <ProblemAlert error={update.error} title="The security settings were not saved" />}
        <Button type="submit" disabled={!changed} loading={update.isPending} w="fit-content">Save security settings</Button>
      </Stack>
    </Paper>
  );
}
