import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Fills route parameters with a well-formed id so the request reaches the access check, not a 404. */
const concreteUrl = (url: string): string => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

describe('every API route declares who may call it', () => {
  it('registers routes, each with roles or an explicit public reason', () => {
    expect(t.app.routeCatalog.length).toBeGreaterThan(10);
    const publicRoutes = t.app.routeCatalog.filter((r) => 'public' in r.access).map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual(['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login']);
  });

  it('refuses every non-public route without a session with 401, before looking at the input', async () => {
    const guarded = t.app.routeCatalog.filter((r) => 'roles' in r.access);
    for (const route of guarded) {
      const res = await t.request({ method: route.method as 'GET', url: concreteUrl(route.url), payload: route.method === 'GET' ? undefined : { junk: true } });
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
    }
  });
});
