import type { FieldError, Problem } from '@glia/contracts';

/** Any failed API call: the server's problem+json, or a synthesised one for network failures. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly problem: Problem;
  /** Method and path of the request, so the 401 handler can tell a failed login from an expired session. */
  readonly request: string;
  /**
   * Members of the problem beyond the contract's Problem (RFC 9457 extensions), e.g. the
   * `duplicates` of a 409 on patient registration. Unchecked: parse with a contract schema.
   */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(problem: Problem, request: string, extensions: Record<string, unknown> = {}) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.problem = problem;
    this.request = request;
    this.extensions = extensions;
  }

  get code(): Problem['code'] {
    return this.problem.code;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Status 0: the request never got an answer from the server. */
export const NETWORK_STATUS = 0;

/** A sentence for staff: the server's detail when it gave one, else its title. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.problem.detail ?? error.problem.title;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
