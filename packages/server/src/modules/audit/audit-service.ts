/**
 * Records who did what to which record, when, from where, and with what
 * outcome. Writes go into the caller's transaction so the audit entry and the
 * change commit together or not at all.
 */
import type { AuditVerifyResult } from '@glia/contracts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { chainHash, GENESIS_HASH } from './audit-chain.ts';
import { appendAuditEntry, readAuditChain } from './audit-repo.ts';

/** Who is acting, taken from the request. */
export interface AuditActor {
  userId: string | null;
  userEmail: string | null;
  clientIp: string | null;
  requestId: string | null;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEvent {
  /** Dotted verb, e.g. "patient.read", "patient.update", "auth.login". */
  action: string;
  /** Kind of record, e.g. "patient", "session", "user". */
  resourceType: string;
  resourceId?: string | null;
  /** The patient whose data this touches, for the per-patient access report. */
  patientId?: string | null;
  outcome?: AuditOutcome;
  /** Ids, field names and counts — never values of patient data beyond what identifies the access. */
  details?: Record<string, unknown>;
}

export async function recordAudit(tx: DbOrTx, actor: AuditActor, event: AuditEvent, now: Date): Promise<void> {
  await appendAuditEntry(tx, {
    occurredAt: now,
    userId: actor.userId,
    userEmail: actor.userEmail,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId ?? null,
    patientId: event.patientId ?? null,
    outcome: event.outcome ?? 'success',
    clientIp: actor.clientIp,
    requestId: actor.requestId,
    details: event.details ?? {},
  });
}

/** Records an event in its own transaction (for failures whose main transaction rolled back). */
export async function recordAuditStandalone(db: Db, actor: AuditActor, event: AuditEvent, now: Date): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, actor, event, now));
}

/**
 * Recomputes the chain from the first entry and reports the first entry whose
 * link or hash does not match (a row altered, deleted or inserted out of band).
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for await (const row of readAuditChain(db)) {
    if (row.prevHash !== prevHash) {
      return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'does not link to the previous entry (an entry before it was removed or altered)' } };
    }
    const { seq: _seq, prevHash: _prev, hash: _hash, ...fields } = row;
    const expected = chainHash(prevHash, fields);
    if (expected !== row.hash) {
      return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'its content does not match its hash (the entry was altered)' } };
    }
    prevHash = row.hash;
    checked++;
  }
  return { ok: true, checked, firstBroken: null };
}
