import type { FieldError } from '@glia/contracts';

/**
 * Maps the server's 400 `errors[]` back onto form fields. The server names fields by their
 * path in the request ("body.address.city" or "address.city"); fields the form does not have
 * are returned so the caller can show them in the page-level alert.
 */
export function splitServerFieldErrors(
  errors: readonly FieldError[],
  formFields: ReadonlySet<string>,
): { onFields: Record<string, string>; unmatched: FieldError[] } {
  const onFields: Record<string, string> = {};
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const path = error.field.replace(/^body\./, '');
    if (formFields.has(path)) {
      const reason = error.reason.trim();
      onFields[path] = reason.charAt(0).toUpperCase() + reason.slice(1);
    } else {
      unmatched.push(error);
    }
  }
  return { onFields, unmatched };
}

/** Every dotted leaf path of a form's values, e.g. "address.city". */
export function leafPaths(values: object, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(values)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const p of leafPaths(value as object, path)) out.add(p);
    } else {
      out.add(path);
    }
  }
  return out;
}
