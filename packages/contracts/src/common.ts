import { z } from 'zod';

/** Staff roles. A user may hold several. */
export const ROLES = ['admin', 'medical-director', 'prescriber', 'nurse', 'front-desk', 'billing'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Uuid = z.uuid({ message: 'must be a UUID' });

/** A calendar date, YYYY-MM-DD, that really exists (no 2023-02-30). */
export const CalendarDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

/** An instant, ISO-8601 with an offset or Z. */
export const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time with a time zone offset' });

/** One field-level problem in a request. */
export const FieldError = z.object({
  field: z.string().describe('Dotted path of the offending field, e.g. "birthDate" or "query.q".'),
  reason: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/**
 * Every error response is RFC 9457 problem+json with a stable `code`, the failing
 * fields and, for clinical blocks, the rule number of clinical.md §15.
 */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(['VALIDATION', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RULE_BLOCKED', 'UNPROCESSABLE', 'RATE_LIMITED', 'INTERNAL']),
  detail: z.string().optional(),
  errors: z.array(FieldError).optional(),
  rule: z.number().int().optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Phone numbers: digits with optional +, spaces, dots, dashes and parentheses; 7 to 15 digits. */
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]+$/, { message: 'may contain only digits, spaces, +, -, . and parentheses' })
  .refine((v) => {
    const digits = v.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  }, { message: 'must have between 7 and 15 digits' });

export const Email = z.email({ message: 'must be a valid e-mail address' }).max(254);

/** Text fields: trimmed, non-empty, bounded. */
export const Text = (max: number): z.ZodString => z.string().trim().min(1, { message: 'must not be empty' }).max(max, { message: `must be at most ${max} characters` });
