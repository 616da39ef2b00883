import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, LoginOutcome, LogoutEverywhereResponse, MeResponse, MfaConfirmBody, MfaConfirmResponse, MfaEnrolment, MfaStatus, MfaVerifyBody, PasswordChangeBody } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { unauthenticated } from '../../errors.ts';
import { SESSION_COOKIE, sessionToken } from '../../plugins/authentication.ts';
import { ANY_STAFF, allow, publicRoute } from '../../security/access.ts';
import { securityPolicy } from '../../security/http-policy.ts';
import { buildMe, changePassword, login, logout, logoutEverywhere, type ClientInfo } from './auth-service.ts';
import { completeSecondFactor, confirmEnrolment, mfaStatus, startEnrolment } from './mfa-service.ts';
import { hashToken } from './session-repo.ts';

/** Allowed while the session still owes its second factor (enrolment, the code, sign-out). */
const DURING_MFA = { allowDuringMfa: true } as const;

export async function authRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const policy = securityPolicy(deps);
  /** Sign-in attempts are limited per client address on top of the per-account lockout. */
  const loginRateLimit = { rateLimit: { max: policy.loginAttemptsPerMinute, timeWindow: '1 minute' } };

  const setCookie = (reply: FastifyReply, token: string): void => {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.session.secureCookie,
      signed: true,
    });
  };
  const client = (request: FastifyRequest): ClientInfo => ({ clientIp: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id });

  r.post('/api/auth/login', {
    config: { ...publicRoute('signing in needs no session'), ...loginRateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with e-mail and password; sets the session cookie. Answers {"mfaRequired": true} when a second factor is owed (POST /api/auth/mfa).',
      body: LoginBody,
      response: { 200: LoginOutcome },
    },
  }, async (request, reply) => {
    const previous = sessionToken(request);
    const result = await login(deps, {
      email: request.body.email,
      password: request.body.password,
      previousTokenHash: previous ? hashToken(previous) : null,
      ...client(request),
    });
    setCookie(reply, result.token);
    return result.outcome;
  });

  r.post('/api/auth/mfa', {
    config: { ...allow(...ANY_STAFF), ...DURING_MFA, ...loginRateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Second step of sign-in: the current TOTP code or a recovery code; replaces the session token',
      body: MfaVerifyBody,
      response: { 200: MeResponse },
    },
  }, async (request, reply) => {
    const result = await completeSecondFactor(deps, request.actor(), request.session!.tokenHash, client(request), request.body);
    setCookie(reply, result.token);
    return result.me;
  });

  r.get('/api/auth/mfa', {
    config: { ...allow(...ANY_STAFF), ...DURING_MFA },
    schema: { tags: ['auth'], summary: 'Whether two-step sign-in is set up and required for me', response: { 200: MfaStatus } },
  }, async (request) => mfaStatus(deps, request.user!.id));

  r.post('/api/auth/mfa/enrol', {
    config: { ...allow(...ANY_STAFF), ...DURING_MFA },
    schema: { tags: ['auth'], summary: 'Start setting up TOTP: a new secret and its QR code (active after confirm)', response: { 200: MfaEnrolment } },
  }, async (request) => startEnrolment(deps, request.actor()));

  r.post('/api/auth/mfa/confirm', {
    config: { ...allow(...ANY_STAFF), ...DURING_MFA, ...loginRateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Finish setting up TOTP with a first code; returns one-time recovery codes',
      body: MfaConfirmBody,
      response: { 200: MfaConfirmResponse },
    },
  }, async (request, reply) => {
    const result = await confirmEnrolment(deps, request.actor(), request.session!, client(request), request.body.code);
    if (result.token) setCookie(reply, result.token);
    return { recoveryCodes: result.recoveryCodes, me: result.me };
  });

  r.post('/api/auth/logout', {
    config: { ...allow(...ANY_STAFF), ...DURING_MFA },
    schema: { tags: ['auth'], summary: 'Sign out: ends this session', response: { 204: z.null() } },
  }, async (request, reply) => {
    await logout(deps, request.session!.tokenHash, request.actor());
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  r.post('/api/auth/logout-everywhere', {
    config: allow(...ANY_STAFF),
    schema: { tags: ['auth'], summary: 'Sign out on every device: ends all my sessions', response: { 200: LogoutEverywhereResponse } },
  }, async (request, reply) => {
    const sessionsEnded = await logoutEverywhere(deps, request.actor());
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { sessionsEnded };
  });

  r.post('/api/auth/password', {
    config: { ...allow(...ANY_STAFF), ...loginRateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Change my password (at least 12 characters, not a common one); other sessions end',
      body: PasswordChangeBody,
      response: { 200: MeResponse },
    },
  }, async (request, reply) => {
    const result = await changePassword(deps, request.actor(), request.session!.tokenHash, client(request), request.body);
    setCookie(reply, result.token);
    return result.me;
  });

  r.get('/api/auth/me', {
    config: allow(...ANY_STAFF),
    schema: { tags: ['auth'], summary: 'The signed-in user, the clinic and the session', response: { 200: MeResponse } },
  }, async (request) => {
    if (!request.user || !request.session) throw unauthenticated();
    return buildMe(deps, request.user, request.session.expiresAt);
  });
}
