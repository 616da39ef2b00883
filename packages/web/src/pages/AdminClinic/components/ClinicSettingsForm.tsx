import { ClinicSettingsUpdate } from '@glia/contracts';
import type { ClinicSettings } from '@glia/contracts';
import { Alert, Badge, Button, DataList, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useRef } from 'react';
import type { FormEvent } from 'react';
import { useUpdateClinicSettings } from '../../../api/clinic/clinic-mutations.ts';
import { useClinicTimeZone } from '../../../auth/session-context.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { formatInstant } from '../../../lib/clinic-time.ts';
import { focusFirstError } from '../../../lib/forms/focus-first-error.ts';
import { optionalText, requiredText, schemaFormErrors } from '../../../lib/forms/schema-errors.ts';
import { leafPaths, splitServerFieldErrors } from '../../../lib/forms/server-field-errors.ts';
import { timeZoneOptions } from './time-zones.ts';

interface ClinicValues {
  name: string;
  timeZone: string;
  phone: string;
}

const toDraft = (v: ClinicValues): Record<string, unknown> => ({
  name: requiredText(v.name),
  timeZone: requiredText(v.timeZone),
  phone: optionalText(v.phone),
});

export function ClinicSettingsForm({ settings }: { settings: ClinicSettings }): React.JSX.Element {
  const formRef = useRef<HTMLFormElement>(null);
  const shownZone = useClinicTimeZone();
  const update = useUpdateClinicSettings();
  const zones = useMemo(() => timeZoneOptions(settings.timeZone), [settings.timeZone]);
  const form = useForm<ClinicValues>({
    mode: 'controlled',
    initialValues: { name: settings.name, timeZone: settings.timeZone, phone: settings.phone ?? '' },
    validate: (values) => schemaFormErrors(ClinicSettingsUpdate, toDraft(values)),
    validateInputOnChange: true,
  });
  const zoneChanged = form.values.timeZone !== settings.timeZone;

  const submit = (event: FormEvent<HTMLFormElement>): void =>
    form.onSubmit(
      (values) => {
        const parsed = ClinicSettingsUpdate.safeParse(toDraft(values));
        if (!parsed.success) return;
        const changes: ClinicSettingsUpdate = {};
        if (parsed.data.name !== settings.name) changes.name = parsed.data.name;
        if (parsed.data.timeZone !== settings.timeZone) changes.timeZone = parsed.data.timeZone;
        if ((parsed.data.phone ?? null) !== settings.phone) changes.phone = parsed.data.phone;
        if (Object.keys(changes).length === 0) {
          notifications.show({ title: 'Nothing to save', message: 'No settings were changed.' });
          return;
        }
        update.mutate(changes, {
          onSuccess: () => notifications.show({ color: 'green', title: 'Clinic settings saved', message: 'Everyone sees the new settings from their next page.' }),
          onError: (error) => {
            form.setErrors(splitServerFieldErrors(error.fieldErrors, leafPaths(values)).onFields);
            focusFirstError(formRef.current);
          },
        });
      },
      () => focusFirstError(formRef.current),
    )(event);

  return (
    <Stack gap="lg" maw={720}>
      <Paper component="form" ref={formRef} onSubmit={submit} noValidate aria-label="Clinic settings" withBorder radius="md" p="lg">
        <Stack gap="md">
          {update.isError && (
            <ProblemAlert
              error={update.error}
              title="The settings were not saved"
              fields={splitServerFieldErrors(update.error.fieldErrors, leafPaths(form.values)).unmatched}
            />
          )}
          <TextInput label="Clinic name" required autoComplete="organization" {...form.getInputProps('name')} />
          <Select
            label="Time zone"
            description="Times are stored in UTC and shown to everyone in this zone."
            required
            searchable
            allowDeselect={false}
            data={zones}
            limit={100}
            nothingFoundMessage="No time zone by that name"
            {...form.getInputProps('timeZone')}
            onChange={(value) => form.setFieldValue('timeZone', value ?? '')}
          />
          {form.values.timeZone && !form.errors.timeZone && (
            <Text size="sm" c="dimmed" aria-live="polite">
              Now in {form.values.timeZone}: {formatInstant(new Date().toISOString(), form.values.timeZone)}
            </Text>
          )}
          {zoneChanged && (
            <Alert color="orange" variant="light">
              Changing the time zone changes how every date and time is shown to all staff. Stored times do not change.
            </Alert>
          )}
          <TextInput label="Clinic phone" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
          <Group>
            <Button type="submit" loading={update.isPending}>Save settings</Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg" component="section" aria-label="Fixed settings">
        <DataList labelWidth={180} gap="xs">
          <DataList.Item>
            <DataList.ItemLabel>MRN prefix</DataList.ItemLabel>
            <DataList.ItemValue ff="monospace">{settings.mrnPrefix}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Demo clinic</DataList.ItemLabel>
            <DataList.ItemValue>
              {settings.demo ? <Badge color="yellow" c="black">Yes: fictional patients</Badge> : 'No'}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Last changed</DataList.ItemLabel>
            <DataList.ItemValue>{formatInstant(settings.updatedAt, shownZone)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Paper>
    </Stack>
  );
}
