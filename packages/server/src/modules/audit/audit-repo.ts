import { and, desc, eq, gte, like, lt, lte, asc, gt, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';
import { chainHash, GENESIS_HASH, type ChainedFields } from './audit-chain.ts';

/** Serializes appends so the chain order equals commit order, across processes. */
const AUDIT_CHAIN_LOCK = 0x676c6961;

export type AuditRow = typeof auditEvents.$inferSelect;

/**
 * Appends one entry inside the caller's transaction. Takes a transaction-scoped
 * advisory lock, reads the last committed hash and chains to it.
 */
export async function appendAuditEntry(tx: DbOrTx, fields: ChainedFields): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash: chainHash(prevHash, fields) });
}

export interface AuditFilter {
  userId?: string | undefined;
  patientId?: string | undefined;
  /** Exact action, or a prefix when it ends with "*" (e.g. "patient.*"). */
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export async function listAuditEntries(db: DbOrTx, filter: AuditFilter): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (filter.userId) conditions.push(eq(auditEvents.userId, filter.userId));
  if (filter.patientId) conditions.push(eq(auditEvents.patientId, filter.patientId));
  if (filter.action) {
    conditions.push(filter.action.endsWith('*') ? like(auditEvents.action, `${filter.action.slice(0, -1).replace(/[%_\\]/g, '\\$&')}%`) : eq(auditEvents.action, filter.action));
  }
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.occurredAt, filter.to));
  if (filter.beforeSeq) conditions.push(lt(auditEvents.seq, filter.beforeSeq));
  return db
    .select()
    .from(auditEvents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(filter.limit);
}

/** Reads the whole trail in seq order, a page at a time. */
export async function* readAuditChain(db: Db, pageSize = 1000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.seq, after)).orderBy(asc(auditEvents.seq)).limit(pageSize);
    for (const row of page) yield row;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}
