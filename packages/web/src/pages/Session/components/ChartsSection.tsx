import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SessionDetail } from '@glia/contracts';
import { useClinicTimeZone } from '../../../auth/session-context.ts';

const clock = (iso: string, timeZone: string): string => new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** Vitals over time beside the predicted plasma concentration of the charted pump events. */
export function ChartsSection({ session }: { session: SessionDetail }): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  const vitals = session.readings.filter((r) => r.systolicMmHg !== null || r.heartRateBpm !== null).map((r) => ({
    at: clock(r.takenAt, timeZone), SBP: r.systolicMmHg ?? undefined, DBP: r.diastolicMmHg ?? undefined, HR: r.heartRateBpm ?? undefined,
  }));
  const pk = session.pk.points.map((p) => ({ at: clock(p.at, timeZone), conc: p.concNgPerMl }));
  return (
    <Card withBorder component="section" aria-labelledby="charts-heading">
      <Title order={2} size="h3" id="charts-heading" mb="sm">Vitals and predicted concentration</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap={4}>
          <Text fw={600} size="sm">Vitals</Text>
          {vitals.length < 2 ? <Text size="sm" c="dimmed">The vitals chart appears after two readings.</Text> : (
            <LineChart h={220} data={vitals} dataKey="at" aria-label="Vitals over time" withLegend
              series={[{ name: 'SBP', color: 'red.6' }, { name: 'DBP', color: 'orange.5' }, { name: 'HR', color: 'blue.6' }]} connectNulls />
          )}
        </Stack>
        <Stack gap={4}>
          <Text fw={600} size="sm">Predicted plasma ketamine (ng/mL)</Text>
          {pk.length < 2 ? <Text size="sm" c="dimmed">The curve appears once the pump has started.</Text> : (
            <LineChart h={220} data={pk} dataKey="at" aria-label="Predicted plasma concentration" withDots={false}
              series={[{ name: 'conc', label: 'Predicted ng/mL', color: 'violet.6' }]} valueFormatter={(v) => v.toFixed(0)} />
          )}
          <Text size="xs" c="dimmed" data-testid="pk-label">{session.pk.label}</Text>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
