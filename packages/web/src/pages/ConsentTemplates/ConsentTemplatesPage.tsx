import { ConsentTemplateVersionCreate } from '@glia/contracts';
import type { ConsentTemplate } from '@glia/contracts';
import { Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { usePublishTemplateVersion } from '../../api/intake/intake-mutations.ts';
import { useConsentTemplates } from '../../api/intake/intake-queries.ts';
import { useClinicTimeZone } from '../../auth/session-context.ts';
import { ChartSection } from '../../components/ChartSection/ChartSection.tsx';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { formatInstant } from '../../lib/clinic-time.ts';
import { schemaFormErrors } from '../../lib/forms/schema-errors.ts';
import { numberOrUndefined, textOrNull } from '../Patient/components/intake/form-helpers.ts';

interface Values { title: string; body: string; route: string; maxDoseMgPerKg: number | string; materialChange: boolean; changeSummary: string }
const toBody = (v: Values): Record<string, unknown> => ({
  title: v.title.trim() || undefined, body: v.body.trim() || undefined, route: v.route, maxDoseMgPerKg: numberOrUndefined(v.maxDoseMgPerKg) ?? null,
  materialChange: v.materialChange, changeSummary: textOrNull(v.changeSummary),
});

function NewVersionForm({ latest, onDone }: { latest: ConsentTemplate; onDone: () => void }): React.JSX.Element {
  const publish = usePublishTemplateVersion();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { title: latest.title, body: latest.body, route: latest.route, maxDoseMgPerKg: latest.maxDoseMgPerKg ?? '', materialChange: false, changeSummary: '' },
    validate: (v) => schemaFormErrors(ConsentTemplateVersionCreate, toBody(v)),
    validateInputOnChange: true,
  });
  return (
    <form aria-label={`New version of ${latest.templateKey}`} onSubmit={form.onSubmit((v) => publish.mutate({ key: latest.templateKey, body: toBody(v) as ConsentTemplateVersionCreate }, {
      onSuccess: (t) => { notifications.show({ color: 'green', title: 'Version published', message: `${t.templateKey} version ${t.version}${t.materialChange ? ': patients must re-consent' : ''}` }); onDone(); },
    }))}>
      <Stack gap="sm">
        <TextInput label="Title" required {...form.getInputProps('title')} />
        <Textarea label="Text the patient signs" required autosize minRows={10} maxRows={30} {...form.getInputProps('body')} />
        <Group grow>
          <NativeSelect label="Treatment" data={[{ value: 'iv-ketamine', label: 'IV ketamine' }, { value: 'esketamine', label: 'Esketamine' }]} {...form.getInputProps('route')} />
          <NumberInput label="Highest dose covered (mg/kg)" description="Empty: the clinic standard (rule 2)" min={0} max={5} decimalScale={2} {...form.getInputProps('maxDoseMgPerKg')} />
        </Group>
        <Checkbox label="Material change: patients who signed an earlier version must consent again" {...form.getInputProps('materialChange', { type: 'checkbox' })} />
        <TextInput label="What changed" {...form.getInputProps('changeSummary')} />
        {publish.error && <ProblemAlert error={publish.error} title="The version was not published" />}
        <Group><Button type="submit" loading={publish.isPending}>Publish version {latest.version + 1}</Button><Button variant="default" onClick={onDone}>Cancel</Button></Group>
      </Stack>
    </form>
  );
}

/** Consent templates: versions are never edited; the medical director publishes the next one. */
export function ConsentTemplatesPage(): React.JSX.Element {
  useDocumentTitle('Consent templates · Glia');
  const timeZone = useClinicTimeZone();
  const templates = useConsentTemplates();
  const [editing, setEditing] = useState<string | null>(null);
  if (templates.isPending) return <Text c="dimmed">Loading consent templates…</Text>;
  if (templates.isError) return <QueryErrorState error={templates.error} what="the consent templates" onRetry={() => void templates.refetch()} />;
  const keys = [...new Set(templates.data.map((t) => t.templateKey))];
  return (
    <>
      <PageHeader title="Consent templates" description="Each version is kept as it was signed. Publish a new version to change the text; mark it as a material change to ask patients to consent again." />
      <Stack gap="lg">
        {keys.map((key) => {
          const versions = templates.data.filter((t) => t.templateKey === key);
          const latest = versions.find((t) => t.latest)!;
          return (
            <ChartSection key={key} order={2} title={latest.title} description={`${key} · current version ${latest.version}`}
              actions={editing !== key && <Button variant="light" onClick={() => setEditing(key)}>New version</Button>}>
              <Stack gap="md">
                {editing === key && <NewVersionForm latest={latest} onDone={() => setEditing(null)} />}
                <Table aria-label={`Versions of ${key}`} withTableBorder>
                  <Table.Thead><Table.Tr><Table.Th>Version</Table.Th><Table.Th>Published</Table.Th><Table.Th>Covers</Table.Th><Table.Th>Change</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {versions.map((v) => (
                      <Table.Tr key={v.id}>
                        <Table.Td>{v.version}{v.latest && <Badge ml="xs" size="sm" variant="light" tt="none">current</Badge>}</Table.Td>
                        <Table.Td>{formatInstant(v.createdAt, timeZone)}</Table.Td>
                        <Table.Td>{v.maxDoseMgPerKg !== null ? `up to ${v.maxDoseMgPerKg} mg/kg` : 'clinic standard'}</Table.Td>
                        <Table.Td>{v.materialChange && <Badge color="orange" variant="light" tt="none" mr="xs">material</Badge>}{v.changeSummary ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            </ChartSection>
          );
        })}
      </Stack>
    </>
  );
}
