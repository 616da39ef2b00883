import type { ClinicianOption } from '@glia/contracts';
import { Fieldset, NativeSelect } from '@mantine/core';
import type { PatientForm } from './PatientFormFields.tsx';

interface ClinicianFieldsetProps {
  form: PatientForm;
  options: ClinicianOption[];
  loading: boolean;
  error: string | null;
}

export function ClinicianFieldset({ form, options, loading, error }: ClinicianFieldsetProps): React.JSX.Element {
  const input = form.getInputProps('primaryClinicianId');
  const current = form.values.primaryClinicianId;
  const data = [
    { value: '', label: loading ? 'Loading clinicians…' : 'No primary clinician yet' },
    ...options.map((c) => ({ value: c.id, label: c.displayName })),
  ];
  // Keep a clinician who is no longer listed (e.g. deactivated) visible rather than silently dropping them.
  if (current && !options.some((c) => c.id === current) && !loading) {
    data.push({ value: current, label: 'Current clinician (no longer listed)' });
  }
  return (
    <Fieldset legend="Care team" radius="md">
      <NativeSelect
        label="Primary clinician"
        maw={480}
        data={data}
        disabled={loading}
        {...input}
        error={input.error ?? error}
      />
    </Fieldset>
  );
}
