/**
 * A Glia app on a fresh database for integration tests, driven through
 * app.inject(): real routes, real SQL, a controllable clock, no network.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { initializeDatabase } from '../seed/initialize.ts';
import { DEMO_PASSWORD } from '../seed/demo-people.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import type { Role } from '@glia/contracts';
import type { SecurityPolicy } from '../security/http-policy.ts';

export class TestClock {
  private current: number;
  constructor(start = new Date('2026-11-23T15:00:00Z')) {
    this.current = start.getTime();
  }
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current += ms;
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}

export interface TestApp {
  app: FastifyInstance;
  testDb: TestDatabase;
  clock: TestClock;
  /** Signs in as `<role>@demo.glia.local` and returns the Cookie header value. */
  loginAs(role: Role): Promise<string>;
  /** app.inject with an optional session cookie. */
  request(opts: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789';

export async function createTestApp(opts: { idleMinutes?: number; maxHours?: number; security?: Partial<SecurityPolicy> } = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const clock = new TestClock();
  await initializeDatabase(testDb.database, { seedDemo: true, now: clock.now() });
  const app = await buildApp({
    database: testDb.database,
    session: { secret: TEST_SESSION_SECRET, idleMinutes: opts.idleMinutes ?? 15, maxHours: opts.maxHours ?? 12, secureCookie: false },
    now: clock.now,
    // Tests sign in far more often than people do: the per-address limits are raised unless a test sets them.
    security: { apiRequestsPerMinute: 100_000, loginAttemptsPerMinute: 10_000, ...opts.security },
    webDist: null,
  });
  await app.ready();

  const request: TestApp['request'] = ({ cookie, headers, ...rest }) =>
    app.inject({ ...rest, headers: { ...(headers ?? {}), ...(cookie ? { cookie } : {}) } });

  const loginAs = async (role: Role): Promise<string> => {
    const res = await request({ method: 'POST', url: '/api/auth/login', payload: { email: `${role}@demo.glia.local`, password: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'glia_session');
    if (!cookie) throw new Error('login set no session cookie');
    return `glia_session=${cookie.value}`;
  };

  return {
    app,
    testDb,
    clock,
    loginAs,
    request,
    close: async () => {
      await app.close();
      await testDb.destroy();
    },
  };
}
