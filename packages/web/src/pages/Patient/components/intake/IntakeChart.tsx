import type { Patient } from '@glia/contracts';
import { Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useIntakeCan } from '../../../../api/intake/intake-roles.ts';
import { ConsentSection } from './ConsentSection.tsx';
import { EligibilitySection } from './EligibilitySection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { IntakeSection } from './IntakeSection.tsx';
import { ScalesSection } from './ScalesSection.tsx';

const TABS = ['intake', 'history', 'scales', 'eligibility', 'consent'] as const;
type Tab = (typeof TABS)[number];

/**
 * The first half of the patient's path, as tabs of the chart: intake and referral, history,
 * baseline scales, the eligibility decision and informed consent. The open tab is in the URL.
 */
export function IntakeChart({ patient }: { patient: Patient }): React.JSX.Element | null {
  const canDesk = useIntakeCan('desk');
  const canClinical = useIntakeCan('clinical');
  const [params, setParams] = useSearchParams();
  if (!canDesk) return null;
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) && (canClinical || requested === 'intake') ? requested : 'intake';
  const select = (value: string | null): void => {
    const next = new URLSearchParams(params);
    next.set('tab', value ?? 'intake');
    setParams(next, { replace: true });
  };
  return (
    <Tabs value={tab} onChange={select} keepMounted={false} variant="outline" radius="md">
      <Tabs.List aria-label="Intake, eligibility and consent">
        <Tabs.Tab value="intake">Intake</Tabs.Tab>
        {canClinical && <Tabs.Tab value="history">History</Tabs.Tab>}
        {canClinical && <Tabs.Tab value="scales">Scales</Tabs.Tab>}
        {canClinical && <Tabs.Tab value="eligibility">Eligibility</Tabs.Tab>}
        {canClinical && <Tabs.Tab value="consent">Consent</Tabs.Tab>}
      </Tabs.List>
      <Tabs.Panel value="intake" pt="md"><IntakeSection patientId={patient.id} /></Tabs.Panel>
      {canClinical && <Tabs.Panel value="history" pt="md"><HistorySection patientId={patient.id} /></Tabs.Panel>}
      {canClinical && <Tabs.Panel value="scales" pt="md"><ScalesSection patientId={patient.id} /></Tabs.Panel>}
      {canClinical && <Tabs.Panel value="eligibility" pt="md"><EligibilitySection patientId={patient.id} /></Tabs.Panel>}
      {canClinical && <Tabs.Panel value="consent" pt="md"><ConsentSection patient={patient} /></Tabs.Panel>}
    </Tabs>
  );
}
