/**
 * buildApp(deps): registers plugins and modules; never listens, so tests use
 * app.inject() and main.ts decides where to listen.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.ts';
import { AppError } from './errors.ts';
import { loggerOptions } from './logger.ts';
import { authenticationPlugin } from './plugins/authentication.ts';
import { errorHandlerPlugin } from './plugins/error-handler.ts';
import { httpHardeningPlugin } from './plugins/http-hardening.ts';
import { securityPolicy } from './security/http-policy.ts';
import { publicRoute, type Access } from './security/access.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { clinicRoutes } from './modules/clinic/routes.ts';
import { disclosureRoutes } from './modules/disclosures/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { intakeAreaRoutes } from './modules/intake/index.ts';
import { infusionRoutes } from './modules/infusion/routes.ts';
import { inventoryRoutes } from './modules/inventory/routes.ts';
import { patientRoutes } from './modules/patients/routes.ts';
import { schedulingRoutes } from './modules/scheduling/routes.ts';
import { testClockRoutes } from './modules/test-clock/routes.ts';
import { securityRoutes } from './modules/security/routes.ts';
import { userRoutes } from './modules/users/routes.ts';

export type { AppDeps } from './deps.ts';

/** Every guarded /api route with its declared access, for the authorization tests. */
export interface RouteCatalogEntry {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: readonly RouteCatalogEntry[];
  }
}

export interface BuildOptions {
  logLevel?: string;
  /** Serve HTTPS with this PEM certificate and key (GLIA_TLS_CERT / GLIA_TLS_KEY). */
  https?: { cert: Buffer; key: Buffer };
}

/** Routes every /api route must declare access for, except the API docs themselves. */
const isGuardedApiRoute = (url: string): boolean => url.startsWith('/api/') && !url.startsWith('/api/docs');

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.https ? { https: options.https } : {}),
    logger: loggerOptions(options.logLevel ?? 'silent'),
    genReqId: () => randomUUID(),
    bodyLimit: 512 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: securityPolicy(deps).trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Fail closed: an /api route without declared access never starts.
  const catalog: RouteCatalogEntry[] = [];
  app.decorate('routeCatalog', catalog);
  app.addHook('onRoute', (route) => {
    if (!isGuardedApiRoute(route.url)) return;
    if (!route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access: add config: allow(...roles) or publicRoute(reason)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalog.push({ method, url: route.url, access: route.config.access });
    }
  });

  // API responses carry patient data: never cache them.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyCookie, { secret: deps.session.secret, hook: 'onRequest' });
  await app.register(errorHandlerPlugin);
  await app.register(httpHardeningPlugin, { deps });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Glia API',
        description: 'Clinic platform for IV ketamine infusion therapy. Every route except health, docs and login needs the session cookie set by POST /api/auth/login; each route lists the roles allowed to call it.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'glia_session' } } },
      security: [{ session: [] }],
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      const access = input.route.config?.access;
      if (access && 'roles' in access) {
        const schema = transformed.schema as Record<string, unknown>;
        schema.description = `${schema.description ? `${String(schema.description)}\n\n` : ''}Roles: ${access.roles.join(', ')}.`;
      }
      return transformed;
    },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Over plain HTTP on a LAN, upgrading the docs' requests to https would break them.
    transformStaticCSP: (header) => (securityPolicy(deps).tls ? header : header.replace(/\s*upgrade-insecure-requests;?/, '')),
  });
  await app.register(authenticationPlugin, { deps });

  app.get('/api/openapi.json', { config: publicRoute('the API description is public'), schema: { hide: true } }, async () => app.swagger());

  for (const routes of [healthRoutes, authRoutes, patientRoutes, auditRoutes, clinicRoutes, userRoutes, disclosureRoutes, intakeAreaRoutes, inventoryRoutes, schedulingRoutes, infusionRoutes, securityRoutes]) {
    await app.register(routes, { deps });
  }
  if (deps.testClock) await app.register(testClockRoutes, { deps });

  const serveWeb = deps.webDist !== null && existsSync(path.join(deps.webDist, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: deps.webDist!, wildcard: false, index: ['index.html'] });
  // Client-side routes (/patients/…) get the web app; unknown /api paths are 404 problems.
  app.setNotFoundHandler((request, reply) => {
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.type('text/html').sendFile('index.html');
    throw new AppError('NOT_FOUND', 404, `No route for ${request.method} ${request.url.split('?')[0]}.`);
  });

  return app;
}
