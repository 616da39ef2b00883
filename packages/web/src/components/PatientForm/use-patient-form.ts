import { useForm } from '@mantine/form';
import type { PatientForm } from './PatientFormFields.tsx';
import { validatePatientForm } from './patient-form-values.ts';
import type { PatientFormValues } from './patient-form-values.ts';

/** The patient form, validated as the user types with the contracts' own schema. */
export function usePatientForm(initialValues: PatientFormValues): PatientForm {
  return useForm<PatientFormValues>({
    mode: 'controlled',
    initialValues,
    validate: validatePatientForm,
    validateInputOnChange: true,
    validateInputOnBlur: true,
  });
}
