import { CountCreate } from '@glia/contracts';
import type { CountKind, InventoryCount } from '@glia/contracts';
import { Alert, Button, Group, NativeSelect, NumberInput, Paper, PasswordInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSubmitCount } from '../../api/inventory/inventory-mutations.ts';
import { useCountSheet, useLocations } from '../../api/inventory/inventory-queries.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { focusFirstError } from '../../lib/forms/focus-first-error.ts';
import { formatCalendarDate } from '../../lib/clinic-time.ts';
import { FindingsList } from './components/FindingsList.tsx';
import { InventoryTabs } from './components/InventoryTabs.tsx';
import { fixed2, signed } from './inventory-format.ts';
import { SignerCodeInput, withCode } from '../../components/SignerCodeInput/SignerCodeInput.tsx';

const KINDS: { value: CountKind; label: string }[] = [
  { value: 'shift', label: 'Shift count (one location)' },
  { value: 'daily', label: 'Daily count (one location)' },
  { value: 'biennial', label: 'Biennial inventory (every location)' },
  { value: 'initial', label: 'Initial inventory (every location)' },
];

const fullInventory = (kind: CountKind): boolean => kind === 'initial' || kind === 'biennial';

function CountResult({ count }: { count: InventoryCount }): React.JSX.Element {
  return (
    <Stack gap="md">
      {count.investigationId ? (
        <FindingsList findings={count.findings} title="Discrepancy: an investigation is open for the medical director (rule 37)" />
      ) : (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="The count matches the ledger">
          Every lot is within 0.1 mL of what the ledger expected.
        </Alert>
      )}
      <Table aria-label="Count result" withTableBorder bg="white">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Lot</Table.Th>
            <Table.Th scope="col">Location</Table.Th>
            <Table.Th scope="col" ta="right">Expected mL</Table.Th>
            <Table.Th scope="col" ta="right">Counted mL</Table.Th>
            <Table.Th scope="col" ta="right">Difference</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {count.lines.map((l) => (
            <Table.Tr key={`${l.lotId}:${l.locationId}`}>
              <Table.Td ff="monospace">{l.lotNumber}</Table.Td>
              <Table.Td>{l.locationName}</Table.Td>
              <Table.Td ta="right" ff="monospace">{fixed2(l.expectedMl)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{fixed2(l.countedMl)}</Table.Td>
              <Table.Td ta="right" ff="monospace" c={l.differenceMl !== 0 ? 'red' : undefined}>{signed(l.differenceMl)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group><Button component={Link} to="/inventory/counts" variant="default">All counts</Button></Group>
    </Stack>
  );
}

/** A blind count: the counter enters what is there, signs, and only then sees the ledger's figures. */
export function NewCountPage(): React.JSX.Element {
  useDocumentTitle('Count · Glia');
  const [params] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const locations = useLocations();
  const initialKind = (KINDS.find((k) => k.value === params.get('kind'))?.value ?? 'shift');
  const [kind, setKind] = useState<CountKind>(initialKind);
  const [locationId, setLocationId] = useState(params.get('locationId') ?? '');
  const [counted, setCounted] = useState<Record<string, string | number>>({});
  const [notes, setNotes] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const full = fullInventory(kind);
  const sheet = useCountSheet(full ? null : locationId, full || locationId !== '');
  const submit = useSubmitCount();
  const key = (lotId: string, locId: string): string => `${lotId}@${locId}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const lines = (sheet.data?.lines ?? []).map((l) => {
      const raw = counted[key(l.lotId, l.locationId)];
      return { lotId: l.lotId, locationId: l.locationId, countedMl: raw === undefined || raw === '' ? undefined : Number(raw) };
    });
    const body = { kind, ...(full ? {} : { locationId: locationId || undefined }), lines, notes: notes.trim() || null, signature: withCode({ password: password || undefined }, totpCode) };
    const parsed = CountCreate.safeParse(body);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        const line = /^lines\.(\d+)/.exec(path);
        const field = line ? `line-${line[1]}` : path;
        if (!(field in next)) next[field] = line ? 'Enter the volume counted (0 if none)' : issue.path[0] === 'signature' ? 'Required to sign the count' : issue.message;
      }
      setErrors(next);
      focusFirstError(formRef.current);
      return;
    }
    setErrors({});
    submit.mutate(parsed.data, { onError: () => setPassword('') });
  };

  if (submit.isSuccess) {
    return (
      <>
        <PageHeader title="Count recorded" description={`${KINDS.find((k) => k.value === submit.data.kind)?.label ?? ''}, signed by ${submit.data.countedBy.displayName}.`} />
        <InventoryTabs />
        <CountResult count={submit.data} />
      </>
    );
  }

  return (
    <>
      <PageHeader title="Count" description="Count what is physically there — the ledger's figures are shown only after you sign. Partial vials may be estimated to 0.01 mL." />
      <InventoryTabs />
      <Paper component="form" ref={formRef} onSubmit={onSubmit} noValidate aria-label="Count" withBorder radius="md" p="lg" maw={900}>
        <Stack gap="md">
          {submit.isError && <ProblemAlert error={submit.error} title="The count was not recorded" />}
          <Group grow align="flex-start">
            <NativeSelect label="Kind of count" data={KINDS} value={kind} onChange={(e) => { setKind(e.currentTarget.value as CountKind); setCounted({}); }} />
            {!full && (
              <NativeSelect
                label="Location"
                required
                data={[{ value: '', label: 'Choose a safe or cabinet' }, ...(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))]}
                value={locationId}
                onChange={(e) => { setLocationId(e.currentTarget.value); setCounted({}); }}
                error={errors.locationId}
              />
            )}
          </Group>
          {sheet.isError && <QueryErrorState error={sheet.error} what="the count sheet" />}
          {sheet.data && (
            sheet.data.lines.length === 0 ? (
              <Text c="dimmed">The ledger holds no stock here. Signing records a count of nothing on hand{kind === 'initial' ? ' — a valid initial inventory' : ''}.</Text>
            ) : (
              <Stack gap="xs">
                <Title order={2} size="h4">Lots to count</Title>
                {sheet.data.lines.map((l, i) => (
                  <Group key={key(l.lotId, l.locationId)} align="flex-end" wrap="wrap" gap="md">
                    <Stack gap={0} style={{ flex: '1 1 16rem' }}>
                      <Text size="sm" fw={600}><Text span ff="monospace" inherit>{l.lotNumber}</Text> · {l.productName}</Text>
                      <Text size="xs" c="dimmed">{l.locationName} · {fixed2(l.vialVolumeMl)} mL vials · expires {formatCalendarDate(l.expiresOn)}</Text>
                    </Stack>
                    <NumberInput
                      label="Counted (mL)"
                      aria-label={`Counted mL, lot ${l.lotNumber} at ${l.locationName}`}
                      required
                      min={0}
                      decimalScale={2}
                      w={180}
                      value={counted[key(l.lotId, l.locationId)] ?? ''}
                      onChange={(v) => setCounted((c) => ({ ...c, [key(l.lotId, l.locationId)]: v }))}
                      error={errors[`line-${i}`]}
                    />
                  </Group>
                ))}
              </Stack>
            )
          )}
          <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          <PasswordInput
            label="Your password (signs the count)"
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.signature ?? errors['signature.password']}
          />
          <SignerCodeInput value={totpCode} onChange={setTotpCode} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to="/inventory/counts">Cancel</Button>
            <Button type="submit" loading={submit.isPending} disabled={!sheet.data}>Sign and record the count</Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
