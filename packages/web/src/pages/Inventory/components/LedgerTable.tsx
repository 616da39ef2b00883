import type { LedgerEntry } from '@glia/contracts';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { formatInstantCompact } from '../../../lib/clinic-time.ts';
import { fixed2, kindLabel, signed } from '../inventory-format.ts';

interface LedgerTableProps {
  entries: LedgerEntry[];
  timeZone: string;
  onOpenRecord: (drawId: string) => void;
  onReverse: (entry: LedgerEntry) => void;
}

function note(e: LedgerEntry): string {
  const parts = [e.reference, e.reason];
  if (e.kind === 'return') parts.push(`${String(e.details.route ?? '')} → ${String(e.details.recipient ?? '')}`);
  if (e.kind === 'loss' && e.details.lossKind) parts.push(String(e.details.lossKind));
  if (e.sessionId) parts.push(`session ${e.sessionId.slice(0, 8)}`);
  return parts.filter(Boolean).join(' · ');
}

/** Every entry of the lot, oldest first, with the balance at its location after it. Nothing here can be edited. */
export function LedgerTable({ entries, timeZone, onOpenRecord, onReverse }: LedgerTableProps): React.JSX.Element {
  return (
    <Table.ScrollContainer minWidth={1080}>
      <Table aria-label="Ledger entries" withTableBorder bg="white" fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">No.</Table.Th>
            <Table.Th scope="col">When (clinic time)</Table.Th>
            <Table.Th scope="col">Movement</Table.Th>
            <Table.Th scope="col">Location</Table.Th>
            <Table.Th scope="col" ta="right">Stock mL</Table.Th>
            <Table.Th scope="col" ta="right">Drawn mL</Table.Th>
            <Table.Th scope="col" ta="right">mg</Table.Th>
            <Table.Th scope="col" ta="right">Stock here after</Table.Th>
            <Table.Th scope="col">By</Table.Th>
            <Table.Th scope="col">Witness / verifier</Table.Th>
            <Table.Th scope="col">Note</Table.Th>
            <Table.Th scope="col"><Text span size="sm" fw={700}>Actions</Text></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id} c={e.reversedByEntryId ? 'dimmed' : undefined}>
              <Table.Td ff="monospace">{e.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstantCompact(e.occurredAt, timeZone).slice(0, 16)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {kindLabel(e)}
                  {e.reversedByEntryId && <Badge size="xs" color="gray">reversed</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{e.locationName}</Table.Td>
              <Table.Td ta="right" ff="monospace">{signed(e.stockChangeMl)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{signed(e.drawnChangeMl)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{fixed2(e.quantityMg)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{fixed2(e.stockAfterMl)}</Table.Td>
              <Table.Td>{e.user.displayName}</Table.Td>
              <Table.Td>{e.witness?.displayName ?? ''}</Table.Td>
              <Table.Td maw={220}>{note(e)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {e.kind === 'draw' && (
                    <Button size="compact-xs" variant="light" onClick={() => onOpenRecord(e.id)} aria-label={`Open the record of draw ${e.seq}`}>Record</Button>
                  )}
                  {e.kind !== 'reversal' && !e.reversedByEntryId && (
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onReverse(e)} aria-label={`Reverse entry ${e.seq}`}>Reverse</Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
