import { useDocumentTitle } from '@mantine/hooks';
import { useClinicSettings } from '../../api/clinic/clinic-queries.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { ClinicSettingsForm } from './components/ClinicSettingsForm.tsx';
import { ClinicSettingsSkeleton } from './components/ClinicSettingsSkeleton.tsx';
import { SecuritySettingsForm } from './components/SecuritySettingsForm.tsx';

export function ClinicSettingsPage(): React.JSX.Element {
  useDocumentTitle('Clinic settings · Glia');
  const settings = useClinicSettings();
  return (
    <>
      <PageHeader title="Clinic settings" description="The clinic's name and the time zone every time in Glia is shown in." />
      {settings.isPending ? (
        <ClinicSettingsSkeleton />
      ) : settings.isError ? (
        <QueryErrorState error={settings.error} what="clinic settings" onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <ClinicSettingsForm key={settings.data.updatedAt} settings={settings.data} />
          <SecuritySettingsForm key={`security-${settings.data.updatedAt}`} settings={settings.data} />
        </>
      )}
    </>
  );
}
