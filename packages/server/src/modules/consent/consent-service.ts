/**
 * Informed consent: versioned templates (immutable; the medical director publishes
 * new versions, flagging material changes), signatures on the tablet (typed name
 * and drawn signature), a witness and the clinician obtaining consent, each
 * re-authenticated; a PDF of exactly what was signed is stored with its SHA-256,
 * and every download is a recorded disclosure. Which consent covers the patient
 * and when re-consent is due (rule 2) come from the clinical core.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AddendumCreate, Addendum, Consent, ConsentCreate, ConsentList, ConsentTemplate, ConsentTemplateVersionCreate } from '@glia/contracts';
import { consentCoverage, type ConsentCoverage, type ReconsentReason, type SignedConsentFact, type TemplateVersionFact, type TreatmentRoute } from '@glia/clinical';
import type { AppDeps } from '../../deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { getClinicRuleConfig } from '../clinic-rules/clinic-rule-config.ts';
import { recordDisclosure } from '../disclosures/disclosure-service.ts';
import { clinicDay, localDate } from '../intake/clinic-day.ts';
import { requirePatient } from '../intake/patient-scope.ts';
import { insertAddendum, listAddenda } from '../signing/addenda-service.ts';
import { reauthenticate } from '../signing/reauthenticate.ts';
import { findUserById } from '../users/user-repo.ts';
import { renderConsentPdf } from './consent-pdf.ts';
import {
  findConsentPdf, findTemplate, insertConsent, insertTemplate, latestVersion, listConsentSummaries, listTemplates,
  type ConsentSummaryRow, type TemplateRow,
} from './consent-repo.ts';
import { decodeSignaturePng } from './signature-image.ts';

type Deps = Pick<AppDeps, 'database' | 'now'>;

export const CONSENT_RECORD_TYPE = 'patient-consent';
const WITNESS_ROLES = new Set(['nurse', 'prescriber', 'medical-director', 'front-desk']);

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

function toTemplate(r: TemplateRow, latest: boolean): ConsentTemplate {
  return {
    id: r.id, templateKey: r.templateKey, version: r.version, title: r.title, body: r.body, bodySha256: r.bodySha256, route: r.route as ConsentTemplate['route'],
    maxDoseMgPerKg: r.maxDoseMgPerKg, materialChange: r.materialChange, changeSummary: r.changeSummary, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy, latest,
  };
}

function withLatest(rows: TemplateRow[]): ConsentTemplate[] {
  const top = new Map<string, number>();
  for (const r of rows) top.set(r.templateKey, Math.max(top.get(r.templateKey) ?? 0, r.version));
  return rows.map((r) => toTemplate(r, top.get(r.templateKey) === r.version));
}

export async function getTemplates(deps: Deps): Promise<ConsentTemplate[]> {
  return withLatest(await listTemplates(deps.database.db));
}

/** Publishes the next version of a template (the first when the key is new). Versions are never edited. */
export async function publishTemplateVersion(deps: Deps, actor: AuditActor, key: string, input: ConsentTemplateVersionCreate): Promise<ConsentTemplate> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const previous = await latestVersion(tx, key);
    const row = await insertTemplate(tx, {
      templateKey: key, version: (previous ?? 0) + 1, title: input.title, body: input.body, bodySha256: sha256(input.body), route: input.route,
      maxDoseMgPerKg: input.maxDoseMgPerKg ?? null, materialChange: previous === null ? true : input.materialChange, changeSummary: input.changeSummary ?? null,
      createdAt: now, createdBy: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'consent-template.publish', resourceType: 'consent-template', resourceId: row.id, details: { key, version: row.version, materialChange: row.materialChange } }, now);
    return toTemplate(row, true);
  });
}

// ── coverage (rule 2) ────────────────────────────────────────────────────────
export async function consentFacts(tx: DbOrTx, patientId: string, timeZone: string): Promise<{ consents: SignedConsentFact[]; templates: TemplateVersionFact[]; rows: ConsentSummaryRow[] }> {
  const rows = await listConsentSummaries(tx, patientId);
  const templates = await listTemplates(tx);
  return {
    rows,
    consents: rows.map((r) => ({
      id: r.consent.id, templateKey: r.consent.templateKey, templateVersion: r.consent.templateVersion, route: r.consent.route as TreatmentRoute,
      signedOn: localDate(r.consent.signedAt!, timeZone), maxDoseMgPerKg: r.consent.maxDoseMgPerKg,
    })),
    templates: templates.map((t) => ({ templateKey: t.templateKey, version: t.version, materialChange: t.materialChange })),
  };
}

/** Which consent covers the patient for a route now, and why re-consent is due (clinical core, rule 2). */
export async function consentCoverageFor(tx: DbOrTx, patientId: string, route: TreatmentRoute, timeZone: string, plannedDoseMgPerKg: number | null = null): Promise<ConsentCoverage & { rows: ConsentSummaryRow[] }> {
  const facts = await consentFacts(tx, patientId, timeZone);
  const standard = (await getClinicRuleConfig(tx)).eligibility.rule2.standardConsentMaxDoseMgPerKg;
  return { ...consentCoverage(facts.consents, facts.templates, route, { plannedDoseMgPerKg, standardMaxDoseMgPerKg: standard }), rows: facts.rows };
}

function reasonText(r: ReconsentReason): string {
  switch (r.code) {
    case 'no-consent':
      return `No signed ${r.route === 'iv-ketamine' ? 'IV ketamine (off-label)' : 'esketamine'} consent is on file.`;
    case 'template-changed-materially':
      return `The consent was signed on version ${r.signedVersion} of ${r.templateKey}; version ${r.changedInVersion} changed it materially, so the patient must consent again.`;
    case 'dose-exceeds-consent':
      return `The planned dose ${r.plannedDoseMgPerKg} mg/kg exceeds the ${r.consentMaxDoseMgPerKg} mg/kg the consent covers: re-consent is required (rule 2).`;
  }
}

async function toConsent(tx: DbOrTx, r: ConsentSummaryRow): Promise<Consent> {
  const c = r.consent;
  return {
    id: c.id, patientId: c.patientId, templateId: c.templateId, templateKey: c.templateKey, templateVersion: c.templateVersion, templateTitle: r.templateTitle,
    templateSha256: c.templateSha256, route: c.route as Consent['route'], maxDoseMgPerKg: c.maxDoseMgPerKg, patientTypedName: c.patientTypedName,
    patientSignedAt: c.patientSignedAt.toISOString(),
    witness: { userId: c.witnessId, displayName: r.witnessName, credentials: r.witnessCredentials, signedAt: c.witnessSignedAt.toISOString() },
    signature: { userId: c.signedBy!, displayName: r.signerName, credentials: r.signerCredentials, signedAt: c.signedAt!.toISOString() },
    pdfSha256: c.pdfSha256, pdfUrl: `/api/patients/${c.patientId}/consents/${c.id}/pdf`,
    addenda: await listAddenda(tx, CONSENT_RECORD_TYPE, c.id),
  };
}

export async function getConsents(deps: Deps, actor: AuditActor, patientId: string, query: { route?: TreatmentRoute | undefined; plannedDoseMgPerKg?: number | undefined }): Promise<ConsentList> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await requirePatient(tx, patientId);
    const { timeZone } = await clinicDay(tx, now);
    const route = query.route ?? 'iv-ketamine';
    const coverage = await consentCoverageFor(tx, patientId, route, timeZone, query.plannedDoseMgPerKg ?? null);
    const consents = await Promise.all(coverage.rows.map((r) => toConsent(tx, r)));
    await recordAudit(tx, actor, { action: 'consent.list', resourceType: 'consent', patientId, details: { resultCount: consents.length } }, now);
    return {
      consents,
      status: {
        route,
        current: consents.find((c) => c.id === coverage.current?.id) ?? null,
        reconsentRequired: coverage.reconsentReasons.length > 0,
        reasons: coverage.reconsentReasons.map((r) => ({ code: r.code, message: reasonText(r) })),
      },
    };
  });
}

const normalName = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, ' ').trim();

/**
 * Signs a consent: the clinician (the signed-in user) and a different staff
 * witness each re-authenticate in this request; the typed name must be the
 * patient's; the drawn signature must be a real, non-blank PNG; only the latest
 * version of a template can be signed. The PDF is rendered and stored in the same
 * transaction as the consent and its audit entry.
 */
export async function signConsent(deps: Deps, actor: AuditActor, patientId: string, input: ConsentCreate): Promise<Consent> {
  if (input.witnessId === actor.userId) throw invalidField('witnessId', 'must be someone other than the clinician obtaining consent');
  const signaturePng = decodeSignaturePng(input.patientSignaturePng);
  const { db } = deps.database;
  await requirePatient(db, patientId);
  const witnessUser = await findUserById(db, input.witnessId);
  if (!witnessUser || !witnessUser.active || !witnessUser.roles.some((r) => WITNESS_ROLES.has(r))) {
    throw invalidField('witnessId', 'must be an active clinician or front-desk member of staff');
  }
  const clinician = await reauthenticate(deps, actor, actor.userId!, input.signature, 'consent-obtain');
  const witness = await reauthenticate(deps, actor, input.witnessId, input.witnessSignature, 'consent-witness');
  const now = deps.now();
  return db.transaction(async (tx) => {
    const patient = await requirePatient(tx, patientId);
    const template = await findTemplate(tx, input.templateId);
    if (!template) throw invalidField('templateId', 'names no consent template');
    const newest = await latestVersion(tx, template.templateKey);
    if (newest !== template.version) throw conflict(`Version ${template.version} of ${template.templateKey} was replaced by version ${newest}; sign the current version.`, undefined, [{ field: 'templateId', reason: 'is not the current version' }]);
    const p = patient.patient;
    const accepted = [`${p.givenName} ${p.familyName}`, ...(p.preferredName ? [`${p.preferredName} ${p.familyName}`] : [])];
    if (!accepted.map(normalName).includes(normalName(input.patientTypedName))) {
      throw invalidField('patientTypedName', `must be the patient's full name (${accepted[0]})`);
    }
    const clinic = await clinicDay(tx, now);
    const consentId = randomUUID();
    const pdf = await renderConsentPdf({
      clinicName: clinic.clinicName, timeZone: clinic.timeZone, consentId,
      patient: { name: `${p.givenName} ${p.familyName}`, mrn: p.mrn, birthDate: p.birthDate },
      template: { id: template.id, key: template.templateKey, version: template.version, title: template.title, body: template.body, sha256: template.bodySha256 },
      patientTypedName: input.patientTypedName, signaturePng, signedAt: now,
      witness: { name: witness.displayName, credentials: witness.credentials }, clinician: { name: clinician.displayName, credentials: clinician.credentials },
    });
    await insertConsent(tx, {
      id: consentId, patientId, templateId: template.id, templateKey: template.templateKey, templateVersion: template.version, templateSha256: template.bodySha256,
      route: template.route, maxDoseMgPerKg: template.maxDoseMgPerKg, patientTypedName: input.patientTypedName, patientSignaturePng: signaturePng, patientSignedAt: now,
      witnessId: witness.userId, witnessSignedAt: now, signedAt: now, signedBy: clinician.userId, pdf, pdfSha256: sha256(pdf),
    });
    await recordAudit(tx, actor, {
      action: 'consent.sign', resourceType: CONSENT_RECORD_TYPE, resourceId: consentId, patientId,
      details: { templateKey: template.templateKey, templateVersion: template.version, witnessId: witness.userId, pdfSha256: sha256(pdf) },
    }, now);
    const [row] = await listConsentSummaries(tx, patientId, consentId);
    return toConsent(tx, row!);
  });
}

/** The stored PDF, exactly as signed; recorded as a disclosure (download). */
export async function downloadConsentPdf(deps: Deps, actor: AuditActor, patientId: string, consentId: string): Promise<{ pdf: Buffer; filename: string; sha256: string }> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const patient = await requirePatient(tx, patientId);
    const found = await findConsentPdf(tx, patientId, consentId);
    if (!found) throw notFound('Consent');
    await recordDisclosure(tx, actor, {
      patientId, channel: 'download', what: `Signed consent ${found.templateKey} v${found.templateVersion} (PDF)`, recipient: 'downloaded by Glia staff',
      resourceType: CONSENT_RECORD_TYPE, resourceId: consentId,
    }, now);
    return { pdf: found.pdf, filename: `consent-${patient.patient.mrn}-${found.templateKey}-v${found.templateVersion}.pdf`, sha256: found.pdfSha256 };
  });
}

export async function addConsentAddendum(deps: Deps, actor: AuditActor, patientId: string, consentId: string, input: AddendumCreate): Promise<Addendum> {
  const { db } = deps.database;
  await requirePatient(db, patientId);
  if ((await listConsentSummaries(db, patientId, consentId)).length === 0) throw notFound('Consent');
  const signer = await reauthenticate(deps, actor, actor.userId!, input.signature, 'consent-addendum');
  const now = deps.now();
  return db.transaction(async (tx) => {
    if ((await listConsentSummaries(tx, patientId, consentId)).length === 0) throw notFound('Consent');
    return insertAddendum(tx, actor, { recordType: CONSENT_RECORD_TYPE, recordId: consentId, patientId, text: input.text, signer }, now);
  });
}
