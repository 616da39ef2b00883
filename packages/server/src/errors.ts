/**
 * One small family of errors with a stable code. The error handler turns them
 * into application/problem+json with the failing fields and, for clinical
 * blocks, the rule number of clinical.md §15.
 */
import type { FieldError, Problem } from '@glia/contracts';

export type ErrorCode = Problem['code'];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly rule: number | undefined;
  /** Extra machine-readable data returned with the problem (e.g. the conflicting record). */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    status: number,
    message: string,
    opts: { errors?: FieldError[]; rule?: number; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.errors = opts.errors;
    this.rule = opts.rule;
    this.extra = opts.extra;
  }
}

export const badRequest = (message: string, errors?: FieldError[]): AppError =>
  new AppError('VALIDATION', 400, message, errors ? { errors } : {});

/** A single-field validation problem. */
export const invalidField = (field: string, reason: string): AppError =>
  badRequest(`${field} ${reason}`, [{ field, reason }]);

export const unauthenticated = (message = 'Sign in to continue.'): AppError => new AppError('UNAUTHENTICATED', 401, message);

export const forbidden = (message = 'Your role does not allow this action.'): AppError => new AppError('FORBIDDEN', 403, message);

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', 404, `${what} was not found.`);

export const conflict = (message: string, extra?: Record<string, unknown>, errors?: FieldError[]): AppError =>
  new AppError('CONFLICT', 409, message, { ...(extra ? { extra } : {}), ...(errors ? { errors } : {}) });

/** A clinical rule blocks the action (clinical.md §15); needs a documented override. */
export const ruleBlocked = (rule: number, message: string, extra?: Record<string, unknown>): AppError =>
  new AppError('RULE_BLOCKED', 422, message, { rule, ...(extra ? { extra } : {}) });

export const unprocessable = (message: string, errors?: FieldError[]): AppError =>
  new AppError('UNPROCESSABLE', 422, message, errors ? { errors } : {});
