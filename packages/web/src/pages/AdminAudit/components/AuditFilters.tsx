import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFilter } from '@tabler/icons-react';
import { useStaffUsers } from '../../../api/users/user-queries.ts';
import { useCan } from '../../../auth/session-context.ts';
import { validateFilterValues } from '../audit-filter-params.ts';
import type { AuditFilterValues } from '../audit-filter-params.ts';

interface AuditFiltersProps {
  initial: AuditFilterValues;
  timeZone: string;
  onApply: (values: AuditFilterValues) => void;
}

const EMPTY: AuditFilterValues = { userId: '', patientId: '', action: '', fromDate: '', toDate: '' };

/** Filters for the audit trail. Administrators pick a user by name; others paste a user id. */
export function AuditFilters({ initial, timeZone, onApply }: AuditFiltersProps): React.JSX.Element {
  const canListUsers = useCan('manageUsers');
  const users = useStaffUsers({ enabled: canListUsers });
  const form = useForm<AuditFilterValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: validateFilterValues,
    validateInputOnChange: true,
  });
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.email})` }));
  if (initial.userId && !userOptions.some((o) => o.value === initial.userId)) {
    userOptions.push({ value: initial.userId, label: initial.userId });
  }

  return (
    <Paper component="form" withBorder radius="md" p="md" onSubmit={form.onSubmit(onApply)} noValidate aria-label="Audit filters">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
        {canListUsers ? (
          <Select
            label="User"
            placeholder={users.isPending ? 'Loading users…' : 'Anyone'}
            data={userOptions}
            searchable
            clearable
            nothingFoundMessage="No user by that name"
            {...form.getInputProps('userId')}
            value={form.values.userId || null}
            onChange={(value) => form.setFieldValue('userId', value ?? '')}
          />
        ) : (
          <TextInput label="User ID" placeholder="Anyone" autoComplete="off" spellCheck={false} {...form.getInputProps('userId')} />
        )}
        <TextInput label="Patient ID" placeholder="Any patient" autoComplete="off" spellCheck={false} {...form.getInputProps('patientId')} />
        <TextInput
          label="Action"
          description="e.g. patient.read, or patient.* for all"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          {...form.getInputProps('action')}
        />
        <TextInput label="From date" type="date" description={`Clinic time (${timeZone})`} {...form.getInputProps('fromDate')} />
        <TextInput label="To date" type="date" description="Includes the whole day" {...form.getInputProps('toDate')} />
      </SimpleGrid>
      <Group gap="sm" mt="md">
        <Button type="submit" leftSection={<IconFilter size={18} aria-hidden />}>
          Apply filters
        </Button>
        <Button
          variant="default"
          onClick={() => {
            form.setValues(EMPTY);
            onApply(EMPTY);
          }}
        >
          Clear filters
        </Button>
      </Group>
    </Paper>
  );
}
