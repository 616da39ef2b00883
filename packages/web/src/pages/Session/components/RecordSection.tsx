import { Button, Card, Group, NumberInput, PasswordInput, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { SessionDetail } from '@glia/contracts';
import { useCloseSession, useNoteAddendum, useSignNote, useWasteForSession } from '../../../api/infusion/infusion-mutations.ts';
import { useClinicTimeZone } from '../../../auth/session-context.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { formatInstantCompact } from '../../../lib/clinic-time.ts';

/** The session's controlled-substance record (rule 34), the witnessed waste (rule 35) and closing. */
export function ControlledSubstanceSection({ session }: { session: SessionDetail }): React.JSX.Element | null {
  const waste = useWasteForSession(session.id);
  const close = useCloseSession(session.id);
  const record = session.administration[0];
  const leftMl = record ? Math.round((record.drawnMl - record.givenMl - record.wastedMl) * 100) / 100 : 0;
  const [ml, setMl] = useState<number | ''>('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  if (session.administration.length === 0) return null;
  const emailError = email !== '' && !/^\S+@\S+\.\S+$/.test(email) ? 'Must be a valid e-mail address' : null;
  return (
    <Card withBorder component="section" aria-labelledby="cs-heading">
      <Title order={2} size="h3" id="cs-heading" mb="sm">Controlled substance</Title>
      <Stack gap="sm">
        <Table aria-label="Administration record">
          <Table.Thead><Table.Tr><Table.Th>Lot</Table.Th><Table.Th>Drawn (mL)</Table.Th><Table.Th>Given (mL)</Table.Th><Table.Th>Wasted (mL)</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {session.administration.map((r) => (
              <Table.Tr key={r.drawEntryId}><Table.Td>{r.lotNumber}</Table.Td><Table.Td>{r.drawnMl.toFixed(2)}</Table.Td><Table.Td>{r.givenMl.toFixed(2)}</Table.Td><Table.Td>{r.wastedMl.toFixed(2)}</Table.Td><Table.Td>{r.status}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {session.infusionEndedAt && leftMl > 0 && !session.closed && (
          <form aria-label="Witnessed waste" onSubmit={(e) => { e.preventDefault(); if (ml !== '') waste.mutate({ ml, witness: { email: email.trim(), signature: { password } } }, { onSuccess: () => { setPassword(''); setMl(''); } }); }}>
            <Text size="sm" mb={4}>{leftMl.toFixed(2)} mL drawn and not given: waste it with a licensed witness (rule 35).</Text>
            <Group align="flex-end" grow>
              <NumberInput label="Waste (mL)" min={0.01} max={leftMl} step={0.01} decimalScale={2} value={ml} onChange={(v) => setMl(typeof v === 'number' ? v : '')} error={ml !== '' && ml > leftMl ? `At most ${leftMl.toFixed(2)} mL` : null} />
              <TextInput label="Witness e-mail" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={emailError} autoComplete="off" />
              <PasswordInput label="Witness password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="off" />
              <Button type="submit" disabled={ml === '' || ml > leftMl || !email || !password || emailError !== null} loading={waste.isPending}>Record waste</Button>
            </Group>
            {waste.isError && <ProblemAlert error={waste.error} title="Waste not recorded" />}
          </form>
        )}
        {close.isError && <ProblemAlert error={close.error} title="Session not closed" />}
        {session.closed ? <Text fw={600}>Session closed; the administration record is closed.</Text> : (
          <Group><Button variant="default" onClick={() => close.mutate()} loading={close.isPending}>Close session</Button></Group>
        )}
      </Stack>
    </Card>
  );
}

/** The session note: the generated summary, reviewed and signed (locked); addenda after. */
export function NoteSection({ session }: { session: SessionDetail }): React.JSX.Element | null {
  const timeZone = useClinicTimeZone();
  const sign = useSignNote(session.id);
  const addendum = useNoteAddendum(session.id);
  const [text, setText] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [addText, setAddText] = useState('');
  if (!session.dischargedAt && session.infusionStartedAt) return null;
  const note = session.note;
  return (
    <Card withBorder component="section" aria-labelledby="note-heading">
      <Title order={2} size="h3" id="note-heading" mb="sm">Session note</Title>
      {note ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">Signed by {note.signedBy} at {formatInstantCompact(note.signedAt, timeZone)} — locked.</Text>
          <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} aria-label="Signed note">{note.text}</Text>
          {note.addenda.map((a) => <Text key={a.id} size="sm">Addendum by {a.signedBy}, {formatInstantCompact(a.signedAt, timeZone)}: {a.text}</Text>)}
          <form aria-label="Addendum" onSubmit={(e) => { e.preventDefault(); addendum.mutate({ text: addText, signature: { password } }, { onSuccess: () => { setAddText(''); setPassword(''); } }); }}>
            <Group align="flex-end" grow>
              <TextInput label="Addendum" value={addText} onChange={(e) => setAddText(e.currentTarget.value)} error={addText !== '' && addText.trim().length < 20 ? 'At least 20 characters' : null} />
              <PasswordInput label="Your password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
              <Button type="submit" disabled={addText.trim().length < 20 || !password} loading={addendum.isPending}>Sign addendum</Button>
            </Group>
            {addendum.isError && <ProblemAlert error={addendum.error} />}
          </form>
        </Stack>
      ) : (
        <form aria-label="Sign note" onSubmit={(e) => { e.preventDefault(); sign.mutate({ text: text ?? session.draftNote, signature: { password } }); }}>
          <Stack gap="xs">
            <Textarea label="Summary (generated from the chart; review and edit)" autosize minRows={8} value={text ?? session.draftNote} onChange={(e) => setText(e.currentTarget.value)} />
            <Group align="flex-end">
              <PasswordInput label="Your password to sign" value={password} onChange={(e) => setPassword(e.currentTarget.value)} w={260} />
              <Button type="submit" disabled={!password} loading={sign.isPending}>Sign and lock note</Button>
            </Group>
            {sign.isError && <ProblemAlert error={sign.error} title="Note not signed" />}
          </Stack>
        </form>
      )}
    </Card>
  );
}
