import { INSTRUMENTS, safetyAlertsFor, scoreInstrument } from '@glia/clinical';
import type { InstrumentDefinition, InstrumentId, InstrumentScore, ItemResponse } from '@glia/clinical';
import { Alert, Badge, Button, Group, Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useCreateAssessment } from '../../../../api/intake/intake-mutations.ts';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';

const NOT_ASKED = 'not-asked';

/** The band's words from the instrument definition (or the C-SSRS risk level). */
export function bandLabel(def: InstrumentDefinition, band: string | null): string | null {
  if (band === null) return null;
  return def.bands?.bands.find((b) => b.code === band)?.label ?? def.levels?.find((l) => l.code === band)?.label ?? band;
}

/** The yes/no flags of a score, by name (null = the item was not answered). */
export function scoreFlags(score: InstrumentScore | Record<string, unknown>): [string, boolean | null][] {
  const names: Record<string, string> = {
    suicideRisk: 'Suicide item positive', selfHarmFlag: 'Self-harm item positive', suicideItemNonzero: 'Suicide item above 0', suicideItemEscalation: 'Suicide item at escalation level',
    provisionalDiagnosis: 'Provisional PTSD diagnosis', skipLogicViolation: 'Answers outside the skip logic', recencyUnknown: 'Recency of behaviour unknown',
  };
  return Object.entries(score).filter(([k, v]) => k in names && (typeof v === 'boolean' || v === null)).map(([k, v]) => [names[k]!, v as boolean | null]);
}

interface ScaleFormProps {
  patientId: string;
  instrument: InstrumentId;
  onSaved: () => void;
}

/**
 * Entry form built from the instrument's definition in the clinical core: full item wording only
 * where the licence allows (instruments.md §5), numbers and short labels otherwise. The score,
 * band and safety flags are computed as the answers are given, by the same scorer the server uses.
 */
export function ScaleForm({ patientId, instrument, onSaved }: ScaleFormProps): React.JSX.Element {
  const def = INSTRUMENTS[instrument] as InstrumentDefinition;
  const [answers, setAnswers] = useState<ItemResponse[]>(() => def.items.map(() => null));
  const create = useCreateAssessment(patientId);
  const score = scoreInstrument(instrument, answers) as InstrumentScore;
  const alerts = safetyAlertsFor(score, answers);
  const answered = answers.filter((a) => a !== null).length;

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    create.mutate({ instrument, responses: answers, context: 'intake' }, {
      onSuccess: (saved) => {
        notifications.show({ color: saved.alerts.length > 0 ? 'red' : 'green', title: `${instrument} saved`, message: saved.alerts.length > 0 ? 'A suicide-risk alert went to the primary clinician.' : `Total ${saved.total ?? '—'}` });
        setAnswers(def.items.map(() => null));
        onSaved();
      },
    });
  };

  return (
    <form aria-label={`${def.name} entry`} onSubmit={submit}>
      <Stack gap="md">
        {def.stem && <Text fw={600}>{def.stem}</Text>}
        {def.licence.class !== 'full-text' && <Text size="sm" c="dimmed">Item numbers and short labels only: use the clinic's licensed form for the wording ({def.licence.note})</Text>}
        {def.items.map((item, index) => {
          const label = `${item.tag ?? item.number}. ${item.text ?? item.shortLabel}`;
          const value = answers[index];
          return (
            <Radio.Group
              key={item.number}
              label={label}
              description={item.skipNote}
              value={value === null ? (item.skipNote ? NOT_ASKED : '') : String(value)}
              onChange={(v) => setAnswers((prev) => prev.map((p, i) => (i === index ? (v === NOT_ASKED ? null : Number(v)) : p)))}
            >
              <Group gap="md" mt={6} wrap="wrap">
                {item.options.map((o) => <Radio key={o.value} value={String(o.value)} label={o.text ?? o.label} />)}
                {item.skipNote && <Radio value={NOT_ASKED} label="Not asked" />}
              </Group>
            </Radio.Group>
          );
        })}
        <Paper withBorder p="md" radius="md" bg="gray.0" role="status" aria-live="polite" aria-label="Score">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Text><Text span c="dimmed" inherit>Total: </Text><Text span fw={700} inherit>{score.total ?? (def.totalRange ? '—' : 'no total')}</Text>{def.totalRange && ` of ${def.totalRange.max}`}</Text>
            <Text><Text span c="dimmed" inherit>{def.levels ? 'Risk level' : 'Band'}: </Text><Text span fw={700} inherit>{bandLabel(def, score.band) ?? '—'}</Text></Text>
            <Text><Text span c="dimmed" inherit>Answered: </Text>{answered} of {def.items.length}{!score.complete && score.missingItems.length > 0 ? ` (missing ${score.missingItems.join(', ')})` : ''}</Text>
          </SimpleGrid>
          <Group gap={4} mt="xs">
            {scoreFlags(score).map(([name, v]) => <Badge key={name} color={v ? 'red' : 'gray'} variant="light" tt="none">{name}: {v === null ? 'not answered' : v ? 'yes' : 'no'}</Badge>)}
          </Group>
        </Paper>
        {alerts.length > 0 && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="Suicide-risk alert">
            {alerts.map((a) => <Text key={a.code} size="sm">{a.message} Saving sends a {a.priority} alert to the primary clinician.</Text>)}
          </Alert>
        )}
        {create.error && <ProblemAlert error={create.error} title={`${instrument} was not saved`} />}
        <Group><Button type="submit" loading={create.isPending}>Save {instrument}</Button></Group>
      </Stack>
    </form>
  );
}
