import { CONTRAINDICATION_CODES, IntakeProfileUpdate } from '@glia/contracts';
import type { FieldError, IntakeProfile } from '@glia/contracts';
import { Button, Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useUpdateProfile } from '../../../../api/intake/intake-mutations.ts';
import { useClinicTimeZone } from '../../../../auth/session-context.ts';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { todayInZone } from '../../../../lib/clinic-time.ts';
import { schemaFormErrors } from '../../../../lib/forms/schema-errors.ts';
import { CONTRAINDICATION_LABELS } from '../../../../lib/intake-labels.ts';
import { applyServerErrors, numberOrUndefined, textOrNull } from './form-helpers.ts';

type TriState = 'yes' | 'no' | 'unknown';
const tri = (v: boolean | null): TriState => (v === null ? 'unknown' : v ? 'yes' : 'no');
const fromTri = (v: TriState): boolean | null => (v === 'unknown' ? null : v === 'yes');

interface ProfileValues {
  childbearingPotential: TriState;
  cardiovascularRisk: boolean;
  cardiovascularNotes: string;
  liverRisk: boolean;
  liverNotes: string;
  highDosePainCoursesPlanned: boolean;
  contraindications: string[];
  psychosisHistory: TriState;
  maniaHistory: TriState;
  suicideAttempts: number | string;
  lastSuicideAttemptOn: string;
  psychiatricNotes: string;
}

function TriRadio({ label, value, onChange }: { label: string; value?: TriState; onChange: (v: string) => void }): React.JSX.Element {
  return (
    <Radio.Group label={label} value={value ?? 'unknown'} onChange={onChange}>
      <Group gap="md" mt={4}>
        <Radio value="yes" label="Yes" />
        <Radio value="no" label="No" />
        <Radio value="unknown" label="Not recorded" />
      </Group>
    </Radio.Group>
  );
}

/** The screening flags the eligibility rules read, edited with the version read (a stale save is refused). */
export function ProfileForm({ patientId, profile }: { patientId: string; profile: IntakeProfile | null }): React.JSX.Element {
  const today = todayInZone(useClinicTimeZone());
  const update = useUpdateProfile(patientId);
  const [unmatched, setUnmatched] = useState<FieldError[] | null>(null);
  const form = useForm<ProfileValues>({
    mode: 'controlled',
    initialValues: {
      childbearingPotential: tri(profile?.childbearingPotential ?? null),
      cardiovascularRisk: profile?.cardiovascularRisk ?? false,
      cardiovascularNotes: profile?.cardiovascularNotes ?? '',
      liverRisk: profile?.liverRisk ?? false,
      liverNotes: profile?.liverNotes ?? '',
      highDosePainCoursesPlanned: profile?.highDosePainCoursesPlanned ?? false,
      contraindications: profile?.contraindications ?? [],
      psychosisHistory: tri(profile?.psychosisHistory ?? null),
      maniaHistory: tri(profile?.maniaHistory ?? null),
      suicideAttempts: profile?.suicideAttempts ?? '',
      lastSuicideAttemptOn: profile?.lastSuicideAttemptOn ?? '',
      psychiatricNotes: profile?.psychiatricNotes ?? '',
    },
    validate: (v) => {
      const errors = schemaFormErrors(IntakeProfileUpdate, toBody(v));
      if (v.lastSuicideAttemptOn && v.lastSuicideAttemptOn > today) errors.lastSuicideAttemptOn = 'Must not be in the future';
      return errors;
    },
    validateInputOnChange: true,
  });

  function toBody(v: ProfileValues): IntakeProfileUpdate {
    return {
      childbearingPotential: fromTri(v.childbearingPotential),
      cardiovascularRisk: v.cardiovascularRisk,
      cardiovascularNotes: textOrNull(v.cardiovascularNotes),
      liverRisk: v.liverRisk,
      liverNotes: textOrNull(v.liverNotes),
      highDosePainCoursesPlanned: v.highDosePainCoursesPlanned,
      contraindications: v.contraindications as IntakeProfileUpdate['contraindications'],
      psychosisHistory: fromTri(v.psychosisHistory),
      maniaHistory: fromTri(v.maniaHistory),
      suicideAttempts: numberOrUndefined(v.suicideAttempts) ?? null,
      lastSuicideAttemptOn: v.lastSuicideAttemptOn || null,
      psychiatricNotes: textOrNull(v.psychiatricNotes),
      version: profile?.version ?? 1,
    };
  }

  return (
    <form
      aria-label="Screening and psychiatric history"
      onSubmit={form.onSubmit((v) => {
        setUnmatched(null);
        update.mutate(toBody(v), {
          onSuccess: () => notifications.show({ color: 'green', title: 'Intake profile saved', message: 'The eligibility panel uses the new values.' }),
          onError: (error) => setUnmatched(applyServerErrors(form, error)),
        });
      })}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TriRadio label="Childbearing potential" {...form.getInputProps('childbearingPotential')} />
          <TriRadio label="History of psychosis" {...form.getInputProps('psychosisHistory')} />
          <TriRadio label="History of mania" {...form.getInputProps('maniaHistory')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label="Suicide attempts (lifetime)" min={0} max={100} allowDecimal={false} {...form.getInputProps('suicideAttempts')} />
          <TextInput type="date" label="Last suicide attempt" max={today} {...form.getInputProps('lastSuicideAttemptOn')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Checkbox label="Cardiovascular risk (ECG needed, rule 6)" {...form.getInputProps('cardiovascularRisk', { type: 'checkbox' })} />
            {form.values.cardiovascularRisk && <TextInput label="Cardiovascular notes" {...form.getInputProps('cardiovascularNotes')} />}
          </Stack>
          <Stack gap={4}>
            <Checkbox label="Liver risk (baseline LFTs needed, rule 6)" {...form.getInputProps('liverRisk', { type: 'checkbox' })} />
            {form.values.liverRisk && <TextInput label="Liver notes" {...form.getInputProps('liverNotes')} />}
          </Stack>
        </SimpleGrid>
        <Checkbox label="Frequent high-dose pain courses planned" {...form.getInputProps('highDosePainCoursesPlanned', { type: 'checkbox' })} />
        <Checkbox.Group label="Contraindications and conditions (rule 3)" {...form.getInputProps('contraindications')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4} spacing={4}>
            {CONTRAINDICATION_CODES.map((c) => <Checkbox key={c} value={c} label={CONTRAINDICATION_LABELS[c]} />)}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea label="Psychiatric history notes" autosize minRows={2} {...form.getInputProps('psychiatricNotes')} />
        {update.error && <ProblemAlert error={update.error} title="The profile was not saved" fields={unmatched ?? undefined} />}
        <Group>
          <Button type="submit" loading={update.isPending}>Save intake profile</Button>
        </Group>
      </Stack>
    </form>
  );
}
