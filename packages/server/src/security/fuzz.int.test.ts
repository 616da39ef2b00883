/**
 * Fuzzing every route: generated malformed bodies, query strings (including
 * sort, search and filter parameters) and headers carrying SQL, script and
 * template payloads. No request may produce a 5xx; every refusal is a
 * problem+json that names the field (400) or says why; a route whose
 * requests were all refused changed nothing in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { Role } from '@glia/contracts';
import { queryRows } from '../db/client.ts';
import { createTestApp, type TestApp } from '../testing/index.ts';
import { AUTHORIZATION_MATRIX, PUBLIC, STREAMING_ROUTES } from './authorization-matrix.ts';

let t: TestApp;
const cookies = new Map<Role, string>();
beforeAll(async () => {
  t = await createTestApp();
  for (const role of ['admin', 'medical-director', 'prescriber', 'nurse', 'front-desk', 'billing'] as const) cookies.set(role, await t.loginAs(role));
});
afterAll(() => t.close());

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(5)--',
  '" UNION SELECT password_hash FROM users --',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '<%= 7*7 %>',
  '../../../../etc/passwd',
  '\u0000',
  'nul\u0000byte',
  '%00',
  '\uD800',
  'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ',
  '-1',
  '1e309',
  'NaN',
  '9'.repeat(40),
  'x'.repeat(5000),
  '2026-02-30T25:61:00Z',
  '__proto__',
  'constructor',
];

const payload = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom(...INJECTIONS), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('id', 'name', 'code', '$gt', 'sort'), fc.constantFrom(...INJECTIONS), { maxKeys: 2 }),
);
const FIELD_NAMES = ['id', 'q', 'sort', 'order', 'orderBy', 'filter', 'search', 'limit', 'from', 'to', 'email', 'password', 'reason', 'code', 'status', 'patientId', 'userId', 'action', 'beforeSeq', 'givenName', 'dose', 'roles', 'signature', 'text'];
const body = fc.oneof(fc.dictionary(fc.constantFrom(...FIELD_NAMES), payload, { maxKeys: 5 }), fc.array(payload, { maxLength: 3 }), fc.constantFrom(...INJECTIONS));
const query = fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.constantFrom(...INJECTIONS, '', 'asc', 'desc', '10', '-5'), { maxKeys: 4 });
const headers = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'),
    accept: fc.constantFrom('*/*', 'text/html', "'; DROP TABLE users; --"),
    'x-forwarded-for': fc.constantFrom('127.0.0.1', "1.2.3.4'; --", '<script>'),
    'user-agent': fc.constantFrom(...INJECTIONS.filter((s) => !s.includes('\u0000') && !/[\uD800-\uDFFF]/.test(s))),
  },
  { requiredKeys: ['content-type'] },
);
const pathParam = fc.oneof(fc.uuid(), fc.constantFrom('not-a-uuid', "1' OR '1'='1", '%3Cscript%3E', '00000000-0000-0000-0000-000000000000'));

/** Routes that end the caller's session or second factor state: fuzzed elsewhere (auth tests). */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-everywhere', 'POST /api/auth/login', 'POST /api/auth/password', 'POST /api/auth/mfa/enrol', 'POST /api/users/:id/mfa-reset']);

async function fingerprint(): Promise<Record<string, number>> {
  const tables = await queryRows<{ table_name: string }>(
    t.testDb.database.db,
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('audit_events', 'user_sessions', '__drizzle_migrations') ORDER BY table_name`,
  );
  const union = tables.map((tb) => `SELECT '${tb.table_name}' AS t, count(*)::int AS n FROM "${tb.table_name}"`).join(' UNION ALL ');
  const rows = await queryRows<{ t: string; n: number }>(t.testDb.database.db, sql.raw(union));
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

const encodeQuery = (q: Record<string, string>): string => {
  const params = new URLSearchParams(q).toString();
  return params ? `?${params}` : '';
};

describe('fuzzing every route', () => {
  it('never answers 5xx, names the field of a bad input, and writes nothing when refusing', async () => {
    const problems: string[] = [];
    for (const route of t.app.routeCatalog) {
      const routeKey = `${route.method} ${route.url}`;
      // Open streams never end under inject; the board stream's own tests cover it.
      if (SKIP.has(routeKey) || STREAMING_ROUTES.has(routeKey)) continue;
      const row = AUTHORIZATION_MATRIX[routeKey];
      const role = row === PUBLIC || row === undefined ? null : row[0]!;
      const cookie = role ? cookies.get(role) : undefined;
      const before = await fingerprint();
      let allRefused = true;
      await fc.assert(
        fc.asyncProperty(fc.array(pathParam, { minLength: 3, maxLength: 3 }), query, body, headers, async (params, q, b, h) => {
          let i = 0;
          const url = route.url.replace(/:[A-Za-z]+/g, () => encodeURIComponent(params[i++ % params.length]!)) + encodeQuery(q);
          const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
          const res = await t.request({
            method: route.method as 'POST',
            url,
            headers: h,
            ...(hasBody ? { payload: typeof b === 'string' ? b : JSON.stringify(b) } : {}),
            ...(cookie ? { cookie } : {}),
          });
          if (res.statusCode < 400) allRefused = false;
          if (res.statusCode >= 500) {
            problems.push(`${routeKey} → ${res.statusCode} for ${url} ${hasBody ? JSON.stringify(b).slice(0, 200) : ''}: ${res.body.slice(0, 300)}`);
            return false;
          }
          if (res.statusCode === 400) {
            const problem = res.json() as { errors?: { field?: unknown }[] };
            if (!problem.errors?.length || typeof problem.errors[0]!.field !== 'string') {
              problems.push(`${routeKey} → 400 without a field for ${url}: ${res.body.slice(0, 300)}`);
              return false;
            }
          }
          if (res.statusCode >= 400 && !String(res.headers['content-type']).includes('problem+json')) {
            problems.push(`${routeKey} → ${res.statusCode} not problem+json`);
            return false;
          }
          return !/node_modules|\.ts:\d+|SELECT |INSERT INTO/.test(res.body) || res.statusCode < 400;
        }),
        { numRuns: 12, seed: 20261123 },
      ).catch((error: unknown) => problems.push(`${routeKey}: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`));
      if (allRefused) {
        const after = await fingerprint();
        if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${routeKey}: every request was refused yet rows changed`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  }, 600_000);
});
