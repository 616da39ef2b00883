import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, LoginResponse, MeResponse } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { unauthenticated } from '../../errors.ts';
import { SESSION_COOKIE, sessionToken } from '../../plugins/authentication.ts';
import { ANY_STAFF, allow, publicRoute } from '../../security/access.ts';
import { buildMe, login, logout } from './auth-service.ts';
import { hashToken } from './session-repo.ts';

export async function authRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  const setCookie = (reply: FastifyReply, token: string): void => {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.session.secureCookie,
      signed: true,
    });
  };

  r.post('/api/auth/login', {
    config: publicRoute('signing in needs no session'),
    schema: {
      tags: ['auth'],
      summary: 'Sign in with e-mail and password; sets the session cookie',
      body: LoginBody,
      response: { 200: LoginResponse },
    },
  }, async (request, reply) => {
    const previous = sessionToken(request);
    const result = await login(deps, {
      email: request.body.email,
      password: request.body.password,
      previousTokenHash: previous ? hashToken(previous) : null,
      clientIp: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      requestId: request.id,
    });
    setCookie(reply, result.token);
    return result.me;
  });

  r.post('/api/auth/logout', {
    config: allow(...ANY_STAFF),
    schema: { tags: ['auth'], summary: 'Sign out: ends this session', response: { 204: z.null() } },
  }, async (request, reply) => {
    await logout(deps, request.session!.tokenHash, request.actor());
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  r.get('/api/auth/me', {
    config: allow(...ANY_STAFF),
    schema: { tags: ['auth'], summary: 'The signed-in user, the clinic and the session', response: { 200: MeResponse } },
  }, async (request) => {
    if (!request.user || !request.session) throw unauthenticated();
    return buildMe(deps, request.user, request.session.expiresAt);
  });
}
