import { AuditQuery, Uuid } from '@glia/contracts';
import type { AuditFilters } from '../../api/audit/audit-keys.ts';
import { nextCalendarDate, zonedWallTimeToInstant } from '../../lib/clinic-time.ts';
import { fieldMessage } from '../../lib/forms/schema-errors.ts';

/** The filters as typed by the user and kept in the URL: dates are clinic-time calendar days. */
export interface AuditFilterValues {
  userId: string;
  patientId: string;
  action: string;
  fromDate: string;
  toDate: string;
}

const KEYS = ['userId', 'patientId', 'action', 'fromDate', 'toDate'] as const;

export function filterValuesFromParams(params: URLSearchParams): AuditFilterValues {
  const get = (key: (typeof KEYS)[number]): string => params.get(key) ?? '';
  return { userId: get('userId'), patientId: get('patientId'), action: get('action'), fromDate: get('fromDate'), toDate: get('toDate') };
}

export function filterValuesToParams(values: AuditFilterValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of KEYS) {
    const value = values[key].trim();
    if (value) out[key] = value;
  }
  return out;
}

/** Field errors, checked with the same rules the server applies to the query. */
export function validateFilterValues(values: AuditFilterValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const uuidFields = ['userId', 'patientId'] as const;
  for (const field of uuidFields) {
    const value = values[field].trim();
    if (!value) continue;
    const parsed = Uuid.safeParse(value);
    if (!parsed.success && parsed.error.issues[0]) errors[field] = fieldMessage(parsed.error.issues[0]);
  }
  const action = values.action.trim();
  if (action) {
    const parsed = AuditQuery.shape.action.safeParse(action);
    if (!parsed.success && parsed.error.issues[0]) errors.action = fieldMessage(parsed.error.issues[0]);
  }
  if (values.fromDate && values.toDate && values.fromDate > values.toDate) errors.toDate = 'Must be on or after the “from” date';
  return errors;
}

/**
 * The API filters: calendar days in the clinic's zone become UTC instants, from the start of
 * the "from" day to the last millisecond of the "to" day (the server's range is inclusive).
 */
export function toApiFilters(values: AuditFilterValues, timeZone: string): AuditFilters {
  const errors = validateFilterValues(values);
  const pick = (key: keyof AuditFilterValues): string | undefined => (errors[key] ? undefined : values[key].trim() || undefined);
  const fromDate = pick('fromDate');
  const toDate = pick('toDate');
  const dayAfterTo = toDate ? nextCalendarDate(toDate) : null;
  const startOfDayAfter = dayAfterTo ? zonedWallTimeToInstant(dayAfterTo, '00:00', timeZone) : null;
  return {
    userId: pick('userId'),
    patientId: pick('patientId'),
    action: pick('action'),
    from: fromDate ? (zonedWallTimeToInstant(fromDate, '00:00', timeZone) ?? undefined) : undefined,
    to: startOfDayAfter ? new Date(Date.parse(startOfDayAfter) - 1).toISOString() : undefined,
  };
}
