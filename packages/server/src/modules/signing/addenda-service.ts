/**
 * Addenda: the only way to correct or add to a signed record. Each addendum is
 * signed with re-authentication, linked to its record and patient, and audited.
 */
import { asc, and, eq } from 'drizzle-orm';
import type { Addendum } from '@glia/contracts';
import type { DbOrTx } from '../../db/client.ts';
import { addenda, users } from '../../db/schema/index.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import type { VerifiedSigner } from './reauthenticate.ts';

export async function insertAddendum(
  tx: DbOrTx,
  actor: AuditActor,
  input: { recordType: string; recordId: string; patientId: string | null; text: string; signer: VerifiedSigner },
  now: Date,
): Promise<Addendum> {
  const [row] = await tx
    .insert(addenda)
    .values({ recordType: input.recordType, recordId: input.recordId, patientId: input.patientId, text: input.text, signedBy: input.signer.userId, signedAt: now })
    .returning();
  await recordAudit(tx, actor, {
    action: 'addendum.create',
    resourceType: input.recordType,
    resourceId: input.recordId,
    patientId: input.patientId,
    details: { addendumId: row!.id },
  }, now);
  return {
    id: row!.id,
    recordType: row!.recordType,
    recordId: row!.recordId,
    patientId: row!.patientId,
    text: row!.text,
    signature: { userId: input.signer.userId, displayName: input.signer.displayName, credentials: input.signer.credentials, signedAt: now.toISOString() },
  };
}

export async function listAddenda(db: DbOrTx, recordType: string, recordId: string): Promise<Addendum[]> {
  const rows = await db
    .select({ a: addenda, name: users.displayName, credentials: users.credentials })
    .from(addenda)
    .innerJoin(users, eq(users.id, addenda.signedBy))
    .where(and(eq(addenda.recordType, recordType), eq(addenda.recordId, recordId)))
    .orderBy(asc(addenda.signedAt));
  return rows.map(({ a, name, credentials }) => ({
    id: a.id,
    recordType: a.recordType,
    recordId: a.recordId,
    patientId: a.patientId,
    text: a.text,
    signature: { userId: a.signedBy, displayName: name, credentials, signedAt: a.signedAt.toISOString() },
  }));
}
