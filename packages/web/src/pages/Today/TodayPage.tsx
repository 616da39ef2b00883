import { Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArmchair } from '@tabler/icons-react';
import { useIntakeCan } from '../../api/intake/intake-roles.ts';
import { useClinicTimeZone } from '../../auth/session-context.ts';
import { NotAvailableYet } from '../../components/NotAvailableYet/NotAvailableYet.tsx';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { formatInstantDate } from '../../lib/clinic-time.ts';
import { SafetyAlertsSection } from './components/SafetyAlertsSection.tsx';
import { StagesSection } from './components/StagesSection.tsx';

/**
 * The clinician's start page, in sections: open suicide-risk alerts, patients by intake stage,
 * and (with the infusion sessions) the chair board.
 */
export function TodayPage(): React.JSX.Element {
  useDocumentTitle('Today · Glia');
  const timeZone = useClinicTimeZone();
  const clinical = useIntakeCan('clinical');
  return (
    <>
      <PageHeader title="Today" description={formatInstantDate(new Date().toISOString(), timeZone)} />
      <Stack gap="lg">
        {clinical && <SafetyAlertsSection />}
        <StagesSection />
        <NotAvailableYet icon={IconArmchair} title="Chairs and infusions of the day are not available yet" description="Who is booked, who has arrived and which chairs are in use come with infusion sessions." />
      </Stack>
    </>
  );
}
