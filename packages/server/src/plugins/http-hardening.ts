/**
 * HTTP hardening: security headers with a strict Content-Security-Policy
 * (@fastify/helmet), HSTS over TLS, per-address rate limits
 * (@fastify/rate-limit), and a cross-site request check on every
 * state-changing request (the cookie is SameSite=Strict as well).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { contentSecurityPolicy, securityPolicy } from '../security/http-policy.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin this request was addressed to, as the browser sees it. */
const ownOrigin = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

/**
 * Why a state-changing request is refused as cross-site, or null. Clients that
 * send no Origin (scripts, curl) are unaffected; browsers always send it on
 * POST/PUT/PATCH/DELETE.
 */
export function crossSiteProblem(request: FastifyRequest, allowedOrigins: readonly string[]): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (origin === ownOrigin(request) || allowedOrigins.includes(origin)) return null;
    return `Origin ${origin} may not send this request.`;
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') return 'Cross-site requests are refused.';
  return null;
}

export const httpHardeningPlugin = fp(async (app: FastifyInstance, opts: { deps: AppDeps }) => {
  const policy = securityPolicy(opts.deps);

  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(policy.tls) },
    hsts: policy.tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });

  await app.register(fastifyRateLimit, {
    global: true,
    max: policy.apiRequestsPerMinute,
    timeWindow: '1 minute',
    // Static files of the web app are not counted; the API is.
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', context.statusCode, `Too many requests from this address; try again in ${context.after}.`),
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const problem = crossSiteProblem(request, policy.allowedOrigins);
    if (problem) throw new AppError('FORBIDDEN', 403, problem);
  });
});
