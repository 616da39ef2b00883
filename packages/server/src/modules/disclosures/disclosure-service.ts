/**
 * Accounting of disclosures (HIPAA 164.528; 45 CFR 170.315(d)(11)): every
 * export, print, download or e-mail of a patient's data is recorded with who,
 * when, what and to whom, in the same transaction as the audit entry.
 */
import { desc, eq } from 'drizzle-orm';
import type { Disclosure } from '@glia/contracts';
import type { DbOrTx } from '../../db/client.ts';
import { disclosures, users } from '../../db/schema/index.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';

export interface DisclosureInput {
  patientId: string;
  channel: Disclosure['channel'];
  what: string;
  recipient: string;
  /** The record released, for the audit entry. */
  resourceType: string;
  resourceId: string | null;
}

export async function recordDisclosure(tx: DbOrTx, actor: AuditActor, input: DisclosureInput, now: Date): Promise<void> {
  await tx.insert(disclosures).values({
    occurredAt: now,
    patientId: input.patientId,
    userId: actor.userId,
    channel: input.channel,
    what: input.what,
    recipient: input.recipient,
  });
  await recordAudit(tx, actor, {
    action: `disclosure.${input.channel}`,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
    patientId: input.patientId,
    details: { what: input.what, recipient: input.recipient },
  }, now);
}

export async function listDisclosures(db: DbOrTx, patientId: string): Promise<Disclosure[]> {
  const rows = await db
    .select({ d: disclosures, name: users.displayName })
    .from(disclosures)
    .leftJoin(users, eq(users.id, disclosures.userId))
    .where(eq(disclosures.patientId, patientId))
    .orderBy(desc(disclosures.occurredAt));
  return rows.map(({ d, name }) => ({
    id: d.id,
    occurredAt: d.occurredAt.toISOString(),
    patientId: d.patientId,
    userId: d.userId,
    userDisplayName: name,
    channel: d.channel as Disclosure['channel'],
    what: d.what,
    recipient: d.recipient,
  }));
}
