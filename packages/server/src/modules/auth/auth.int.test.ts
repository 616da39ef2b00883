import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ idleMinutes: 15, maxHours: 12 });
});
afterAll(() => t.close());

const login = (email: string, password: string) => t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

async function lastAudit(action: string): Promise<{ user_email: string; outcome: string; details: Record<string, unknown> } | undefined> {
  const rows = await queryRows<{ user_email: string; outcome: string; details: Record<string, unknown> }>(
    t.testDb.database.db,
    sql`SELECT user_email, outcome, details FROM audit_events WHERE action = ${action} ORDER BY seq DESC LIMIT 1`,
  );
  return rows[0];
}

describe('sign-in', () => {
  it('signs in with the right password: user, roles, clinic and an HttpOnly SameSite=Strict cookie', async () => {
    const res = await login('Nurse@Demo.Glia.Local', 'glia-demo');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { email: 'nurse@demo.glia.local', roles: ['nurse'] },
      clinic: { timeZone: 'America/Chicago', demo: true },
      session: { idleTimeoutSeconds: 900 },
    });
    const cookie = res.cookies.find((c) => c.name === 'glia_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(await lastAudit('auth.login')).toMatchObject({ user_email: 'nurse@demo.glia.local', outcome: 'success' });
  });

  it('refuses a wrong password with 401, the same message as an unknown account, and audits both', async () => {
    const wrong = await login('nurse@demo.glia.local', 'not-the-password');
    const unknown = await login('nobody@demo.glia.local', 'glia-demo');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.cookies.find((c) => c.name === 'glia_session')).toBeUndefined();
    expect(await lastAudit('auth.login')).toMatchObject({ user_email: 'nobody@demo.glia.local', outcome: 'failure', details: { reason: 'unknown-account' } });
  });

  it('refuses a malformed e-mail with 400 naming the field', async () => {
    const res = await login('not-an-email', 'x');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('email');
  });

  it('answers /api/auth/me for a session and 401 without one', async () => {
    const cookie = await t.loginAs('prescriber');
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).json().user.roles).toEqual(['prescriber']);
    expect((await t.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('ignores a forged or unsigned cookie', async () => {
    const res = await t.request({ method: 'GET', url: '/api/auth/me', cookie: 'glia_session=forged-token-value' });
    expect(res.statusCode).toBe(401);
  });

  it('issues a new token at each sign-in and revokes the one sent along', async () => {
    const first = await t.loginAs('nurse');
    const res = await t.request({ method: 'POST', url: '/api/auth/login', cookie: first, payload: { email: 'nurse@demo.glia.local', password: 'glia-demo' } });
    const second = `glia_session=${res.cookies.find((c) => c.name === 'glia_session')!.value}`;
    expect(second).not.toBe(first);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: first })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: second })).statusCode).toBe(200);
  });
});

describe('sessions end', () => {
  it('ends the session at logout', async () => {
    const cookie = await t.loginAs('front-desk');
    expect((await t.request({ method: 'POST', url: '/api/auth/logout', cookie })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(401);
    expect(await lastAudit('auth.logout')).toMatchObject({ user_email: 'front-desk@demo.glia.local' });
  });

  it('ends an idle session after the idle time-out, but not an active one', async () => {
    const idle = await t.loginAs('nurse');
    const active = await t.loginAs('prescriber');
    for (let i = 0; i < 4; i++) {
      t.clock.advanceMinutes(5);
      expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: active })).statusCode).toBe(200);
    }
    const res = await t.request({ method: 'GET', url: '/api/auth/me', cookie: idle });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/15 minutes without activity/);
    // Once ended it stays ended.
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: idle })).statusCode).toBe(401);
  });

  it('ends any session at its absolute lifetime, however active', async () => {
    const cookie = await t.loginAs('nurse');
    for (let minutes = 0; minutes < 12 * 60; minutes += 10) {
      t.clock.advanceMinutes(10);
      await t.request({ method: 'GET', url: '/api/auth/me', cookie });
    }
    const res = await t.request({ method: 'GET', url: '/api/auth/me', cookie });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/maximum length/);
  });

  it('ends the sessions of a user whose roles change', async () => {
    const admin = await t.loginAs('admin');
    const billing = await t.loginAs('billing');
    const users = (await t.request({ method: 'GET', url: '/api/users', cookie: admin })).json() as { id: string; email: string }[];
    const billingUser = users.find((u) => u.email === 'billing@demo.glia.local')!;
    const res = await t.request({ method: 'PATCH', url: `/api/users/${billingUser.id}`, cookie: admin, payload: { roles: ['billing', 'front-desk'] } });
    expect(res.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: billing })).statusCode).toBe(401);
    expect(await lastAudit('user.roles-change')).toMatchObject({ details: { from: ['billing'], to: ['billing', 'front-desk'] } });
  });
});
