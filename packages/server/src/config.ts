/**
 * Configuration: one Zod schema for the environment, parsed once at boot.
 * Bad configuration fails fast with a message that names the variable.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  GLIA_DATA_DIR: z.string().min(1).default(path.join(repoRoot, 'data')),
  GLIA_DEMO: booleanFlag,
  GLIA_SESSION_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  GLIA_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  GLIA_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  GLIA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GLIA_WEB_DIST: z.string().default(path.join(repoRoot, 'packages/web/dist')),
  GLIA_TEST_CLOCK: booleanFlag,
  GLIA_TLS_CERT: z.string().min(1).optional(),
  GLIA_TLS_KEY: z.string().min(1).optional(),
  GLIA_HTTPS_PROXY: booleanFlag,
  GLIA_TRUST_PROXY: z.string().min(1).optional(),
  GLIA_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((o) => o.trim()).filter(Boolean) : []))
    .refine((list) => list.every((o) => /^https?:\/\/[^/\s]+$/.test(o)), { message: 'must be a comma-separated list of origins such as https://glia.clinic.lan' }),
  GLIA_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).default(1200),
  GLIA_LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgresql'; url: string };
  dataDir: string;
  /** Seed the demo clinic: always on a fresh embedded database, only with GLIA_DEMO=1 on PostgreSQL. */
  seedDemo: boolean;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  logLevel: z.infer<typeof EnvSchema>['GLIA_LOG_LEVEL'];
  webDist: string;
  /** Test mode only (embedded database): the clock can be moved through POST /api/test/clock. */
  testClock: boolean;
  /** PEM certificate and key to serve HTTPS directly, or null. */
  tls: { cert: string; key: string } | null;
  security: { tls: boolean; trustProxy: string | boolean; allowedOrigins: string[]; apiRequestsPerMinute: number; loginAttemptsPerMinute: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads a kept secret or creates one in the data directory (embedded database only). */
function embeddedSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** Parses the environment into a Config, or throws ConfigError naming every bad variable. */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset (e.g. `DATABASE_URL= npm start`).
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.GLIA_DATA_DIR);
  const onPostgres = e.DATABASE_URL !== undefined;
  if ((e.GLIA_TLS_CERT === undefined) !== (e.GLIA_TLS_KEY === undefined)) {
    throw new ConfigError('Invalid configuration:\n  GLIA_TLS_CERT, GLIA_TLS_KEY: set both (PEM files) or neither');
  }
  for (const [name, file] of [['GLIA_TLS_CERT', e.GLIA_TLS_CERT], ['GLIA_TLS_KEY', e.GLIA_TLS_KEY]] as const) {
    if (file !== undefined && !existsSync(file)) throw new ConfigError(`Invalid configuration:\n  ${name}: file ${file} does not exist`);
  }
  if (onPostgres && !e.GLIA_SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  GLIA_SESSION_SECRET: is required with DATABASE_URL (at least 32 characters, e.g. `openssl rand -base64 48`)');
  }
  if (onPostgres && e.GLIA_TEST_CLOCK) {
    throw new ConfigError('Invalid configuration:\n  GLIA_TEST_CLOCK: is for end-to-end tests on the embedded database only, never with DATABASE_URL');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: onPostgres ? { kind: 'postgresql', url: e.DATABASE_URL! } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    seedDemo: onPostgres ? e.GLIA_DEMO : env.GLIA_DEMO === undefined || e.GLIA_DEMO,
    sessionSecret: e.GLIA_SESSION_SECRET ?? embeddedSessionSecret(dataDir),
    sessionIdleMinutes: e.GLIA_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.GLIA_SESSION_MAX_HOURS,
    logLevel: e.GLIA_LOG_LEVEL,
    webDist: path.resolve(e.GLIA_WEB_DIST),
    testClock: e.GLIA_TEST_CLOCK,
    tls: e.GLIA_TLS_CERT && e.GLIA_TLS_KEY ? { cert: path.resolve(e.GLIA_TLS_CERT), key: path.resolve(e.GLIA_TLS_KEY) } : null,
    security: {
      tls: Boolean(e.GLIA_TLS_CERT) || e.GLIA_HTTPS_PROXY,
      trustProxy: e.GLIA_TRUST_PROXY === undefined ? false : e.GLIA_TRUST_PROXY === 'true' || e.GLIA_TRUST_PROXY === '1' ? true : e.GLIA_TRUST_PROXY,
      allowedOrigins: e.GLIA_ALLOWED_ORIGINS,
      apiRequestsPerMinute: e.GLIA_RATE_LIMIT_PER_MINUTE,
      loginAttemptsPerMinute: e.GLIA_LOGIN_RATE_LIMIT_PER_MINUTE,
    },
  };
}
