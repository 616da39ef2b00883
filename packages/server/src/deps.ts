import type { SecurityPolicy } from './security/http-policy.ts';
import type { Database } from './db/client.ts';

/** What every module receives: the database, session policy and the clock. */
export interface AppDeps {
  database: Database;
  session: {
    secret: string;
    idleMinutes: number;
    maxHours: number;
    /** Mark the cookie Secure (served over TLS). */
    secureCookie: boolean;
  };
  /** The current time. Tests pass a controllable clock. */
  now: () => Date;
  /** Test mode only: moves `now` (end-to-end tests drive the clinic's clock). Absent in production. */
  testClock?: { advance(ms: number): void; set(at: Date): void };
  /** HTTP hardening and sign-in throttling; every field has a safe default (see security/http-policy.ts). */
  security?: Partial<SecurityPolicy>;
  /** Folder of the built web app to serve, or null to serve none. */
  webDist: string | null;
}
