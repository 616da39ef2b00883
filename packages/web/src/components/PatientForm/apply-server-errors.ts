import type { FieldError } from '@glia/contracts';
import { isApiError } from '../../api/api-error.ts';
import { leafPaths, splitServerFieldErrors } from '../../lib/forms/server-field-errors.ts';
import type { PatientForm } from './PatientFormFields.tsx';

/**
 * Puts a 400's field errors on the fields they name. Returns the errors that match no field
 * (shown in the page alert), or null when the error was not a field validation error.
 */
export function applyServerFieldErrors(form: PatientForm, error: unknown): FieldError[] | null {
  if (!isApiError(error) || error.status !== 400 || error.fieldErrors.length === 0) return null;
  const { onFields, unmatched } = splitServerFieldErrors(error.fieldErrors, leafPaths(form.values));
  form.setErrors({ ...form.errors, ...onFields });
  return unmatched;
}
