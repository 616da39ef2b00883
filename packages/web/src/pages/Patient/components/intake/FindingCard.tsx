import type { EligibilityFinding } from '@glia/contracts';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { SEVERITY_LABELS } from '../../../../lib/intake-labels.ts';

const COLOR = { block: 'red', warning: 'orange', info: 'blue' } as const;

const scalar = (v: string | number | boolean | null): string => (v === null ? 'none' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
/** "pregnancyTestOn" → "pregnancy test on". */
const words = (key: string): string => key.replace(/^rule\d+\./, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** One finding of the clinical core: rule, severity, the message, the facts used, the threshold and the sources. */
export function FindingCard({ finding, children }: { finding: EligibilityFinding; children?: ReactNode }): React.JSX.Element {
  return (
    <Paper withBorder radius="md" p="md" style={{ borderLeft: `4px solid var(--mantine-color-${COLOR[finding.severity]}-6)` }} aria-label={`Rule ${finding.rule} ${SEVERITY_LABELS[finding.severity].toLowerCase()}`}>
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={COLOR[finding.severity]} variant="filled" tt="none">{SEVERITY_LABELS[finding.severity]}</Badge>
          <Badge color="gray" variant="light" tt="none">Rule {finding.rule}</Badge>
          <Text size="xs" c="dimmed">Sources: {finding.sources.join(', ') || '—'}</Text>
        </Group>
        <Text>{finding.message}</Text>
        <Text size="sm" c="dimmed">
          Facts: {Object.entries(finding.facts).map(([k, v]) => `${words(k)} ${scalar(v)}`).join(' · ') || '—'}
          {finding.thresholds && Object.keys(finding.thresholds).length > 0 && ` · Threshold: ${Object.entries(finding.thresholds).map(([k, v]) => `${words(k)} ${scalar(v)}`).join(', ')}`}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}
