/** The parts of a Zod issue the forms use. */
interface Issue {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  /** Present when parsed with `reportInput: true`. */
  input?: unknown;
}

interface SafeParser {
  safeParse(value: unknown, params?: { reportInput?: boolean }): { success: true } | { success: false; error: { issues: ReadonlyArray<Issue> } };
}

/** Turns a contract message ("must not be empty") into a sentence under the field ("Must not be empty"). */
export function fieldMessage(issue: Issue): string {
  const missing = 'input' in issue ? issue.input === undefined || issue.input === null : /received (undefined|null)$/.test(issue.message);
  if (issue.code === 'invalid_type' && missing) return 'Required';
  if (issue.code === 'invalid_value') return 'Choose one of the options';
  const text = issue.message.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Validates a request body with a contract schema and returns Mantine form errors keyed by the
 * dotted path of each field ("address.city"), first message per field.
 */
export function schemaFormErrors(schema: SafeParser, body: unknown): Record<string, string> {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (path && !(path in errors)) errors[path] = fieldMessage(issue);
  }
  return errors;
}

/** Empty text means "not given": undefined for required fields (so the message is "Required"). */
export function requiredText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Empty text means "not given": null for optional fields (so a PATCH can clear them). */
export function optionalText(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
