import type { Addendum } from '@glia/contracts';
import { Button, List, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../../api/api-error.ts';
import { useAddAddendum, type AddendumTarget } from '../../../../api/intake/intake-mutations.ts';
import { useClinicTimeZone } from '../../../../auth/session-context.ts';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { formatInstant } from '../../../../lib/clinic-time.ts';
import { SignWithPassword, signatureOf } from './SignWithPassword.tsx';

/** Addenda of a signed record and a form to add one (the only way to correct a signed record). */
export function Addenda({ patientId, target, addenda }: { patientId: string; target: AddendumTarget; addenda: Addendum[] }): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const add = useAddAddendum(patientId);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    add.mutate({ target, body: { text: text.trim(), signature: signatureOf(password, totpCode) } }, { onSuccess: () => { setText(''); setPassword(''); setOpen(false); }, onSettled: () => { setPassword(''); setTotpCode(''); } });
  };
  const passwordError = isApiError(add.error) && add.error.status === 403 ? add.error.problem.detail ?? null : null;
  return (
    <Stack gap="xs">
      {addenda.length > 0 && (
        <List size="sm" aria-label="Addenda">
          {addenda.map((a) => <List.Item key={a.id}><Text span fw={600} inherit>Addendum</Text> by {a.signature.displayName}{a.signature.credentials ? `, ${a.signature.credentials}` : ''}, {formatInstant(a.signature.signedAt, timeZone)}: {a.text}</List.Item>)}
        </List>
      )}
      {open ? (
        <form onSubmit={submit} aria-label="Add an addendum">
          <Stack gap="xs">
            <Textarea label="Addendum" required autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            <SignWithPassword label="Your password to sign the addendum" buttonLabel="Sign addendum" password={password} onPasswordChange={setPassword} totpCode={totpCode} onTotpCodeChange={setTotpCode} error={passwordError} loading={add.isPending} disabled={text.trim() === ''} />
            {add.error && !passwordError && <ProblemAlert error={add.error} title="The addendum was not added" />}
          </Stack>
        </form>
      ) : (
        <Button size="xs" variant="subtle" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>Add an addendum</Button>
      )}
    </Stack>
  );
}
