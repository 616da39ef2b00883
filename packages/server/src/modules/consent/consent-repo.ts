import { and, asc, desc, eq, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { consentTemplates, patientConsents, users } from '../../db/schema/index.ts';

export type TemplateRow = typeof consentTemplates.$inferSelect;
export type ConsentRow = typeof patientConsents.$inferSelect;

export const listTemplates = (db: DbOrTx): Promise<TemplateRow[]> =>
  db.select().from(consentTemplates).orderBy(asc(consentTemplates.templateKey), desc(consentTemplates.version));

export async function findTemplate(db: DbOrTx, id: string): Promise<TemplateRow | null> {
  const [row] = await db.select().from(consentTemplates).where(eq(consentTemplates.id, id)).limit(1);
  return row ?? null;
}

export async function latestVersion(db: DbOrTx, key: string): Promise<number | null> {
  const [row] = await db.select({ v: max(consentTemplates.version) }).from(consentTemplates).where(eq(consentTemplates.templateKey, key));
  return row?.v ?? null;
}

export const insertTemplate = async (db: DbOrTx, v: typeof consentTemplates.$inferInsert): Promise<TemplateRow> => (await db.insert(consentTemplates).values(v).returning())[0]!;

export const insertConsent = async (db: DbOrTx, v: typeof patientConsents.$inferInsert): Promise<ConsentRow> => (await db.insert(patientConsents).values(v).returning())[0]!;

const witness = alias(users, 'witness');
const signer = alias(users, 'signer');

/** Consent columns without the stored bytes (PDF and signature image), with the people and the template title. */
const summary = {
  consent: {
    id: patientConsents.id, patientId: patientConsents.patientId, templateId: patientConsents.templateId, templateKey: patientConsents.templateKey,
    templateVersion: patientConsents.templateVersion, templateSha256: patientConsents.templateSha256, route: patientConsents.route,
    maxDoseMgPerKg: patientConsents.maxDoseMgPerKg, patientTypedName: patientConsents.patientTypedName, patientSignedAt: patientConsents.patientSignedAt,
    witnessId: patientConsents.witnessId, witnessSignedAt: patientConsents.witnessSignedAt, signedAt: patientConsents.signedAt, signedBy: patientConsents.signedBy,
    pdfSha256: patientConsents.pdfSha256,
  },
  templateTitle: consentTemplates.title,
  witnessName: witness.displayName, witnessCredentials: witness.credentials,
  signerName: signer.displayName, signerCredentials: signer.credentials,
};
export interface ConsentSummaryRow {
  consent: Omit<ConsentRow, 'patientSignaturePng' | 'pdf'>;
  templateTitle: string;
  witnessName: string;
  witnessCredentials: string | null;
  signerName: string;
  signerCredentials: string | null;
}

export function listConsentSummaries(db: DbOrTx, patientId: string, consentId?: string): Promise<ConsentSummaryRow[]> {
  return db.select(summary).from(patientConsents)
    .innerJoin(consentTemplates, eq(consentTemplates.id, patientConsents.templateId))
    .innerJoin(witness, eq(witness.id, patientConsents.witnessId))
    .innerJoin(signer, eq(signer.id, patientConsents.signedBy))
    .where(consentId ? and(eq(patientConsents.patientId, patientId), eq(patientConsents.id, consentId)) : eq(patientConsents.patientId, patientId))
    .orderBy(desc(patientConsents.signedAt));
}

export async function findConsentPdf(db: DbOrTx, patientId: string, consentId: string): Promise<{ pdf: Buffer; pdfSha256: string; templateKey: string; templateVersion: number } | null> {
  const [row] = await db.select({ pdf: patientConsents.pdf, pdfSha256: patientConsents.pdfSha256, templateKey: patientConsents.templateKey, templateVersion: patientConsents.templateVersion })
    .from(patientConsents).where(and(eq(patientConsents.id, consentId), eq(patientConsents.patientId, patientId))).limit(1);
  return row ?? null;
}
