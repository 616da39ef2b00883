/**
 * Starts Glia: reads configuration, opens and migrates the database, seeds the
 * demo clinic on a fresh embedded database, and listens.
 */
import { ConfigError, loadConfig, type Config } from './config.ts';
import { buildApp } from './app.ts';
import { openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { getClinic } from './modules/clinic/clinic-repo.ts';
import { initializeDatabase } from './seed/initialize.ts';
import { seedDemoInfusionDay } from './seed/demo-infusion-day.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from './seed/demo-people.ts';
import { embeddedQueue, pgBossQueue, reminderTransportsFromEnv, startReminderJobs } from './modules/scheduling/jobs.ts';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const database = await openDatabase(config.database);
await runMigrations(database);
const init = await initializeDatabase(database, { seedDemo: config.seedDemo, now: new Date() });
const clinic = await getClinic(database.db);
// The demo clinic gets a living chair board every day it is started.
if (clinic.demo) await seedDemoInfusionDay(database, new Date());

// Test mode only: an offset the end-to-end tests move through POST /api/test/clock.
let clockOffsetMs = 0;
const testClock = config.testClock
  ? { advance: (ms: number): void => void (clockOffsetMs += ms), set: (at: Date): void => void (clockOffsetMs = at.getTime() - Date.now()) }
  : undefined;
const app = await buildApp(
  {
    database,
    session: { secret: config.sessionSecret, idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours, secureCookie: false },
    now: () => new Date(Date.now() + clockOffsetMs),
    webDist: config.webDist,
    ...(testClock ? { testClock } : {}),
  },
  { logLevel: config.logLevel },
);

await app.listen({ port: config.port, host: config.host });

// Appointment reminders: pg-boss on PostgreSQL, the embedded queue on PGlite.
const jobQueue = config.database.kind === 'postgresql' ? pgBossQueue(config.database.url) : embeddedQueue(database, () => new Date());
const stopJobs = await startReminderJobs(jobQueue, database, await reminderTransportsFromEnv(process.env), () => new Date());

const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
const lines = [
  '',
  `  Glia is running at ${url}`,
  `  Database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.database.kind === 'pglite' ? config.database.dataDir : ''}` : 'PostgreSQL (DATABASE_URL)'}`,
  `  Clinic: ${clinic.name} (time zone ${clinic.timeZone})`,
  `  API docs: ${url}/api/docs`,
];
if (clinic.demo) {
  lines.push('', `  DEMO clinic with fictional patients. Sign in with any of these (password "${DEMO_PASSWORD}"):`);
  for (const s of DEMO_STAFF) lines.push(`    ${s.email.padEnd(36)} ${s.roles.join(', ')}`);
}
if (init.initialAdmin) {
  lines.push('', '  First start: an administrator account was created. Sign in and change its password:', `    ${init.initialAdmin.email}  password: ${init.initialAdmin.password}`);
}
console.log(lines.join('\n') + '\n');

const shutdown = async (signal: string): Promise<void> => {
  console.log(`\n  ${signal}: closing Glia…`);
  await app.close();
  await stopJobs();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
