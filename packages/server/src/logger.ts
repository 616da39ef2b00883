/**
 * Logging: JSON lines, a fixed message plus a data object, the request id on
 * every line. Requests are logged by method, route and status only: no query
 * strings (they hold search terms such as names), no bodies, no cookies.
 */
import type { FastifyServerOptions } from 'fastify';

const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.givenName',
  '*.familyName',
  '*.birthDate',
  '*.phone',
  '*.email',
  '*.token',
];

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; routeOptions?: { url?: string }; id: string }) => ({
        method: req.method,
        route: req.routeOptions?.url ?? req.url.split('?')[0],
        requestId: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
