/**
 * HTTP hardening through the API: security headers with a strict CSP on every
 * response, no-store on the API, 401 for every guarded route without a
 * session, the cross-site check on state-changing requests, and errors that
 * carry no stack trace or SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('security headers', () => {
  it('sends a strict CSP, nosniff, frame denial and no-store on API responses', async () => {
    const cookie = await t.loginAs('nurse');
    for (const res of [await t.request({ method: 'GET', url: '/api/patients', cookie }), await t.request({ method: 'GET', url: '/api/patients' }), await t.request({ method: 'GET', url: '/api/health' })]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('keeps the API docs page working under its own script hashes', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs' });
    const page = res.statusCode === 302 ? await t.request({ method: 'GET', url: String(res.headers.location).replace(/^\.\//, '/api/docs/') }) : res;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
    expect(String(page.headers['content-security-policy'])).toMatch(/script-src 'self'/);
    expect(String(page.headers['content-security-policy'])).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
  });

  it('sends HSTS when served over TLS', async () => {
    const tls = await createTestApp({ security: { tls: true } });
    try {
      const res = await tls.request({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await tls.close();
    }
  });
});

describe('cross-site requests', () => {
  const host = 'glia.clinic.lan:3000';
  it('refuses a state-changing request from a foreign Origin, before the session is used', async () => {
    const cookie = await t.loginAs('front-desk');
    const res = await t.request({ method: 'POST', url: '/api/auth/logout', cookie, headers: { origin: 'https://evil.example', host } });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/Origin https:\/\/evil.example/);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(200);
    const sneaky = await t.request({ method: 'POST', url: '/api/auth/login', headers: { 'sec-fetch-site': 'cross-site' }, payload: { email: 'nurse@demo.glia.local', password: 'glia-demo' } });
    expect(sneaky.statusCode).toBe(403);
  });

  it('accepts the same origin, and clients that send no Origin (scripts)', async () => {
    const same = await t.request({ method: 'POST', url: '/api/auth/login', headers: { origin: `http://${host}`, host }, payload: { email: 'nurse@demo.glia.local', password: 'glia-demo' } });
    expect(same.statusCode).toBe(200);
    const script = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: 'nurse@demo.glia.local', password: 'glia-demo' } });
    expect(script.statusCode).toBe(200);
    // Reads are never refused for their origin.
    expect((await t.request({ method: 'GET', url: '/api/health', headers: { origin: 'https://elsewhere.example' } })).statusCode).toBe(200);
  });

  it('accepts an origin listed in the configuration', async () => {
    const dev = await createTestApp({ security: { allowedOrigins: ['http://localhost:5173'] } });
    try {
      const res = await dev.request({ method: 'POST', url: '/api/auth/login', headers: { origin: 'http://localhost:5173' }, payload: { email: 'nurse@demo.glia.local', password: 'glia-demo' } });
      expect(res.statusCode).toBe(200);
    } finally {
      await dev.close();
    }
  });
});

describe('errors reveal nothing internal', () => {
  it('answers malformed JSON and oversized bodies with a problem naming the body, without stack or SQL', async () => {
    const cookie = await t.loginAs('front-desk');
    const malformed = await t.request({ method: 'POST', url: '/api/patients', cookie, headers: { 'content-type': 'application/json' }, payload: '{"givenName": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('body');
    const big = await t.request({ method: 'POST', url: '/api/patients', cookie, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ givenName: 'x'.repeat(600 * 1024) }) });
    expect(big.statusCode).toBe(413);
    for (const res of [malformed, big]) {
      expect(res.body).not.toMatch(/at .*\.ts:\d+|node_modules|SELECT|INSERT/);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('refuses a prototype-polluting body key', async () => {
    const cookie = await t.loginAs('front-desk');
    const res = await t.request({ method: 'POST', url: '/api/patients', cookie, headers: { 'content-type': 'application/json' }, payload: '{"__proto__": {"admin": true}}' });
    expect(res.statusCode).toBe(400);
  });
});
