import { z } from 'zod';
import { Text, Uuid } from '../common.ts';
import { Addendum, Reauthentication, Signature } from '../signing.ts';
import { TreatmentRouteSchema } from './eligibility.ts';

export const TemplateKey = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lower-case words joined by dashes' }).max(60);

export const ConsentTemplate = z.object({
  id: Uuid,
  templateKey: z.string(),
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  bodySha256: z.string(),
  route: TreatmentRouteSchema,
  maxDoseMgPerKg: z.number().nullable(),
  materialChange: z.boolean(),
  changeSummary: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  latest: z.boolean(),
});
export type ConsentTemplate = z.infer<typeof ConsentTemplate>;

export const ConsentTemplateVersionCreate = z.strictObject({
  title: Text(200),
  body: Text(50_000),
  route: TreatmentRouteSchema,
  maxDoseMgPerKg: z.number().positive().max(5).nullable().optional().describe('Highest dose the text covers (rule 2); null = the clinic standard'),
  materialChange: z.boolean().describe('True when the change is substantive: patients who signed earlier versions must re-consent'),
  changeSummary: Text(1000).nullable().optional(),
});
export type ConsentTemplateVersionCreate = z.input<typeof ConsentTemplateVersionCreate>;

export const TemplateKeyParams = z.strictObject({ key: TemplateKey });

/** A PNG data URL from the signature canvas. */
export const SignaturePng = z.string().max(400_000, { message: 'is too large (keep the drawn signature under 300 KB)' })
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, { message: 'must be a PNG image as a data URL (data:image/png;base64,…)' });

export const ConsentCreate = z.strictObject({
  templateId: Uuid,
  patientTypedName: Text(200).describe("The patient's full name, typed by the patient"),
  patientSignaturePng: SignaturePng,
  witnessId: Uuid,
  witnessSignature: Reauthentication.describe("The witness's own password (and code)"),
  signature: Reauthentication.describe('The password of the clinician obtaining consent (the signed-in user)'),
});
export type ConsentCreate = z.input<typeof ConsentCreate>;

export const Consent = z.object({
  id: Uuid,
  patientId: Uuid,
  templateId: Uuid,
  templateKey: z.string(),
  templateVersion: z.number().int(),
  templateTitle: z.string(),
  templateSha256: z.string(),
  route: TreatmentRouteSchema,
  maxDoseMgPerKg: z.number().nullable(),
  patientTypedName: z.string(),
  patientSignedAt: z.string(),
  witness: Signature,
  signature: Signature,
  pdfSha256: z.string(),
  pdfUrl: z.string(),
  addenda: z.array(Addendum),
});
export type Consent = z.infer<typeof Consent>;

export const ReconsentReason = z.object({ code: z.string(), message: z.string() });

export const ConsentStatusQuery = z.strictObject({
  route: TreatmentRouteSchema.optional(),
  plannedDoseMgPerKg: z.coerce.number().positive().max(10).optional().describe('A planned dose: re-consent when it exceeds what the consent covers (rule 2)'),
});

export const ConsentList = z.object({
  consents: z.array(Consent),
  status: z.object({
    route: TreatmentRouteSchema,
    current: Consent.nullable(),
    reconsentRequired: z.boolean(),
    reasons: z.array(ReconsentReason),
  }),
});
export type ConsentList = z.infer<typeof ConsentList>;
