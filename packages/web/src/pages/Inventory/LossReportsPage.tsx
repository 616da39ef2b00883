import { MilestoneCreate } from '@glia/contracts';
import type { LossDeadline, LossReport } from '@glia/contracts';
import { Badge, Button, Card, EmptyState, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useRecordMilestone } from '../../api/inventory/inventory-mutations.ts';
import { useLossReports } from '../../api/inventory/inventory-queries.ts';
import { useClinicTimeZone } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { TableSkeleton } from '../../components/TableSkeleton/TableSkeleton.tsx';
import { formatCalendarDate, formatInstant, todayInZone } from '../../lib/clinic-time.ts';
import { optionalText, requiredText, schemaFormErrors } from '../../lib/forms/schema-errors.ts';
import { InventoryTabs } from './components/InventoryTabs.tsx';
import { fixed2 } from './inventory-format.ts';
import { useInventoryOversight } from './inventory-roles.ts';

const MILESTONE_LABELS: Record<LossDeadline['milestone'], string> = {
  'written-notice': 'Written notice to the DEA Field Division',
  'form-106': 'DEA Form 106 filed',
};

function MilestoneDialog({ target, onClose }: { target: { report: LossReport; milestone: LossDeadline['milestone'] } | null; onClose: () => void }): React.JSX.Element {
  const record = useRecordMilestone();
  const today = todayInZone(useClinicTimeZone());
  const form = useForm({
    mode: 'controlled',
    initialValues: { completedOn: today, reference: '' },
    validate: (v) => schemaFormErrors(MilestoneCreate, { milestone: target?.milestone, completedOn: requiredText(v.completedOn), reference: optionalText(v.reference) }),
    validateInputOnChange: true,
  });
  const close = (): void => {
    form.reset();
    record.reset();
    onClose();
  };
  return (
    <Modal opened={target !== null} onClose={close} title={target ? MILESTONE_LABELS[target.milestone] : ''}>
      {target && (
        <form noValidate aria-label="Mark done" onSubmit={form.onSubmit((v) => record.mutate({ id: target.report.id, body: { milestone: target.milestone, completedOn: v.completedOn, reference: optionalText(v.reference) } }, { onSuccess: close }))}>
          <Stack gap="md">
            {record.isError && <ProblemAlert error={record.error} title="Not recorded" />}
            <TextInput label="Done on" type="date" required {...form.getInputProps('completedOn')} />
            <TextInput label="Reference" description="e.g. the Form 106 confirmation number, or to whom the notice went" {...form.getInputProps('reference')} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={record.isPending}>Mark done</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Thefts and significant losses with their two DEA deadlines (rule 38), visible until done. */
export function LossReportsPage(): React.JSX.Element {
  useDocumentTitle('Losses · Glia');
  const timeZone = useClinicTimeZone();
  const director = useInventoryOversight();
  const reports = useLossReports();
  const [target, setTarget] = useState<{ report: LossReport; milestone: LossDeadline['milestone'] } | null>(null);

  return (
    <>
      <PageHeader title="Theft and significant loss" description="Each report carries two deadlines from the day of discovery: written notice by the end of the next business day, DEA Form 106 within 45 days (rule 38)." />
      <InventoryTabs />
      {reports.isPending ? (
        <TableSkeleton label="Loading loss reports" rows={3} />
      ) : reports.isError ? (
        <QueryErrorState error={reports.error} what="the loss reports" onRetry={() => void reports.refetch()} />
      ) : reports.data.length === 0 ? (
        <EmptyState py="xl" icon={<IconShieldCheck size={32} aria-hidden />} withIndicatorBackground>
          <EmptyState.Title order={2}>No theft or significant loss recorded</EmptyState.Title>
          <EmptyState.Description>A theft or significant loss recorded on a lot, or found by a count, appears here with its deadlines.</EmptyState.Description>
        </EmptyState>
      ) : (
        <Stack gap="md">
          {reports.data.map((r) => (
            <Card key={r.id} withBorder radius="md">
              <Group justify="space-between" align="flex-start">
                <Stack gap={2}>
                  <Title order={2} size="h4">{r.kind === 'theft' ? 'Theft' : 'Significant loss'} found {formatCalendarDate(r.discoveredOn)}</Title>
                  <Text size="sm">{r.description}</Text>
                  <Text size="xs" c="dimmed">Recorded by {r.reportedBy.displayName}, discovered {formatInstant(r.discoveredAt, timeZone)}. {r.lots.map((l) => `${l.lotNumber}: ${fixed2(l.quantityMl)} mL (${fixed2(l.quantityMg)} mg)`).join('; ')}</Text>
                </Stack>
                <Badge color={r.open ? 'red' : 'gray'}>{r.open ? 'Open' : 'Done'}</Badge>
              </Group>
              <Stack gap="xs" mt="sm">
                {r.deadlines.map((d) => (
                  <Group key={d.milestone} justify="space-between" wrap="wrap">
                    <Text size="sm">
                      {MILESTONE_LABELS[d.milestone]}: due {formatCalendarDate(d.dueOn)}{' '}
                      {d.status === 'done' ? (
                        <Badge color="teal" variant="light">Done {formatCalendarDate(d.completedOn ?? '')}{d.reference ? ` · ${d.reference}` : ''}</Badge>
                      ) : d.status === 'overdue' ? (
                        <Badge color="red">Overdue by {-d.daysLeft} days</Badge>
                      ) : (
                        <Badge color="orange">{d.daysLeft === 0 ? 'Due today' : `${d.daysLeft} days left`}</Badge>
                      )}
                    </Text>
                    {d.status !== 'done' && director && <Button size="xs" variant="light" onClick={() => setTarget({ report: r, milestone: d.milestone })}>Mark done</Button>}
                  </Group>
                ))}
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      <MilestoneDialog target={target} onClose={() => setTarget(null)} />
    </>
  );
}
