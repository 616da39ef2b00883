/**
 * Multi-factor sign-in end to end through the API: enrolment with a QR code,
 * sign-in that answers {"mfaRequired": true} until POST /api/auth/mfa
 * succeeds, recovery codes, per-role requirement, and TOTP inside signatures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { reauthenticate } from '../signing/reauthenticate.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const sessionCookie = (res: { cookies: { name: string; value: string }[] }): string => `glia_session=${res.cookies.find((c) => c.name === 'glia_session')!.value}`;
const codeAt = (secret: string, offsetSeconds = 0): Promise<string> => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + offsetSeconds });
const login = (role: string) => t.request({ method: 'POST', url: '/api/auth/login', payload: { email: `${role}@demo.glia.local`, password: 'glia-demo' } });

async function actions(userEmail: string): Promise<string[]> {
  const rows = await queryRows<{ action: string; outcome: string }>(t.testDb.database.db, sql`SELECT action, outcome FROM audit_events WHERE user_email = ${userEmail} ORDER BY seq`);
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

/** Enrols `role` and returns the TOTP secret and the recovery codes. */
async function enrol(role: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const cookie = await t.loginAs(role as 'prescriber');
  const start = await t.request({ method: 'POST', url: '/api/auth/mfa/enrol', cookie });
  expect(start.statusCode).toBe(200);
  const { secret, otpauthUri, qrCodeDataUrl } = start.json() as { secret: string; otpauthUri: string; qrCodeDataUrl: string };
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
  expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  const wrong = await t.request({ method: 'POST', url: '/api/auth/mfa/confirm', cookie, payload: { code: '000000' === (await codeAt(secret)) ? '111111' : '000000' } });
  expect(wrong.statusCode).toBe(400);
  expect(wrong.json().errors[0].field).toBe('code');
  const confirm = await t.request({ method: 'POST', url: '/api/auth/mfa/confirm', cookie, payload: { code: await codeAt(secret) } });
  expect(confirm.statusCode).toBe(200);
  const recoveryCodes = confirm.json().recoveryCodes as string[];
  expect(recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes };
}

describe('TOTP enrolment and sign-in', () => {
  it('signs in in two steps once enrolled: {"mfaRequired": true} until POST /api/auth/mfa succeeds', async () => {
    const { secret } = await enrol('prescriber');
    t.clock.advance(60_000);

    const first = await login('prescriber');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ mfaRequired: true, enrolmentRequired: false });
    const pending = sessionCookie(first);
    // The half-open session reaches nothing but the second step.
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: pending })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/patients', cookie: pending })).statusCode).toBe(401);

    const bad = await t.request({ method: 'POST', url: '/api/auth/mfa', cookie: pending, payload: { code: (await codeAt(secret, -600)) } });
    expect(bad.statusCode).toBe(401);

    const ok = await t.request({ method: 'POST', url: '/api/auth/mfa', cookie: pending, payload: { code: await codeAt(secret) } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.email).toBe('prescriber@demo.glia.local');
    const full = sessionCookie(ok);
    expect(full).not.toBe(pending);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: full })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: pending })).statusCode).toBe(401);

    // The same code is never accepted twice (replay).
    const again = sessionCookie(await login('prescriber'));
    expect((await t.request({ method: 'POST', url: '/api/auth/mfa', cookie: again, payload: { code: await codeAt(secret) } })).statusCode).toBe(401);
    t.clock.advance(30_000);
    expect((await t.request({ method: 'POST', url: '/api/auth/mfa', cookie: again, payload: { code: await codeAt(secret) } })).statusCode).toBe(200);

    expect(await actions('prescriber@demo.glia.local')).toEqual(expect.arrayContaining(['auth.mfa-enrol-start:success', 'auth.mfa-enrol:success', 'auth.mfa:failure', 'auth.mfa:success']));
  });

  it('accepts each recovery code once', async () => {
    const { recoveryCodes } = await enrol('nurse');
    const pending = sessionCookie(await login('nurse'));
    const used = await t.request({ method: 'POST', url: '/api/auth/mfa', cookie: pending, payload: { recoveryCode: recoveryCodes[0] } });
    expect(used.statusCode).toBe(200);
    const pending2 = sessionCookie(await login('nurse'));
    expect((await t.request({ method: 'POST', url: '/api/auth/mfa', cookie: pending2, payload: { recoveryCode: recoveryCodes[0] } })).statusCode).toBe(401);
    const status = await t.request({ method: 'GET', url: '/api/auth/mfa', cookie: pending2 });
    expect(status.json()).toMatchObject({ enrolled: true, recoveryCodesLeft: 9 });
  });

  it('refuses a body with both or neither of code and recoveryCode, naming the field', async () => {
    const pending = sessionCookie(await login('nurse'));
    const neither = await t.request({ method: 'POST', url: '/api/auth/mfa', cookie: pending, payload: {} });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().errors[0].field).toBe('code');
  });

  it('makes a role enrol at sign-in when the clinic requires MFA for it', async () => {
    const admin = await t.loginAs('admin');
    const set = await t.request({ method: 'PATCH', url: '/api/clinic', cookie: admin, payload: { mfaRequiredRoles: ['billing'] } });
    expect(set.statusCode).toBe(200);
    expect(set.json().mfaRequiredRoles).toEqual(['billing']);

    const first = await login('billing');
    expect(first.json()).toEqual({ mfaRequired: true, enrolmentRequired: true });
    const pending = sessionCookie(first);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: pending })).statusCode).toBe(401);
    const start = await t.request({ method: 'POST', url: '/api/auth/mfa/enrol', cookie: pending });
    const confirm = await t.request({ method: 'POST', url: '/api/auth/mfa/confirm', cookie: pending, payload: { code: await codeAt(start.json().secret) } });
    expect(confirm.statusCode).toBe(200);
    const full = sessionCookie(confirm);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: full })).json().user.roles).toEqual(['billing']);
    // Other roles are not asked.
    expect((await login('front-desk')).json()).toHaveProperty('user');
    await t.request({ method: 'PATCH', url: '/api/clinic', cookie: admin, payload: { mfaRequiredRoles: [] } });
  });

  it('an admin reset ends the user\'s sessions and the user enrols again', async () => {
    const { secret } = await enrol('front-desk');
    t.clock.advance(60_000);
    const pending = sessionCookie(await login('front-desk'));
    const full = sessionCookie(await t.request({ method: 'POST', url: '/api/auth/mfa', cookie: pending, payload: { code: await codeAt(secret) } }));
    const admin = await t.loginAs('admin');
    const users = (await t.request({ method: 'GET', url: '/api/users', cookie: admin })).json() as { id: string; email: string }[];
    const id = users.find((u) => u.email === 'front-desk@demo.glia.local')!.id;
    expect((await t.request({ method: 'POST', url: `/api/users/${id}/mfa-reset`, cookie: admin })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: full })).statusCode).toBe(401);
    expect((await login('front-desk')).json()).toHaveProperty('user');
  });
});

describe('re-authentication inside signatures', () => {
  it('asks for the TOTP code of an enrolled signer and refuses a wrong one, audited', async () => {
    const { secret } = await enrol('medical-director');
    const [md] = await queryRows<{ id: string }>(t.testDb.database.db, sql`SELECT id FROM users WHERE email = 'medical-director@demo.glia.local'`);
    const deps = { database: t.testDb.database, now: t.clock.now };
    const actor = { userId: md!.id, userEmail: 'medical-director@demo.glia.local', clientIp: '127.0.0.1', requestId: 'test' };
    await expect(reauthenticate(deps, actor, md!.id, { password: 'glia-demo' }, 'test-signature')).rejects.toMatchObject({ status: 403, errors: [{ field: 'signature.totpCode' }] });
    await expect(reauthenticate(deps, actor, md!.id, { password: 'glia-demo', totpCode: await codeAt(secret, -900) }, 'test-signature')).rejects.toMatchObject({ errors: [{ field: 'signature.totpCode' }] });
    await expect(reauthenticate(deps, actor, md!.id, { password: 'wrong-password', totpCode: await codeAt(secret) }, 'test-signature')).rejects.toMatchObject({ errors: [{ field: 'signature.password' }] });
    await expect(reauthenticate(deps, actor, md!.id, { password: 'glia-demo', totpCode: await codeAt(secret) }, 'test-signature')).resolves.toMatchObject({ userId: md!.id });
    const failures = await queryRows<{ n: number }>(t.testDb.database.db, sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'auth.reauthenticate' AND outcome = 'failure' AND resource_id = ${md!.id}`);
    expect(failures[0]!.n).toBe(3);
  });
});
