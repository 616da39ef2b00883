import { InvestigationResolve } from '@glia/contracts';
import type { Investigation } from '@glia/contracts';
import { Button, Group, Modal, PasswordInput, Radio, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useResolveInvestigation } from '../../../api/inventory/inventory-mutations.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { requiredText, schemaFormErrors } from '../../../lib/forms/schema-errors.ts';
import { FindingsList } from './FindingsList.tsx';

interface Values {
  outcome: string;
  explanation: string;
  signature: { password: string };
}

const toDraft = (v: Values): Record<string, unknown> => ({ outcome: v.outcome || undefined, explanation: requiredText(v.explanation), signature: { password: v.signature.password || undefined } });

/** The medical director decides what a count discrepancy was, and signs. */
export function ResolveInvestigationDialog({ investigation, onClose }: { investigation: Investigation | null; onClose: () => void }): React.JSX.Element {
  const resolve = useResolveInvestigation();
  const form = useForm<Values>({ mode: 'controlled', initialValues: { outcome: '', explanation: '', signature: { password: '' } }, validate: (v) => schemaFormErrors(InvestigationResolve, toDraft(v)), validateInputOnChange: true });
  const close = (): void => {
    form.reset();
    resolve.reset();
    onClose();
  };
  return (
    <Modal opened={investigation !== null} onClose={close} title="Resolve the discrepancy" size="lg">
      {investigation && (
        <form
          noValidate
          aria-label="Resolve the discrepancy"
          onSubmit={form.onSubmit((v) => {
            const parsed = InvestigationResolve.safeParse(toDraft(v));
            if (!parsed.success) return;
            resolve.mutate({ id: investigation.id, body: parsed.data }, {
              onSuccess: (r) => {
                notifications.show({ color: r.resolution?.lossReportId ? 'red' : 'green', autoClose: !r.resolution?.lossReportId, title: 'Investigation resolved', message: r.resolution?.lossReportId ? 'A loss report is open: the DEA deadlines are on the Losses page.' : 'The resolution is signed and recorded.' });
                close();
              },
              onError: () => form.setFieldValue('signature.password', ''),
            });
          })}
        >
          <Stack gap="md">
            {resolve.isError && <ProblemAlert error={resolve.error} title="Not resolved" />}
            <FindingsList findings={investigation.findings} title="What the count found" />
            <Radio.Group label="Finding" required {...form.getInputProps('outcome')}>
              <Stack gap={6} mt={4}>
                <Radio value="count-error" label="Count error: the ledger is right (no change)" />
                <Radio value="adjust-ledger" label="Adjust the ledger to the count" />
                <Radio value="significant-loss" label="Significant loss: record the shortage and start the DEA deadlines" />
                <Radio value="theft" label="Theft: record the shortage and start the DEA deadlines" />
              </Stack>
            </Radio.Group>
            <Textarea label="Explanation" required autosize minRows={3} {...form.getInputProps('explanation')} />
            <PasswordInput label="Your password (signs the resolution)" required autoComplete="current-password" {...form.getInputProps('signature.password')} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={resolve.isPending}>Sign and resolve</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
