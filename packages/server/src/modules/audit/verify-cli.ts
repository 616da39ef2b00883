/**
 * `npm run audit:verify`: recomputes the audit trail's hash chain on the
 * configured database. Exit code 0 when intact, 1 at the first broken entry.
 */
import { ConfigError, loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { verifyAuditChain } from './audit-service.ts';

try {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  const result = await verifyAuditChain(database.db);
  await database.close();
  if (result.ok) {
    console.log(`Audit trail intact: ${result.checked} entries verified.`);
  } else {
    console.error(`Audit trail BROKEN at entry ${result.firstBroken!.seq}: ${result.firstBroken!.reason}. ${result.checked} entries before it verified.`);
    process.exit(1);
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Audit verification failed: ${(error as Error).message}`);
  process.exit(2);
}
