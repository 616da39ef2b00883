import { INTAKE_STAGE_LABELS, ReferralCreate } from '@glia/contracts';
import type { IntakeStage, IntakeSummary, Referral } from '@glia/contracts';
import { Button, Group, List, NativeSelect, SimpleGrid, Stack, Stepper, Text, TextInput, Textarea, Timeline } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { FieldError } from '@glia/contracts';
import { useChangeStage, useCreateReferral } from '../../../../api/intake/intake-mutations.ts';
import { useIntakeSummary } from '../../../../api/intake/intake-queries.ts';
import { useIntakeCan } from '../../../../api/intake/intake-roles.ts';
import { useClinicTimeZone } from '../../../../auth/session-context.ts';
import { ChartSection } from '../../../../components/ChartSection/ChartSection.tsx';
import { IntakeStageBadge } from '../../../../components/IntakeStageBadge/IntakeStageBadge.tsx';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../../../components/QueryErrorState/QueryErrorState.tsx';
import { formatCalendarDate, formatInstant, todayInZone } from '../../../../lib/clinic-time.ts';
import { schemaFormErrors } from '../../../../lib/forms/schema-errors.ts';
import { INDICATION_LABELS, REFERRAL_SOURCE_LABELS } from '../../../../lib/intake-labels.ts';
import { applyServerErrors, textOrNull } from './form-helpers.ts';
import { ProfileForm } from './ProfileForm.tsx';

const PATH: { stages: IntakeStage[]; label: string }[] = [
  { stages: ['referred'], label: 'Referred' },
  { stages: ['intake'], label: 'Intake in progress' },
  { stages: ['awaiting-evaluation'], label: 'Awaiting evaluation' },
  { stages: ['eligible', 'not-eligible', 'needs-workup'], label: 'Eligibility decision' },
  { stages: ['in-treatment'], label: 'In treatment' },
];

function StagePath({ stage }: { stage: IntakeStage | null }): React.JSX.Element {
  const active = stage === null ? -1 : PATH.findIndex((s) => s.stages.includes(stage));
  return (
    <Stepper active={active} size="sm" allowNextStepsSelect={false} aria-label="Intake stages">
      {PATH.map((step, i) => (
        <Stepper.Step
          key={step.label}
          label={step.label}
          description={i === active && step.stages.length > 1 && stage ? INTAKE_STAGE_LABELS[stage] : undefined}
          color={stage === 'not-eligible' && i === 3 ? 'red' : stage === 'needs-workup' && i === 3 ? 'orange' : undefined}
        />
      ))}
    </Stepper>
  );
}

function StageActions({ patientId, summary }: { patientId: string; summary: IntakeSummary }): React.JSX.Element | null {
  const canPrescribe = useIntakeCan('prescribing');
  const change = useChangeStage(patientId);
  const moves = summary.allowedStages.filter((s) => s !== 'in-treatment' || canPrescribe);
  if (moves.length === 0 && !change.error) return null;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {moves.map((s) => (
          <Button
            key={s}
            variant="light"
            rightSection={<IconArrowRight size={16} aria-hidden />}
            loading={change.isPending && change.variables?.stage === s}
            onClick={() => change.mutate({ stage: s }, { onSuccess: () => notifications.show({ color: 'green', title: 'Stage changed', message: `Now: ${INTAKE_STAGE_LABELS[s]}` }) })}
          >
            Move to {INTAKE_STAGE_LABELS[s].toLowerCase()}
          </Button>
        ))}
      </Group>
      {change.error && <ProblemAlert error={change.error} title="The stage did not change" />}
    </Stack>
  );
}

function ReferralList({ referrals }: { referrals: Referral[] }): React.JSX.Element {
  if (referrals.length === 0) return <Text c="dimmed">No referral recorded yet.</Text>;
  return (
    <List spacing="xs" listStyleType="none" aria-label="Referrals">
      {referrals.map((r) => (
        <List.Item key={r.id}>
          <Text fw={600}>
            {formatCalendarDate(r.receivedOn)} · {REFERRAL_SOURCE_LABELS[r.source]}{r.referringClinician ? ` · ${r.referringClinician}` : ''} · {INDICATION_LABELS[r.indication]}
          </Text>
          <Text size="sm">{r.reason}</Text>
        </List.Item>
      ))}
    </List>
  );
}

interface ReferralValues {
  receivedOn: string;
  source: string;
  referringClinician: string;
  referringContact: string;
  reason: string;
  indication: string;
}

const referralBody = (v: ReferralValues): Record<string, unknown> => ({
  receivedOn: v.receivedOn || undefined,
  source: v.source || undefined,
  referringClinician: textOrNull(v.referringClinician),
  referringContact: textOrNull(v.referringContact),
  reason: v.reason.trim() || undefined,
  indication: v.indication || undefined,
});

function ReferralForm({ patientId, onDone }: { patientId: string; onDone: () => void }): React.JSX.Element {
  const today = todayInZone(useClinicTimeZone());
  const create = useCreateReferral(patientId);
  const [unmatched, setUnmatched] = useState<FieldError[] | null>(null);
  const form = useForm<ReferralValues>({
    mode: 'controlled',
    initialValues: { receivedOn: today, source: '', referringClinician: '', referringContact: '', reason: '', indication: '' },
    validate: (v) => {
      const errors = schemaFormErrors(ReferralCreate, referralBody(v));
      if (v.receivedOn > today) errors.receivedOn = 'Must not be in the future';
      return errors;
    },
    validateInputOnChange: true,
  });
  return (
    <form
      aria-label="Record a referral"
      onSubmit={form.onSubmit((v) => {
        setUnmatched(null);
        create.mutate(referralBody(v) as ReferralCreate, {
          onSuccess: () => {
            notifications.show({ color: 'green', title: 'Referral recorded', message: 'The patient is now in the intake list.' });
            form.reset();
            onDone();
          },
          onError: (error) => setUnmatched(applyServerErrors(form, error)),
        });
      })}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput type="date" label="Date received" max={today} required {...form.getInputProps('receivedOn')} />
          <NativeSelect label="Source" required data={[{ value: '', label: 'Choose…' }, ...Object.entries(REFERRAL_SOURCE_LABELS).map(([value, label]) => ({ value, label }))]} {...form.getInputProps('source')} />
          <NativeSelect label="Indication" required data={[{ value: '', label: 'Choose…' }, ...Object.entries(INDICATION_LABELS).map(([value, label]) => ({ value, label }))]} {...form.getInputProps('indication')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Referring clinician" {...form.getInputProps('referringClinician')} />
          <TextInput label="Referrer's phone, fax or e-mail" {...form.getInputProps('referringContact')} />
        </SimpleGrid>
        <Textarea label="Reason for referral" required autosize minRows={2} {...form.getInputProps('reason')} />
        {create.error && <ProblemAlert error={create.error} title="The referral was not recorded" fields={unmatched ?? undefined} />}
        <Group>
          <Button type="submit" loading={create.isPending}>Record referral</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Referral, stage and intake profile of one patient. */
export function IntakeSection({ patientId }: { patientId: string }): React.JSX.Element {
  const summary = useIntakeSummary(patientId);
  const canClinical = useIntakeCan('clinical');
  const timeZone = useClinicTimeZone();
  const [adding, setAdding] = useState(false);
  if (summary.isPending) return <Text c="dimmed">Loading intake…</Text>;
  if (summary.isError) return <QueryErrorState error={summary.error} what="the intake" onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  const showForm = adding || s.referrals.length === 0;
  return (
    <Stack gap="lg">
      <ChartSection title={<Group gap="sm">Stage <IntakeStageBadge stage={s.stage} size="lg" /></Group>} description={s.stageChangedAt ? `Since ${formatInstant(s.stageChangedAt, timeZone)}` : 'Record a referral, or start intake work, to enter the program.'}>
        <Stack gap="md">
          <StagePath stage={s.stage} />
          <StageActions patientId={patientId} summary={s} />
        </Stack>
      </ChartSection>
      <ChartSection title="Referral" actions={!showForm && <Button variant="default" size="sm" onClick={() => setAdding(true)}>Record another referral</Button>}>
        <Stack gap="md">
          <ReferralList referrals={s.referrals} />
          {showForm && <ReferralForm patientId={patientId} onDone={() => setAdding(false)} />}
        </Stack>
      </ChartSection>
      {canClinical && (
        <ChartSection title="Screening and psychiatric history" description="Childbearing potential (rule 4), cardiovascular and liver risk (rule 6), contraindications (rule 3), psychiatric history.">
          <ProfileForm key={s.profile?.version ?? 0} patientId={patientId} profile={s.profile} />
        </ChartSection>
      )}
      {s.stageHistory.length > 0 && (
        <ChartSection title="Stage history">
          <Timeline bulletSize={14} lineWidth={2} active={s.stageHistory.length - 1}>
            {s.stageHistory.map((h, i) => (
              <Timeline.Item key={`${h.changedAt}-${i}`} title={INTAKE_STAGE_LABELS[h.toStage]}>
                <Text size="sm" c="dimmed">{formatInstant(h.changedAt, timeZone)}{h.changedBy ? ` · ${h.changedBy}` : ''}{h.reason ? ` · ${h.reason}` : ''}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </ChartSection>
      )}
    </Stack>
  );
}
