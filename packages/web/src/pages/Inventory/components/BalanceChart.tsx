import '@mantine/charts/styles.css';
import type { LedgerEntry } from '@glia/contracts';
import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { formatInstantCompact } from '../../../lib/clinic-time.ts';

/** Stock on hand after each entry, summed in hundredths of a mL so no float drift shows. */
function runningStock(entries: readonly LedgerEntry[]): number[] {
  const out: number[] = [];
  for (const e of entries) out.push(((out.length > 0 ? Math.round(out[out.length - 1]! * 100) : 0) + Math.round(e.stockChangeMl * 100)) / 100);
  return out;
}

/** The lot's stock on hand (all locations) after each movement, over time. */
export function BalanceChart({ entries, timeZone }: { entries: LedgerEntry[]; timeZone: string }): React.JSX.Element {
  const points = runningStock(entries).map((stockMl, i) => ({ at: formatInstantCompact(entries[i]!.occurredAt, timeZone).slice(0, 16), stockMl }));
  // Movements at the same minute (the two legs of a transfer) show as one point: their net effect.
  const data = points.filter((p, i) => points[i + 1]?.at !== p.at);
  if (data.length < 2) return <Text size="sm" c="dimmed">The stock chart appears once the lot has more than one movement.</Text>;
  return (
    <LineChart
      h={220}
      data={data}
      dataKey="at"
      series={[{ name: 'stockMl', label: 'Stock on hand (mL)', color: 'indigo.6' }]}
      curveType="stepAfter"
      withDots={false}
      yAxisLabel="mL"
      valueFormatter={(v) => v.toFixed(2)}
      aria-label="Stock on hand over time"
    />
  );
}
