import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Staff accounts. Roles are a set of the six Glia roles, checked by the database. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string. */
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    /** Licence/credentials shown on signatures, e.g. "RN", "MD". */
    credentials: text('credentials'),
    active: boolean('active').notNull().default(true),
    /** Base32 TOTP secret (RFC 6238); set at enrolment, confirmed when mfaEnabledAt is set. */
    mfaSecret: text('mfa_secret'),
    mfaEnabledAt: timestamp('mfa_enabled_at', { withTimezone: true, mode: 'date' }),
    /** Last accepted TOTP time step: a code is accepted once (replay refused). */
    mfaLastTimeStep: bigint('mfa_last_time_step', { mode: 'number' }),
    /** Consecutive failed sign-ins; reset by a successful one. */
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    /** Sign-in refused, even with the right password, until this time (back-off after 5 failures). */
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check(
      'users_roles_valid',
      sql`cardinality(${t.roles}) > 0 AND ${t.roles} <@ ARRAY['admin','medical-director','prescriber','nurse','front-desk','billing']::text[]`,
    ),
  ],
);

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const userSessions = pgTable(
  'user_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Absolute end of the session whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokedReason: text('revoked_reason'),
    clientIp: text('client_ip'),
    userAgent: text('user_agent'),
    /** Password accepted, second factor still owed: the session opens only /api/auth/mfa and logout. */
    mfaPending: boolean('mfa_pending').notNull().default(false),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

/** One-time recovery codes for a lost authenticator; only an argon2id hash is stored. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('mfa_recovery_codes_user_idx').on(t.userId)],
);
