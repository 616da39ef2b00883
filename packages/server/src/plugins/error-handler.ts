/**
 * Turns every error into application/problem+json. Validation errors list every
 * failing field; unknown errors become a 500 with the request id and nothing
 * internal (no stack, no SQL).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { FieldError, Problem } from '@glia/contracts';
import { AppError } from '../errors.ts';

const TITLES: Record<Problem['code'], string> = {
  VALIDATION: 'Invalid request',
  UNAUTHENTICATED: 'Not signed in',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  RULE_BLOCKED: 'Blocked by a clinical rule',
  UNPROCESSABLE: 'Cannot be processed',
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'Internal error',
};

function send(reply: FastifyReply, request: FastifyRequest, problem: Omit<Problem, 'type' | 'title' | 'requestId'> & Record<string, unknown>): FastifyReply {
  const body = {
    type: `https://glia.local/problems/${problem.code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[problem.code],
    ...problem,
    requestId: request.id,
  };
  return reply.status(problem.status).type('application/problem+json').send(body);
}

/** Where the request validation failed: body, querystring, params or headers. */
function locationPrefix(context: string | undefined): string {
  switch (context) {
    case 'querystring':
      return 'query.';
    case 'params':
      return 'params.';
    case 'headers':
      return 'headers.';
    default:
      return '';
  }
}

function zodFieldErrors(error: FastifyError & { validation: unknown[]; validationContext?: string }): FieldError[] {
  const prefix = locationPrefix(error.validationContext);
  return error.validation.flatMap((raw) => {
    const issue = raw as { keyword?: string; instancePath?: string; message?: string; params?: { keys?: string[] } };
    const path = (issue.instancePath ?? '').replace(/^\//, '').split('/').filter(Boolean).join('.');
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys?.length) {
      return issue.params.keys.map((key) => ({ field: prefix + [path, key].filter(Boolean).join('.'), reason: 'is not a known field' }));
    }
    return [{ field: path ? prefix + path : prefix ? prefix.slice(0, -1) : 'body', reason: issue.message ?? 'is invalid' }];
  });
}

/** Database errors that are the client's doing, by SQLSTATE. Values are never echoed back. */
const PG_ERRORS: Record<string, { code: Problem['code']; status: number; detail: string }> = {
  '23505': { code: 'CONFLICT', status: 409, detail: 'This would duplicate an existing record' },
  '23P01': { code: 'CONFLICT', status: 409, detail: 'This overlaps an existing booking or record' },
  '23503': { code: 'CONFLICT', status: 409, detail: 'This refers to a record that does not exist or is still in use' },
  '23514': { code: 'UNPROCESSABLE', status: 422, detail: 'A database rule refused this value' },
  '40001': { code: 'CONFLICT', status: 409, detail: 'A concurrent change got there first; try again' },
  '40P01': { code: 'CONFLICT', status: 409, detail: 'A concurrent change got there first; try again' },
  '42501': { code: 'FORBIDDEN', status: 403, detail: 'This record cannot be changed' },
  '22P02': { code: 'VALIDATION', status: 400, detail: 'A value has the wrong format' },
  '22007': { code: 'VALIDATION', status: 400, detail: 'A date or time has the wrong format' },
  '22008': { code: 'VALIDATION', status: 400, detail: 'A date or time is out of range' },
};

/** Finds a PostgreSQL error (SQLSTATE code) on the error or its causes (Drizzle wraps driver errors). */
function postgresError(error: unknown): { code: string; constraint?: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { code: candidate.code, ...(typeof candidate.constraint === 'string' ? { constraint: candidate.constraint } : {}) };
    }
    current = candidate.cause;
  }
  return null;
}

export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return send(reply, request, {
        code: error.code,
        status: error.status,
        detail: error.message,
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.rule !== undefined ? { rule: error.rule } : {}),
        ...(error.extra ?? {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = zodFieldErrors(error as FastifyError & { validation: unknown[]; validationContext?: string });
      return send(reply, request, {
        code: 'VALIDATION',
        status: 400,
        detail: errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
        errors,
      });
    }
    const pgError = postgresError(error);
    if (pgError) {
      const mapped = PG_ERRORS[pgError.code];
      if (mapped) {
        const constraint = pgError.constraint ? ` (${pgError.constraint})` : '';
        return send(reply, request, { code: mapped.code, status: mapped.status, detail: `${mapped.detail}${constraint}.` });
      }
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: { message: error.message } }, 'response did not match its schema');
      return send(reply, request, { code: 'INTERNAL', status: 500, detail: 'The server could not produce a valid response.' });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return send(reply, request, { code: 'RATE_LIMITED', status, detail: error.message });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const field = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'headers.content-type' : 'body';
      return send(reply, request, { code: 'VALIDATION', status, detail: error.message, errors: [{ field, reason: error.message }] });
    }
    request.log.error({ err: { message: error.message, code: error.code, stack: error.stack } }, 'unhandled error');
    return send(reply, request, { code: 'INTERNAL', status: 500, detail: `Something went wrong. Quote request id ${request.id} when reporting it.` });
  });

});
