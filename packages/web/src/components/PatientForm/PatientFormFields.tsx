import type { ClinicianOption } from '@glia/contracts';
import { Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { ClinicianFieldset } from './ClinicianFieldset.tsx';
import { ContactFieldset } from './ContactFieldset.tsx';
import { EmergencyContactFieldset } from './EmergencyContactFieldset.tsx';
import { EscortFieldset } from './EscortFieldset.tsx';
import { IdentityFieldset } from './IdentityFieldset.tsx';
import type { PatientFormValues } from './patient-form-values.ts';

export type PatientForm = UseFormReturnType<PatientFormValues>;

interface PatientFormFieldsProps {
  form: PatientForm;
  clinicians: { options: ClinicianOption[]; loading: boolean; error: string | null };
}

/** Every field of a patient's registration, grouped as staff ask for them. Used to register and to edit. */
export function PatientFormFields({ form, clinicians }: PatientFormFieldsProps): React.JSX.Element {
  return (
    <Stack gap="lg">
      <IdentityFieldset form={form} />
      <ContactFieldset form={form} />
      <EmergencyContactFieldset form={form} />
      <EscortFieldset form={form} />
      <ClinicianFieldset form={form} {...clinicians} />
    </Stack>
  );
}
