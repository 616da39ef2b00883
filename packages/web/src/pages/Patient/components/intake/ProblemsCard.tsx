import { validateIcd10Code } from '@glia/clinical';
import type { FieldError, ProblemEntry } from '@glia/contracts';
import { Autocomplete, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAddProblem, useSetProblemStatus } from '../../../../api/intake/intake-mutations.ts';
import { useIcd10Search } from '../../../../api/intake/intake-queries.ts';
import { ChartSection } from '../../../../components/ChartSection/ChartSection.tsx';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { INDICATION_LABELS } from '../../../../lib/intake-labels.ts';

const codeOf = (text: string): string => text.trim().split(/\s+/)[0] ?? '';

/** The problem list: ICD-10-CM codes from Glia's searchable list, or any valid code with its description. */
export function ProblemsCard({ patientId, problems }: { patientId: string; problems: ProblemEntry[] }): React.JSX.Element {
  const [text, setText] = useState('');
  const [description, setDescription] = useState('');
  const [indication, setIndication] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [unmatched, setUnmatched] = useState<FieldError[] | null>(null);
  const [debounced] = useDebouncedValue(text, 200);
  const search = useIcd10Search(debounced);
  const add = useAddProblem(patientId);
  const setStatus = useSetProblemStatus(patientId);
  const code = codeOf(text);
  const check = code ? validateIcd10Code(code) : null;
  const unlisted = check?.status === 'valid-not-listed';
  const codeError = check?.status === 'invalid' ? `Not a valid ICD-10-CM code: ${check.reason}` : undefined;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!code) local.code = 'Required';
    else if (codeError) local.code = codeError;
    if (unlisted && !description.trim()) local.description = `Required for a code outside Glia's list`;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setUnmatched(null);
    add.mutate(
      { code, ...(unlisted ? { description: description.trim(), indication: (indication || null) as never } : {}) },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'green', title: 'Diagnosis added', message: `${p.code} ${p.description}` });
          setText('');
          setDescription('');
          setIndication('');
        },
        onError: (error) => {
          const fields = error.fieldErrors;
          setErrors(Object.fromEntries(fields.filter((f) => ['code', 'description', 'indication'].includes(f.field)).map((f) => [f.field, f.reason])));
          setUnmatched(fields.filter((f) => !['code', 'description', 'indication'].includes(f.field)));
        },
      },
    );
  };

  return (
    <ChartSection title="Problem list (ICD-10-CM)" description="Rule 1 needs a qualifying diagnosis; codes with psychotic features or active substance use inform rules 3 and 5.">
      <Stack gap="md">
        {problems.length === 0 ? (
          <Text c="dimmed">No diagnosis recorded.</Text>
        ) : (
          <Table aria-label="Problem list" withTableBorder>
            <Table.Thead>
              <Table.Tr><Table.Th>Code</Table.Th><Table.Th>Description</Table.Th><Table.Th>Indication</Table.Th><Table.Th>Status</Table.Th><Table.Th /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((p) => (
                <Table.Tr key={p.id} c={p.status === 'resolved' ? 'dimmed' : undefined}>
                  <Table.Td ff="monospace" fw={600}>{p.code}</Table.Td>
                  <Table.Td>{p.description}{!p.inCuratedList && <Badge ml="xs" size="xs" variant="outline" tt="none">not in Glia's list</Badge>}</Table.Td>
                  <Table.Td>{p.indication ? INDICATION_LABELS[p.indication] : '—'}</Table.Td>
                  <Table.Td>{p.status === 'active' ? 'Active' : 'Resolved'}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" loading={setStatus.isPending && setStatus.variables?.problemId === p.id}
                      onClick={() => setStatus.mutate({ problemId: p.id, status: p.status === 'active' ? 'resolved' : 'active' })}>
                      {p.status === 'active' ? `Resolve ${p.code}` : `Reactivate ${p.code}`}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form aria-label="Add a diagnosis" onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Autocomplete
              label="ICD-10-CM code"
              description="Type a code (F33.2) or words (postpartum, PTSD, migraine) and pick from the list; any valid code can be entered."
              value={text}
              onChange={(v) => { setText(v); setErrors({}); }}
              data={(search.data ?? []).map((c) => `${c.code} ${c.description}`)}
              limit={30}
              error={errors.code ?? codeError}
              required
            />
            {unlisted && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label="Description" required value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} />
                <NativeSelect label="Indication (for rule 1)" value={indication} onChange={(e) => setIndication(e.currentTarget.value)} error={errors.indication}
                  data={[{ value: '', label: 'None' }, ...Object.entries(INDICATION_LABELS).map(([value, label]) => ({ value, label }))]} />
              </SimpleGrid>
            )}
            {add.error && unmatched && unmatched.length > 0 && <ProblemAlert error={add.error} fields={unmatched} />}
            {add.error && add.error.status !== 400 && <ProblemAlert error={add.error} title="The diagnosis was not added" />}
            <Group><Button type="submit" loading={add.isPending}>Add diagnosis</Button></Group>
          </Stack>
        </form>
      </Stack>
    </ChartSection>
  );
}
