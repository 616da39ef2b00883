/**
 * Passwords and sessions: lockout with back-off after 5 failures per account,
 * rate limiting per client address, the password policy, logout everywhere
 * and password change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { passwordProblem } from '../../security/password-policy.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (email: string, password: string) => t.request({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('lockout with back-off', () => {
  it('refuses the 6th attempt in a row even with the right password until the back-off passes, then doubles it', async () => {
    const email = 'billing@demo.glia.local';
    for (let i = 1; i <= 4; i++) expect((await login(email, `wrong-password-${i}`)).json().detail).toBe('E-mail or password is incorrect.');
    const fifth = await login(email, 'wrong-password-5');
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().detail).toMatch(/Too many failed sign-ins.*1 minute/);
    const sixth = await login(email, 'glia-demo');
    expect(sixth.statusCode).toBe(401);
    expect(sixth.json().detail).toMatch(/Too many failed sign-ins/);
    expect(sixth.cookies.find((c) => c.name === 'glia_session')).toBeUndefined();

    t.clock.advance(61_000);
    // One more failure after the lock doubles the back-off to 2 minutes.
    expect((await login(email, 'wrong-password-6')).json().detail).toMatch(/2 minutes/);
    t.clock.advance(121_000);
    expect((await login(email, 'glia-demo')).statusCode).toBe(200);
    // A success resets the count.
    expect((await login(email, 'wrong-again')).json().detail).toBe('E-mail or password is incorrect.');
  });

  it('locks one account without touching another', async () => {
    for (let i = 0; i < 5; i++) await login('front-desk@demo.glia.local', 'not-it-at-all');
    expect((await login('front-desk@demo.glia.local', 'glia-demo')).statusCode).toBe(401);
    expect((await login('nurse@demo.glia.local', 'glia-demo')).statusCode).toBe(200);
  });
});

describe('rate limiting per client address', () => {
  it('answers 429 with a problem once an address exceeds the sign-in limit', async () => {
    const limited = await createTestApp({ security: { loginAttemptsPerMinute: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.request({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@demo.glia.local', password: 'x' } });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) expect(res.json()).toMatchObject({ code: 'RATE_LIMITED' });
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Another address is not affected.
      const other = await limited.request({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.0.0.9', payload: { email: 'nurse@demo.glia.local', password: 'glia-demo' } });
      expect(other.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('password policy', () => {
  it('needs 12 characters and refuses common passwords and their decorated forms', () => {
    expect(passwordProblem('short-pass')).toMatch(/at least 12/);
    expect(passwordProblem('password1234')).toMatch(/commonly used/);
    expect(passwordProblem('Password2024!!')).toMatch(/commonly used/);
    expect(passwordProblem('qwertyuiop12')).toMatch(/commonly used/);
    expect(passwordProblem('aaaaaaaaaaaaaaa')).toMatch(/too few/);
    expect(passwordProblem('jdoe-my-own-phrase', { email: 'jdoe@clinic.example' })).toMatch(/e-mail/);
    expect(passwordProblem('violet ferry lantern 42')).toBeNull();
  });

  it('refuses a common password for a new account with 400 naming the field, and creates nothing', async () => {
    const admin = await t.loginAs('admin');
    const res = await t.request({ method: 'POST', url: '/api/users', cookie: admin, payload: { email: 'new.nurse@demo.glia.local', displayName: 'New Nurse', roles: ['nurse'], password: 'Password2024!' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'password', reason: expect.stringMatching(/commonly used/) }]);
    const users = (await t.request({ method: 'GET', url: '/api/users', cookie: admin })).json() as { email: string }[];
    expect(users.some((u) => u.email === 'new.nurse@demo.glia.local')).toBe(false);
  });
});

describe('sessions', () => {
  it('logout everywhere ends every session of the user, on every device', async () => {
    const a = await t.loginAs('prescriber');
    const b = await t.loginAs('prescriber');
    const other = await t.loginAs('nurse');
    const res = await t.request({ method: 'POST', url: '/api/auth/logout-everywhere', cookie: a });
    expect(res.json().sessionsEnded).toBeGreaterThanOrEqual(2);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: b })).json().detail).toMatch(/every device/);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: other })).statusCode).toBe(200);
  });

  it('a password change checks the current one, applies the policy, and replaces every session', async () => {
    const admin = await t.loginAs('admin');
    const created = await t.request({ method: 'POST', url: '/api/users', cookie: admin, payload: { email: 'pw.test@demo.glia.local', displayName: 'Pw Test', roles: ['billing'], password: 'first long phrase here' } });
    expect(created.statusCode).toBe(201);
    const first = await login('pw.test@demo.glia.local', 'first long phrase here');
    const cookie = `glia_session=${first.cookies.find((c) => c.name === 'glia_session')!.value}`;
    const other = `glia_session=${(await login('pw.test@demo.glia.local', 'first long phrase here')).cookies.find((c) => c.name === 'glia_session')!.value}`;
    const wrong = await t.request({ method: 'POST', url: '/api/auth/password', cookie, payload: { currentPassword: 'nope', newPassword: 'second long phrase here' } });
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const weak = await t.request({ method: 'POST', url: '/api/auth/password', cookie, payload: { currentPassword: 'first long phrase here', newPassword: 'password1234' } });
    expect(weak.json().errors[0].field).toBe('newPassword');
    const ok = await t.request({ method: 'POST', url: '/api/auth/password', cookie, payload: { currentPassword: 'first long phrase here', newPassword: 'second long phrase here' } });
    expect(ok.statusCode).toBe(200);
    const rotated = `glia_session=${ok.cookies.find((c) => c.name === 'glia_session')!.value}`;
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: rotated })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/auth/me', cookie: other })).statusCode).toBe(401);
    expect((await login('pw.test@demo.glia.local', 'second long phrase here')).statusCode).toBe(200);
  });
});
