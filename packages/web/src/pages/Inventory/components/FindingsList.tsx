import type { LedgerFinding } from '@glia/contracts';
import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';

/** Findings of the clinical core, each with its rule number. */
export function FindingsList({ findings, title }: { findings: readonly LedgerFinding[]; title: string }): React.JSX.Element | null {
  if (findings.length === 0) return null;
  const blocking = findings.some((f) => f.severity === 'block');
  const color = blocking ? 'red' : findings.some((f) => f.severity === 'warning') ? 'orange' : 'blue';
  return (
    <Alert color={color} variant="light" title={title} icon={blocking || color === 'orange' ? <IconAlertTriangle aria-hidden /> : <IconInfoCircle aria-hidden />}>
      <List size="sm" spacing={4}>
        {findings.map((f) => (
          <List.Item key={`${f.code}:${f.message}`}>
            {f.message} <Text span size="xs" c="dimmed">(rule {f.rule})</Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
