import type { Lot } from '@glia/contracts';
import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../../lib/clinic-time.ts';
import { fixed2 } from '../inventory-format.ts';
import { ExpiryBadge } from './ExpiryBadge.tsx';

/** Stock on hand by lot and location, with the first-expiry-first-out suggestion. */
export function StockTable({ lots }: { lots: Lot[] }): React.JSX.Element {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table aria-label="Stock by lot and location" withTableBorder bg="white" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Product</Table.Th>
            <Table.Th scope="col">Lot</Table.Th>
            <Table.Th scope="col">Expires</Table.Th>
            <Table.Th scope="col">Location</Table.Th>
            <Table.Th scope="col" ta="right">On hand (mL)</Table.Th>
            <Table.Th scope="col" ta="right">On hand (mg)</Table.Th>
            <Table.Th scope="col" ta="right">Drawn, not yet given (mL)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lots.flatMap((lot) => {
            const places = lot.locations.length > 0 ? lot.locations : [{ locationId: 'none', locationName: '—', balanceMl: 0, balanceMg: 0, drawnUnaccountedMl: 0 }];
            return places.map((place, i) => (
              <Table.Tr key={`${lot.id}:${place.locationId}`}>
                {i === 0 && (
                  <>
                    <Table.Td rowSpan={places.length}>
                      <Text size="sm">{lot.productName}</Text>
                      <Text size="xs" c="dimmed">NDC {lot.ndc} · C-{lot.schedule}</Text>
                    </Table.Td>
                    <Table.Td rowSpan={places.length}>
                      <Stack gap={4} align="flex-start">
                        <Anchor component={Link} to={`/inventory/lots/${lot.id}`} fw={600} ff="monospace">{lot.lotNumber}</Anchor>
                        {lot.suggested && <Badge size="sm" variant="light" color="teal">Use first</Badge>}
                      </Stack>
                    </Table.Td>
                    <Table.Td rowSpan={places.length}>
                      <Group gap={6}>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatCalendarDate(lot.expiresOn)}</Text>
                        <ExpiryBadge lot={lot} />
                      </Group>
                    </Table.Td>
                  </>
                )}
                <Table.Td>{place.locationName}</Table.Td>
                <Table.Td ta="right" ff="monospace">{fixed2(place.balanceMl)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{fixed2(place.balanceMg)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{place.drawnUnaccountedMl > 0 ? fixed2(place.drawnUnaccountedMl) : '–'}</Table.Td>
              </Table.Tr>
            ));
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
