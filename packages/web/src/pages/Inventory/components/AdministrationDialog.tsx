import { AdministrationCreate, WasteCreate } from '@glia/contracts';
import type { AdministrationRecord, LotDetail } from '@glia/contracts';
import { Badge, Button, Divider, Group, Modal, NumberInput, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import type { FormEvent } from 'react';
import { useAdminister, useCloseRecord, useWaste } from '../../../api/inventory/inventory-mutations.ts';
import { useAdministrationRecord } from '../../../api/inventory/inventory-queries.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../../components/QueryErrorState/QueryErrorState.tsx';
import { focusFirstError } from '../../../lib/forms/focus-first-error.ts';
import { schemaFormErrors } from '../../../lib/forms/schema-errors.ts';
import { fixed2, numberOrUndefined } from '../inventory-format.ts';
import { showServerErrors, unmatchedServerErrors } from '../inventory-forms.ts';
import { FindingsList } from './FindingsList.tsx';
import { PatientPicker } from './PatientPicker.tsx';
import { SecondSignerFields } from './SecondSignerFields.tsx';

function Amounts({ record }: { record: AdministrationRecord }): React.JSX.Element {
  const cells = [
    ['Drawn', record.drawnMl, record.drawnMg],
    ['Given', record.givenMl, record.givenMg],
    ['Wasted', record.wastedMl, record.wastedMg],
  ] as const;
  return (
    <SimpleGrid cols={3} spacing="sm">
      {cells.map(([label, ml, mg]) => (
        <Stack key={label} gap={0} p="xs" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          <Text size="xs" c="dimmed">{label}</Text>
          <Text fw={700} ff="monospace" aria-label={`${label} ${fixed2(ml)} mL`}>{fixed2(ml)} mL</Text>
          <Text size="xs" ff="monospace">{fixed2(mg)} mg</Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

function GiveForm({ lotId, record }: { lotId: string; record: AdministrationRecord }): React.JSX.Element {
  const formRef = useRef<HTMLFormElement>(null);
  const give = useAdminister(lotId, record.drawEntryId);
  const remaining = Math.round((record.drawnMl - record.givenMl - record.wastedMl) * 100) / 100;
  const toDraft = (v: { patientId: string; ml: string | number }): Record<string, unknown> => ({ patientId: v.patientId || undefined, ml: numberOrUndefined(v.ml) });
  const form = useForm({
    mode: 'controlled',
    initialValues: { patientId: record.patient?.id ?? '', ml: remaining > 0 ? remaining : ('' as string | number) },
    validate: (v) => schemaFormErrors(AdministrationCreate, toDraft(v)),
    validateInputOnChange: true,
  });
  const submit = (event: FormEvent<HTMLFormElement>): void =>
    form.onSubmit(
      (v) => {
        const parsed = AdministrationCreate.safeParse(toDraft(v));
        if (!parsed.success) return;
        give.mutate(parsed.data, { onSuccess: () => form.setFieldValue('ml', ''), onError: (e) => showServerErrors(form, e, formRef.current) });
      },
      () => focusFirstError(formRef.current),
    )(event);
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Record the dose given">
      <Stack gap="sm">
        <Title order={3} size="h5">Given to the patient</Title>
        {give.isError && <ProblemAlert error={give.error} title="Not recorded" fields={unmatchedServerErrors(form, give.error)} />}
        <PatientPicker value={form.values.patientId} onChange={(id) => form.setFieldValue('patientId', id)} error={form.errors.patientId as string | undefined} initialLabel={record.patient ? `${record.patient.name} (${record.patient.mrn})` : null} />
        <NumberInput label="Volume given (mL)" required min={0} decimalScale={2} {...form.getInputProps('ml')} />
        <Group justify="flex-end"><Button type="submit" loading={give.isPending}>Record dose given</Button></Group>
      </Stack>
    </form>
  );
}

interface WasteValues {
  patientId: string;
  ml: string | number;
  mode: 'here' | 'other-device';
  witness: { email: string; signature: { password: string } };
}

function WasteForm({ lotId, record }: { lotId: string; record: AdministrationRecord }): React.JSX.Element {
  const formRef = useRef<HTMLFormElement>(null);
  const waste = useWaste(lotId, record.drawEntryId);
  const remaining = Math.round((record.drawnMl - record.givenMl - record.wastedMl) * 100) / 100;
  const toDraft = (v: WasteValues): Record<string, unknown> => ({
    ml: numberOrUndefined(v.ml),
    ...(record.patient ? {} : { patientId: v.patientId || undefined }),
    ...(v.mode === 'here' ? { witness: { email: v.witness.email.trim() || undefined, signature: { password: v.witness.signature.password || undefined } } } : {}),
  });
  const form = useForm<WasteValues>({
    mode: 'controlled',
    initialValues: { patientId: '', ml: remaining > 0 ? remaining : '', mode: 'here', witness: { email: '', signature: { password: '' } } },
    validate: (v) => schemaFormErrors(WasteCreate, toDraft(v)),
    validateInputOnChange: true,
  });
  const submit = (event: FormEvent<HTMLFormElement>): void =>
    form.onSubmit(
      (v) => {
        const parsed = WasteCreate.safeParse(toDraft(v));
        if (!parsed.success) return;
        waste.mutate(parsed.data, {
          onSuccess: (result) => {
            notifications.show(
              result.entry
                ? { color: 'green', title: 'Waste recorded', message: `${fixed2(result.entry.quantityMl)} mL wasted, witnessed by ${result.entry.witness?.displayName ?? ''}.` }
                : { color: 'orange', title: 'Waiting for a witness', message: 'A second licensed person signs it under Inventory → Witness wastes on their own device, within the shift.' },
            );
            form.setValues({ ml: '', witness: { email: '', signature: { password: '' } } });
          },
          onError: (e) => {
            form.setFieldValue('witness.signature.password', '');
            showServerErrors(form, e, formRef.current);
          },
        });
      },
      () => focusFirstError(formRef.current),
    )(event);
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Record waste">
      <Stack gap="sm">
        <Title order={3} size="h5">Wasted (rule 35: a second licensed witness)</Title>
        {waste.isError && <ProblemAlert error={waste.error} title="Waste not recorded" fields={unmatchedServerErrors(form, waste.error)} />}
        {!record.patient && <PatientPicker value={form.values.patientId} onChange={(id) => form.setFieldValue('patientId', id)} error={form.errors.patientId as string | undefined} />}
        <NumberInput label="Volume wasted (mL)" required min={0} decimalScale={2} {...form.getInputProps('ml')} />
        <Radio.Group label="Witness" value={form.values.mode} onChange={(v) => form.setFieldValue('mode', v as WasteValues['mode'])}>
          <Stack gap={6} mt={4}>
            <Radio value="here" label="The witness signs on this device" />
            <Radio value="other-device" label="The witness signs on their own device" />
          </Stack>
        </Radio.Group>
        {form.values.mode === 'here' ? (
          <SecondSignerFields
            role="Witness"
            explanation="The witness watches the waste, then types their own e-mail and password."
            emailInput={form.getInputProps('witness.email')}
            passwordInput={form.getInputProps('witness.signature.password')}
          />
        ) : (
          <Text size="sm" c="dimmed">The waste waits under Inventory → Witness wastes until a licensed colleague signs it there, within the shift. Until then the amount stays unaccounted for.</Text>
        )}
        <Group justify="flex-end"><Button type="submit" loading={waste.isPending}>{form.values.mode === 'here' ? 'Record witnessed waste' : 'Send for witnessing'}</Button></Group>
      </Stack>
    </form>
  );
}

/** The administration record of one draw (rule 34): give, waste with a witness, close when it balances. */
export function AdministrationDialog({ lot, drawId, onClose }: { lot: LotDetail; drawId: string | null; onClose: () => void }): React.JSX.Element {
  const record = useAdministrationRecord(lot.id, drawId);
  const close = useCloseRecord(lot.id, drawId ?? '');
  const r = record.data;
  return (
    <Modal opened={drawId !== null} onClose={() => { close.reset(); onClose(); }} title="Administration record" size="lg">
      {record.isPending ? (
        <Text size="sm" c="dimmed">Loading…</Text>
      ) : record.isError ? (
        <QueryErrorState error={record.error} what="this administration record" />
      ) : r ? (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Text size="sm">{r.productName}, lot <Text span ff="monospace" fw={600}>{r.lotNumber}</Text> (NDC {r.ndc})</Text>
              <Text size="sm">Patient: {r.patient ? `${r.patient.name} (${r.patient.mrn})` : 'not yet recorded'}</Text>
              {r.patient?.address && <Text size="xs" c="dimmed">{r.patient.address}</Text>}
              <Text size="xs" c="dimmed">Drawn by {r.drawnBy.displayName}{r.administeredBy.length ? `; given by ${r.administeredBy.map((u) => u.displayName).join(', ')}` : ''}{r.witnesses.length ? `; waste witnessed by ${r.witnesses.map((u) => u.displayName).join(', ')}` : ''}</Text>
            </Stack>
            <Badge color={r.status === 'closed' ? 'gray' : r.status === 'balanced' ? 'green' : 'orange'} size="lg">{r.status}</Badge>
          </Group>
          <Amounts record={r} />
          {r.givenMl + r.wastedMl > 0 || r.status === 'closed' ? (
            <FindingsList findings={r.findings} title="Does not balance yet: the record cannot be closed (rule 34)" />
          ) : (
            <Text size="sm" c="dimmed">Record the dose given and any waste. The record closes when drawn = given + wasted (rule 34).</Text>
          )}
          {r.status !== 'closed' && (
            <>
              <Divider />
              <GiveForm key={`give-${r.givenMl}-${r.wastedMl}`} lotId={lot.id} record={r} />
              <Divider />
              <WasteForm key={`waste-${r.givenMl}-${r.wastedMl}`} lotId={lot.id} record={r} />
              <Divider />
              {close.isError && <ProblemAlert error={close.error} title="The record was not closed" />}
              <Group justify="space-between">
                <Text size="sm" c="dimmed">Close the record once drawn = given + wasted (rule 34).</Text>
                <Button
                  variant="filled"
                  color="teal"
                  disabled={r.status !== 'balanced'}
                  loading={close.isPending}
                  onClick={() => close.mutate(undefined, { onSuccess: () => notifications.show({ color: 'green', title: 'Record closed', message: 'Drawn, given and wasted balance.' }) })}
                >
                  Close record
                </Button>
              </Group>
            </>
          )}
        </Stack>
      ) : null}
    </Modal>
  );
}
