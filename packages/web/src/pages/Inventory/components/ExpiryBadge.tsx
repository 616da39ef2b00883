import type { Lot } from '@glia/contracts';
import { Badge } from '@mantine/core';
import { expiryText } from '../inventory-format.ts';

export function ExpiryBadge({ lot }: { lot: Pick<Lot, 'expiryStatus' | 'daysToExpiry'> }): React.JSX.Element | null {
  if (lot.expiryStatus === 'in-date') return null;
  return (
    <Badge color={lot.expiryStatus === 'expired' ? 'red' : 'orange'} variant="light">
      {expiryText(lot)}
    </Badge>
  );
}
