import { ELIGIBILITY_DECISIONS, MIN_OVERRIDE_REASON_LENGTH } from '@glia/clinical';
import type { Eligibility, EligibilityDecisionKind, EligibilityFinding } from '@glia/contracts';
import { Alert, Checkbox, Radio, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../../api/api-error.ts';
import { useDecide } from '../../../../api/intake/intake-mutations.ts';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { DECISION_LABELS } from '../../../../lib/intake-labels.ts';
import { FindingCard } from './FindingCard.tsx';
import { SignWithPassword, signatureOf } from './SignWithPassword.tsx';

interface DecisionFormProps {
  patientId: string;
  eligibility: Eligibility;
  canDecide: boolean;
}

/**
 * The eligibility panel with the decision: every block must be overridden with a reason and
 * every warning acknowledged before "eligible" can be signed (the server checks it again).
 */
export function DecisionForm({ patientId, eligibility, canDecide }: DecisionFormProps): React.JSX.Element {
  const decide = useDecide(patientId);
  const req = eligibility.decisionRequirements;
  const [decision, setDecision] = useState<EligibilityDecisionKind | ''>('');
  const [overrides, setOverrides] = useState<Record<string, string | undefined>>({});
  const [acks, setAcks] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [touched, setTouched] = useState(false);

  const eligible = decision === 'eligible';
  const groups: { title: string; findings: EligibilityFinding[] }[] = [
    { title: 'Blocks', findings: eligibility.findings.filter((f) => f.severity === 'block') },
    { title: 'Warnings', findings: eligibility.findings.filter((f) => f.severity === 'warning') },
    { title: 'Information', findings: eligibility.findings.filter((f) => f.severity === 'info') },
  ];

  const missingOverrides = req.overridesNeeded.filter((k) => (overrides[k] ?? '').trim().length < MIN_OVERRIDE_REASON_LENGTH || overrides[k] === undefined);
  const missingAcks = req.acknowledgementsNeeded.filter((k) => !acks[k]);
  const blockedByClient = eligible && (missingOverrides.length > 0 || missingAcks.length > 0);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setTouched(true);
    if (!decision || blockedByClient) return;
    decide.mutate({
      decision,
      note: note.trim() || null,
      route: eligibility.route,
      purpose: eligibility.purpose,
      overrides: eligible ? req.overridesNeeded.map((key) => ({ key, reason: (overrides[key] ?? '').trim() })) : [],
      acknowledgements: req.acknowledgementsNeeded.filter((k) => acks[k]).map((key) => ({ key })),
      signature: signatureOf(password, totpCode),
    }, {
      onSuccess: (d) => {
        notifications.show({ color: 'green', title: 'Decision signed', message: `${DECISION_LABELS[d.decision]}, signed by ${d.signature.displayName}` });
        setDecision('');
        setOverrides({});
        setAcks({});
        setNote('');
        setTouched(false);
      },
      onSettled: () => { setPassword(''); setTotpCode(''); },
    });
  };
  const passwordError = isApiError(decide.error) && decide.error.status === 403 ? decide.error.problem.detail ?? null : null;

  return (
    <form onSubmit={submit} aria-label="Eligibility decision" noValidate>
      <Stack gap="lg">
        {groups.map((g) => g.findings.length > 0 && (
          <Stack key={g.title} gap="sm">
            <Title order={4}>{g.title}</Title>
            {g.findings.map((f) => {
              const needsOverride = req.overridesNeeded.includes(f.key);
              const needsAck = req.acknowledgementsNeeded.includes(f.key);
              const byConsent = req.satisfiedByConsent.includes(f.key);
              const overriding = overrides[f.key] !== undefined;
              const reason = overrides[f.key] ?? '';
              return (
                <FindingCard key={f.key} finding={f}>
                  {byConsent && <Text size="sm" fw={600}>Cleared by signing the consent, the step after this decision (rule 2 still blocks the first infusion until then).</Text>}
                  {canDecide && needsOverride && (
                    <Stack gap={4}>
                      <Checkbox label={`Override rule ${f.rule} block`} checked={overriding} onChange={(e) => { const on = e.currentTarget.checked; setOverrides((o) => ({ ...o, [f.key]: on ? '' : undefined })); }} />
                      {overriding && (
                        <Textarea
                          label={`Reason for overriding rule ${f.rule}`}
                          description={`Who you are, when and why are stored with the decision. At least ${MIN_OVERRIDE_REASON_LENGTH} characters.`}
                          required autosize minRows={2}
                          value={reason}
                          onChange={(e) => { const v = e.currentTarget.value; setOverrides((o) => ({ ...o, [f.key]: v })); }}
                          error={(touched || reason.length > 0) && reason.trim().length < MIN_OVERRIDE_REASON_LENGTH ? `Say why, in at least ${MIN_OVERRIDE_REASON_LENGTH} characters` : undefined}
                        />
                      )}
                    </Stack>
                  )}
                  {canDecide && needsAck && (
                    <Checkbox label={`Acknowledge rule ${f.rule} warning: ${f.code.replaceAll('-', ' ')}`} checked={acks[f.key] ?? false} onChange={(e) => { const on = e.currentTarget.checked; setAcks((a) => ({ ...a, [f.key]: on })); }} />
                  )}
                </FindingCard>
              );
            })}
          </Stack>
        ))}
        {eligibility.findings.length === 0 && <Alert color="green" title="Nothing found">The clinical core found no block, warning or information for rules 1-8.</Alert>}
        {canDecide ? (
          <Stack gap="sm">
            <Title order={4}>Decision</Title>
            <Radio.Group label="Decision" required value={decision} onChange={(v) => setDecision(v as EligibilityDecisionKind)} error={touched && !decision ? 'Choose a decision' : undefined}>
              <Group gap="lg" mt={4}>
                {ELIGIBILITY_DECISIONS.map((d) => <Radio key={d} value={d} label={DECISION_LABELS[d]} />)}
              </Group>
            </Radio.Group>
            {touched && blockedByClient && (
              <Alert color="red" title="Not ready to sign “eligible”">
                {missingOverrides.length > 0 && <Text size="sm">Override every block with a reason ({missingOverrides.length} left).</Text>}
                {missingAcks.length > 0 && <Text size="sm">Acknowledge every warning ({missingAcks.length} left).</Text>}
              </Alert>
            )}
            <Textarea label="Decision note" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <SignWithPassword label="Your password to sign the decision" buttonLabel="Sign decision" password={password} onPasswordChange={setPassword} totpCode={totpCode} onTotpCodeChange={setTotpCode} error={passwordError} loading={decide.isPending} />
            {decide.error && !passwordError && <ProblemAlert error={decide.error} title="The decision was not signed" />}
          </Stack>
        ) : (
          <Text c="dimmed">A prescriber or the medical director signs the eligibility decision.</Text>
        )}
      </Stack>
    </form>
  );
}
