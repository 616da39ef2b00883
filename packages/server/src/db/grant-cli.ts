/**
 * `npm run db:grant -- <role>`: gives the application's PostgreSQL role the
 * privileges it needs, with only SELECT and INSERT on append-only tables
 * (see grants.ts). Run as the table owner, after `npm run db:migrate`.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from './client.ts';
import { grantApplicationRole } from './grants.ts';

const role = process.argv[2];
if (!role) {
  console.error('Usage: npm run db:grant -- <application role>   (with DATABASE_URL of the table owner)');
  process.exit(2);
}
try {
  const config = loadConfig();
  if (config.database.kind !== 'postgresql') throw new ConfigError('db:grant needs DATABASE_URL: the embedded database has no roles to separate.');
  const database = await openDatabase(config.database);
  const report = await grantApplicationRole(database.db, role);
  await database.close();
  console.log(`Granted ${report.role} SELECT, INSERT, UPDATE, DELETE on every table, except:`);
  for (const t of report.appendOnly) console.log(`  ${t.table.padEnd(34)} refused: ${t.refused.join(', ')}`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Grant failed: ${(error as Error).message}`);
  process.exit(1);
}
