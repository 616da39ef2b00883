import type { UseFormReturnType } from '@mantine/form';
import type { ApiError } from '../../api/api-error.ts';
import { focusFirstError } from '../../lib/forms/focus-first-error.ts';
import { leafPaths, splitServerFieldErrors } from '../../lib/forms/server-field-errors.ts';

/** Puts the server's field errors next to the inputs that have them and focuses the first. */
export function showServerErrors<V extends object>(form: UseFormReturnType<V>, error: ApiError, formElement: HTMLFormElement | null): void {
  const { onFields } = splitServerFieldErrors(error.fieldErrors, leafPaths(form.getValues()));
  form.setErrors(onFields);
  focusFirstError(formElement);
}

/** The server's field errors no input shows, for the alert above the form. */
export function unmatchedServerErrors<V extends object>(form: UseFormReturnType<V>, error: ApiError): ApiError['fieldErrors'] {
  return splitServerFieldErrors(error.fieldErrors, leafPaths(form.getValues())).unmatched;
}
