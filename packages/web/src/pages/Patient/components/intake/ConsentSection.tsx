import type { Consent, ConsentTemplate, Patient } from '@glia/contracts';
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { useClinicians } from '../../../../api/clinicians/clinician-queries.ts';
import { useSignConsent } from '../../../../api/intake/intake-mutations.ts';
import { useConsentTemplates, useConsents } from '../../../../api/intake/intake-queries.ts';
import { useIntakeCan } from '../../../../api/intake/intake-roles.ts';
import { useClinicTimeZone, useSession } from '../../../../auth/session-context.ts';
import { ChartSection } from '../../../../components/ChartSection/ChartSection.tsx';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../../../components/QueryErrorState/QueryErrorState.tsx';
import { SignaturePad } from '../../../../components/SignaturePad/SignaturePad.tsx';
import { formatInstant } from '../../../../lib/clinic-time.ts';
import { Addenda } from './AddendumForm.tsx';
import { SignerCodeInput, withCode } from '../../../../components/SignerCodeInput/SignerCodeInput.tsx';

function ConsentList({ patientId, consents }: { patientId: string; consents: Consent[] }): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  if (consents.length === 0) return <Text c="dimmed">No consent signed yet.</Text>;
  return (
    <Table aria-label="Signed consents" withTableBorder>
      <Table.Thead><Table.Tr><Table.Th>Consent</Table.Th><Table.Th>Signed</Table.Th><Table.Th>Witness</Table.Th><Table.Th>Obtained by</Table.Th><Table.Th>PDF</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {consents.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Text fw={600}>{c.templateTitle}</Text>
              <Text size="xs" c="dimmed">{c.templateKey} v{c.templateVersion} · typed name “{c.patientTypedName}”</Text>
              <Addenda patientId={patientId} target={{ kind: 'consent', id: c.id }} addenda={c.addenda} />
            </Table.Td>
            <Table.Td>{formatInstant(c.patientSignedAt, timeZone)}</Table.Td>
            <Table.Td>{c.witness.displayName}{c.witness.credentials ? `, ${c.witness.credentials}` : ''}</Table.Td>
            <Table.Td>{c.signature.displayName}{c.signature.credentials ? `, ${c.signature.credentials}` : ''}</Table.Td>
            <Table.Td>
              <Anchor href={c.pdfUrl} download aria-label={`Download PDF of ${c.templateKey} version ${c.templateVersion}`}>
                <Group gap={4} wrap="nowrap"><IconDownload size={16} aria-hidden />Download PDF</Group>
              </Anchor>
              <Text size="xs" c="dimmed" ff="monospace" title="SHA-256 of the stored PDF">{c.pdfSha256.slice(0, 16)}…</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function SignConsentForm({ patient, templates }: { patient: Patient; templates: ConsentTemplate[] }): React.JSX.Element {
  const { user } = useSession();
  const clinicians = useClinicians();
  const sign = useSignConsent(patient.id);
  const latest = templates.filter((t) => t.latest);
  const [templateId, setTemplateId] = useState(latest.find((t) => t.templateKey === 'iv-ketamine-off-label')?.id ?? latest[0]?.id ?? '');
  const [typedName, setTypedName] = useState('');
  const [png, setPng] = useState<string | null>(null);
  const [witnessId, setWitnessId] = useState('');
  const [witnessPassword, setWitnessPassword] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [touched, setTouched] = useState(false);
  const [padKey, setPadKey] = useState(0);
  const template = latest.find((t) => t.id === templateId);
  const expected = `${patient.givenName} ${patient.familyName}`;
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  const nameOk = norm(typedName) === norm(expected) || (patient.preferredName !== null && norm(typedName) === norm(`${patient.preferredName} ${patient.familyName}`));
  const witnesses = (clinicians.data ?? []).filter((c) => c.id !== user.id);
  const errors = {
    typedName: !typedName.trim() ? 'Required' : !nameOk ? `Must be the patient's full name (${expected})` : undefined,
    png: png ? undefined : 'The patient must sign in the box',
    witnessId: witnessId ? undefined : 'Choose a witness',
    witnessPassword: witnessPassword ? undefined : 'The witness types their own password',
    password: password ? undefined : 'Required to sign',
  };
  const fieldErrors = sign.error?.fieldErrors ?? [];
  const serverError = (field: string): string | undefined => fieldErrors.find((e) => e.field === field)?.reason;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setTouched(true);
    if (Object.values(errors).some(Boolean) || !template || !png) return;
    sign.mutate({ templateId, patientTypedName: typedName.trim(), patientSignaturePng: png, witnessId, witnessSignature: { password: witnessPassword }, signature: withCode({ password }, totpCode) }, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Consent signed', message: 'The PDF of what was signed is stored and can be downloaded.' });
        setTypedName(''); setPng(null); setWitnessId(''); setPadKey((k) => k + 1); setTouched(false);
      },
      onSettled: () => { setPassword(''); setWitnessPassword(''); setTotpCode(''); },
    });
  };
  const show = (field: keyof typeof errors): string | undefined => (touched ? errors[field] : undefined);

  return (
    <form onSubmit={submit} aria-label="Sign a consent" noValidate>
      <Stack gap="md">
        <NativeSelect label="Consent form" value={templateId} onChange={(e) => setTemplateId(e.currentTarget.value)} data={latest.map((t) => ({ value: t.id, label: `${t.title} (version ${t.version})` }))} style={{ maxWidth: 560 }} />
        {template && (
          <Paper withBorder p="md" radius="md">
            <Title order={4} mb="xs">{template.title}</Title>
            <ScrollArea.Autosize mah={320} type="auto" aria-label="Consent text">
              <Text style={{ whiteSpace: 'pre-wrap' }}>{template.body}</Text>
            </ScrollArea.Autosize>
            <Text size="xs" c="dimmed" mt="xs">{template.templateKey} version {template.version}{template.maxDoseMgPerKg !== null ? ` · covers up to ${template.maxDoseMgPerKg} mg/kg` : ''}</Text>
          </Paper>
        )}
        <Text fw={600}>For the patient</Text>
        <TextInput label="Patient's full name (typed by the patient)" value={typedName} onChange={(e) => setTypedName(e.currentTarget.value)} error={show('typedName') ?? serverError('patientTypedName')} required autoComplete="off" />
        <SignaturePad key={padKey} label="Patient signature" onChange={setPng} error={show('png') ?? serverError('patientSignaturePng')} />
        <Text fw={600}>Witness and clinician</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect label="Witness" value={witnessId} onChange={(e) => setWitnessId(e.currentTarget.value)} error={show('witnessId') ?? serverError('witnessId')} required
            data={[{ value: '', label: 'Choose…' }, ...witnesses.map((w) => ({ value: w.id, label: w.displayName }))]} />
          <TextInput type="password" label="Witness password" value={witnessPassword} onChange={(e) => setWitnessPassword(e.currentTarget.value)} error={show('witnessPassword')} required autoComplete="off" />
        </SimpleGrid>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput type="password" label="Your password (clinician obtaining consent)" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={show('password')} required autoComplete="current-password" style={{ flex: '1 1 18rem' }} />
          <SignerCodeInput value={totpCode} onChange={setTotpCode} />
          <Button type="submit" loading={sign.isPending}>Sign consent</Button>
        </Group>
        {sign.error && <ProblemAlert error={sign.error} title="The consent was not signed" />}
      </Stack>
    </form>
  );
}

/** Informed consent: what covers the patient now, the signed PDFs, and signing on the tablet. */
export function ConsentSection({ patient }: { patient: Patient }): React.JSX.Element {
  const consents = useConsents(patient.id);
  const templates = useConsentTemplates();
  const isMd = useIntakeCan('medicalDirector');
  if (consents.isPending || templates.isPending) return <Text c="dimmed">Loading consents…</Text>;
  if (consents.isError) return <QueryErrorState error={consents.error} what="the consents" onRetry={() => void consents.refetch()} />;
  if (templates.isError) return <QueryErrorState error={templates.error} what="the consent forms" onRetry={() => void templates.refetch()} />;
  const status = consents.data.status;
  return (
    <Stack gap="lg">
      {status.reconsentRequired ? (
        <Alert color="orange" title={status.current ? 'Re-consent needed' : 'No current IV ketamine consent'}>
          {status.reasons.map((r) => <Text key={r.code} size="sm">{r.message}</Text>)}
        </Alert>
      ) : (
        <Alert color="green" title="Consent on file">
          {status.current?.templateTitle} version {status.current?.templateVersion}, signed by the patient and witnessed. <Badge ml={4} variant="light" tt="none">rule 2 satisfied</Badge>
        </Alert>
      )}
      <ChartSection title="Signed consents" actions={isMd && <Anchor component={Link} to="/consent-templates">Manage consent templates</Anchor>}>
        <ConsentList patientId={patient.id} consents={consents.data.consents} />
      </ChartSection>
      <ChartSection title="Sign a consent on the tablet" description="Hand the tablet to the patient to read, type their name and sign; a witness and you then sign with your passwords.">
        <SignConsentForm patient={patient} templates={templates.data} />
      </ChartSection>
    </Stack>
  );
}
