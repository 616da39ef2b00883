import { Badge, Group, Stack, Text } from '@mantine/core';
import type { SessionAlert } from '@glia/contracts';
import { SEVERITY_COLOR, SEVERITY_LABEL } from '../../../lib/infusion-labels.ts';

/** Alerts by severity, each with its rule number and the engine's own message. */
export function AlertList({ alerts, action }: { alerts: readonly SessionAlert[]; action?: (alert: SessionAlert) => React.ReactNode }): React.JSX.Element | null {
  if (alerts.length === 0) return null;
  return (
    <Stack gap={6} role="list" aria-label="Alerts">
      {alerts.map((a) => (
        <Group key={a.key} gap="xs" wrap="nowrap" align="flex-start" role="listitem">
          <Badge color={SEVERITY_COLOR[a.severity] ?? 'gray'} variant={a.active ? 'filled' : 'outline'} style={{ flexShrink: 0 }}>
            {SEVERITY_LABEL[a.severity] ?? a.severity}
          </Badge>
          <Stack gap={0} style={{ flex: 1 }}>
            <Text size="sm">
              <Text span fw={700}>Rule {a.rule}</Text> · {a.message}
            </Text>
            <Text size="xs" c="dimmed">
              {a.active ? 'Active' : 'Cleared, not yet acknowledged'}
              {a.escalatedTo ? ` · escalated to ${a.escalatedTo}` : ''}
              {a.acknowledgedBy ? ` · acknowledged by ${a.acknowledgedBy}` : ''}
            </Text>
          </Stack>
          {action?.(a)}
        </Group>
      ))}
    </Stack>
  );
}
