/**
 * The generated authorization test: every registered /api route is called as
 * every role and as no one, and checked against AUTHORIZATION_MATRIX.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@glia/contracts';
import { buildApp } from '../app.ts';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../testing/index.ts';
import { ANY_STAFF, allow } from './access.ts';
import { AUTHORIZATION_MATRIX, PUBLIC, STREAMING_ROUTES, matrixRow } from './authorization-matrix.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A well-formed id in every path parameter, so the call reaches the access check rather than a 404 for the path. */
const concreteUrl = (url: string): string => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
const key = (r: { method: string; url: string }): string => `${r.method} ${r.url}`;
/** Calls that end the caller's session: sign in again afterwards. */
const ENDS_SESSION = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-everywhere']);

/** The status of a GET whose answer is an open stream: read over a real socket, then hung up. */
async function streamStatus(url: string, cookie?: string): Promise<{ statusCode: number }> {
  const address = t.app.server.listening ? `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}` : await t.app.listen({ port: 0, host: '127.0.0.1' });
  const controller = new AbortController();
  const res = await fetch(`${address}${url}`, { headers: cookie ? { cookie } : {}, signal: controller.signal });
  controller.abort();
  return { statusCode: res.status };
}

describe('authorization matrix', () => {
  it('has a row for every registered route, matching its allow(...) declaration', () => {
    const problems: string[] = [];
    for (const route of t.app.routeCatalog) {
      const row = AUTHORIZATION_MATRIX[key(route)];
      const declared = matrixRow(route.method, route.url, route.access);
      if (row === undefined) {
        problems.push(`missing from AUTHORIZATION_MATRIX; paste after review:\n${declared}`);
        continue;
      }
      const granted = row === PUBLIC ? 'public' : [...row].sort().join(',');
      const actual = 'public' in route.access ? 'public' : [...route.access.roles].sort().join(',');
      if (granted !== actual) problems.push(`${key(route)}: the table grants [${granted}] but the route allows [${actual}]; the route's declaration as a row:\n${declared}`);
    }
    expect(problems, problems.join('\n\n')).toEqual([]);
  });

  it('names no route that is not registered', () => {
    const registered = new Set(t.app.routeCatalog.map(key));
    const stale = Object.keys(AUTHORIZATION_MATRIX).filter((k) => !registered.has(k));
    expect(stale, `rows without a route (remove them): ${stale.join(', ')}`).toEqual([]);
  });

  it('refuses every call the table does not grant: 401 without a session, 403 (audited) for other roles', async () => {
    const cookies = new Map<Role, string>();
    for (const role of ANY_STAFF) cookies.set(role, await t.loginAs(role));
    const violations: string[] = [];
    const routes = [...t.app.routeCatalog].sort((a, b) => Number(ENDS_SESSION.has(key(a))) - Number(ENDS_SESSION.has(key(b))));
    for (const route of routes) {
      const row = AUTHORIZATION_MATRIX[key(route)];
      const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      const call = STREAMING_ROUTES.has(key(route))
        ? (cookie?: string) => streamStatus(concreteUrl(route.url), cookie)
        : (cookie?: string) => t.request({ method: route.method as 'GET', url: concreteUrl(route.url), payload, ...(cookie ? { cookie } : {}) });

      const anonymous = await call();
      if (row !== PUBLIC && anonymous.statusCode !== 401) violations.push(`${key(route)} anonymous → ${anonymous.statusCode}, expected 401`);
      // A route missing from the table is reported (with its row to paste) by the first test.
      if (row === PUBLIC || row === undefined) continue;

      for (const role of ANY_STAFF) {
        const res = await call(cookies.get(role));
        const granted = row.includes(role);
        if (!granted && res.statusCode !== 403) violations.push(`${key(route)} as ${role} → ${res.statusCode}, expected 403 (not granted)`);
        if (granted && (res.statusCode === 401 || res.statusCode === 403)) violations.push(`${key(route)} as ${role} → ${res.statusCode}, but the table grants it`);
        if (granted && res.statusCode >= 500) violations.push(`${key(route)} as ${role} → ${res.statusCode}`);
        if (granted && ENDS_SESSION.has(key(route))) cookies.set(role, await t.loginAs(role));
      }
    }
    expect(violations, violations.join('\n')).toEqual([]);
  }, 240_000);

  it('refuses to start an app with a route that declares no roles', async () => {
    const app = await buildApp({
      database: t.testDb.database,
      session: { secret: TEST_SESSION_SECRET, idleMinutes: 15, maxHours: 12, secureCookie: false },
      now: t.clock.now,
      webDist: null,
    });
    expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/declares no access/);
    expect(() => allow()).toThrow(/at least one role/);
    await app.close();
  });
});
