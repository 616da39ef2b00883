import type { FieldError } from '@glia/contracts';
import { isApiError } from '../../../../api/api-error.ts';

interface SettableForm {
  values: object;
  setFieldError: (path: string, error: string) => void;
}

/**
 * Puts the server's field errors (400) on the form's own fields; returns those that match no
 * field so the caller can list them in the page alert.
 */
export function applyServerErrors(form: SettableForm, error: unknown, aliases: Record<string, string> = {}): FieldError[] {
  if (!isApiError(error)) return [];
  const unmatched: FieldError[] = [];
  for (const e of error.fieldErrors) {
    const path = aliases[e.field] ?? e.field.replace(/^body\./, '');
    if (path in form.values) form.setFieldError(path, e.reason.charAt(0).toUpperCase() + e.reason.slice(1));
    else unmatched.push(e);
  }
  return unmatched;
}

/** A NumberInput value as a number, or undefined when empty. */
export function numberOrUndefined(value: number | string): number | undefined {
  if (value === '' || value === null) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Empty text → null (optional fields). */
export const textOrNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
