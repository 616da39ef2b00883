import { useDocumentTitle } from '@mantine/hooks';
import type { Area } from '../../app/areas.ts';
import { NotAvailableYet } from '../../components/NotAvailableYet/NotAvailableYet.tsx';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';

/** An area of Glia that later versions add: says what will be here, shows nothing invented. */
export function PlannedAreaPage({ area }: { area: Area }): React.JSX.Element {
  useDocumentTitle(`${area.label} · Glia`);
  return (
    <>
      <PageHeader title={area.label} />
      <NotAvailableYet icon={area.icon} title={`${area.label} is not available yet`} description={area.planned ?? ''} />
    </>
  );
}
