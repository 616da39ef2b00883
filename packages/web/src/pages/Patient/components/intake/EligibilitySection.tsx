import type { EligibilityDecision } from '@glia/contracts';
import { Badge, Group, List, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../../api/api-error.ts';
import { useSignEvaluationNote } from '../../../../api/intake/intake-mutations.ts';
import { useEligibility, useEvaluationNotes } from '../../../../api/intake/intake-queries.ts';
import { useIntakeCan } from '../../../../api/intake/intake-roles.ts';
import { useClinicTimeZone } from '../../../../auth/session-context.ts';
import { ChartSection } from '../../../../components/ChartSection/ChartSection.tsx';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../../../components/QueryErrorState/QueryErrorState.tsx';
import { formatInstant } from '../../../../lib/clinic-time.ts';
import { DECISION_LABELS } from '../../../../lib/intake-labels.ts';
import { Addenda } from './AddendumForm.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { SignWithPassword, signatureOf } from './SignWithPassword.tsx';

const STATUS = {
  blocked: { label: 'Blocked', color: 'red' },
  'needs-acknowledgement': { label: 'Needs acknowledgement', color: 'orange' },
  clear: { label: 'Clear', color: 'green' },
} as const;

function SignedDecision({ patientId, decision }: { patientId: string; decision: EligibilityDecision }): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  const s = decision.signature;
  return (
    <ChartSection title={<Group gap="sm">Signed decision <Badge size="lg" variant="filled" color={decision.decision === 'eligible' ? 'green' : decision.decision === 'not-eligible' ? 'red' : 'orange'} tt="none">{DECISION_LABELS[decision.decision]}</Badge></Group>}
      description={`Signed by ${s.displayName}${s.credentials ? `, ${s.credentials}` : ''} on ${formatInstant(s.signedAt, timeZone)} · panel status then: ${STATUS[decision.statusAtDecision].label.toLowerCase()} · locked`}>
      <Stack gap="sm">
        {decision.note && <Text>{decision.note}</Text>}
        {decision.overrides.length > 0 && (
          <div>
            <Text fw={600}>Overrides</Text>
            <List size="sm" aria-label="Overrides">
              {decision.overrides.map((o) => <List.Item key={o.findingKey}>Rule {o.rule} ({o.findingCode}) overridden by {o.overriddenBy.displayName} on {formatInstant(o.overriddenAt, timeZone)}, re-authenticated. Reason: {o.reason}</List.Item>)}
            </List>
          </div>
        )}
        {decision.acknowledgements.length > 0 && (
          <div>
            <Text fw={600}>Acknowledged warnings</Text>
            <List size="sm" aria-label="Acknowledged warnings">
              {decision.acknowledgements.map((a) => <List.Item key={a.findingKey}>Rule {a.rule} ({a.findingCode}) acknowledged by {a.acknowledgedBy.displayName} on {formatInstant(a.acknowledgedAt, timeZone)}</List.Item>)}
            </List>
          </div>
        )}
        <Addenda patientId={patientId} target={{ kind: 'decision', id: decision.id }} addenda={decision.addenda} />
      </Stack>
    </ChartSection>
  );
}

function EvaluationNotes({ patientId, canSign }: { patientId: string; canSign: boolean }): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  const notes = useEvaluationNotes(patientId);
  const sign = useSignEvaluationNote(patientId);
  const [text, setText] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    sign.mutate({ text: text.trim(), signature: signatureOf(password, totpCode) }, {
      onSuccess: () => { setText(''); notifications.show({ color: 'green', title: 'Evaluation note signed', message: 'The note is locked; corrections are addenda.' }); },
      onSettled: () => { setPassword(''); setTotpCode(''); },
    });
  };
  const passwordError = isApiError(sign.error) && sign.error.status === 403 ? sign.error.problem.detail ?? null : null;
  return (
    <ChartSection title="Evaluation note" description="The prescriber's comprehensive evaluation, signed and locked.">
      <Stack gap="md">
        {notes.data?.length === 0 && <Text c="dimmed">No evaluation note signed yet.</Text>}
        {notes.data?.map((n) => (
          <Stack key={n.id} gap={4}>
            <Text size="sm" c="dimmed">Signed by {n.signature.displayName}{n.signature.credentials ? `, ${n.signature.credentials}` : ''} on {formatInstant(n.signature.signedAt, timeZone)}</Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Text>
            {canSign && <Addenda patientId={patientId} target={{ kind: 'note', id: n.id }} addenda={n.addenda} />}
          </Stack>
        ))}
        {canSign && (
          <form onSubmit={submit} aria-label="Sign an evaluation note">
            <Stack gap="xs">
              <Textarea label="Evaluation" required autosize minRows={4} value={text} onChange={(e) => setText(e.currentTarget.value)} />
              <SignWithPassword label="Your password to sign the note" buttonLabel="Sign note" password={password} onPasswordChange={setPassword} totpCode={totpCode} onTotpCodeChange={setTotpCode} error={passwordError} loading={sign.isPending} disabled={text.trim() === ''} />
              {sign.error && !passwordError && <ProblemAlert error={sign.error} title="The note was not signed" />}
            </Stack>
          </form>
        )}
      </Stack>
    </ChartSection>
  );
}

/** The eligibility panel computed by the clinical core, the decision and the evaluation note. */
export function EligibilitySection({ patientId }: { patientId: string }): React.JSX.Element {
  const canDecide = useIntakeCan('prescribing');
  const [route, setRoute] = useState<'iv-ketamine' | 'esketamine'>('iv-ketamine');
  const eligibility = useEligibility(patientId, { route });
  if (eligibility.isPending) return <Text c="dimmed">Computing eligibility…</Text>;
  if (eligibility.isError) return <QueryErrorState error={eligibility.error} what="the eligibility panel" onRetry={() => void eligibility.refetch()} />;
  const e = eligibility.data;
  return (
    <Stack gap="lg">
      <ChartSection
        title={<Group gap="sm">Eligibility <Badge size="lg" color={STATUS[e.status].color} variant="filled" tt="none">{STATUS[e.status].label}</Badge></Group>}
        description={`Rules 1-8 for a first ${e.purpose} infusion, as of ${e.referenceDate}, computed by the clinical core from the chart.`}
        actions={<NativeSelect aria-label="Treatment route" value={route} onChange={(ev) => setRoute(ev.currentTarget.value as 'iv-ketamine')} data={[{ value: 'iv-ketamine', label: 'IV ketamine' }, { value: 'esketamine', label: 'Esketamine' }]} />}
      >
        <DecisionForm key={`${route}-${e.findings.map((f) => f.key).join()}`} patientId={patientId} eligibility={e} canDecide={canDecide} />
      </ChartSection>
      {e.latestDecision && <SignedDecision patientId={patientId} decision={e.latestDecision} />}
      <EvaluationNotes patientId={patientId} canSign={canDecide} />
    </Stack>
  );
}
