import { z } from 'zod';
import { ELIGIBILITY_DECISIONS, MIN_OVERRIDE_REASON_LENGTH } from '@glia/clinical';
import { CalendarDate, Text, Uuid } from '../common.ts';
import { Addendum, Reauthentication, Signature } from '../signing.ts';

export const EligibilityDecisionKind = z.enum(ELIGIBILITY_DECISIONS);
export type EligibilityDecisionKind = z.infer<typeof EligibilityDecisionKind>;
export const TreatmentRouteSchema = z.enum(['iv-ketamine', 'esketamine']);
export const TreatmentPurposeSchema = z.enum(['psychiatric', 'pain']);
export const EligibilityOccasionSchema = z.enum(['first-infusion', 'series-start', 'infusion']);

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const EligibilityFinding = z.object({
  key: z.string().describe('Stable key of the finding (rule, code, facts): overrides and acknowledgements name it'),
  rule: z.number().int(),
  severity: z.enum(['block', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  facts: z.record(z.string(), Scalar),
  thresholds: z.record(z.string(), Scalar).optional(),
  sources: z.array(z.string()),
});
export type EligibilityFinding = z.infer<typeof EligibilityFinding>;

export const EligibilityQuery = z.strictObject({
  route: TreatmentRouteSchema.optional().describe('Default iv-ketamine'),
  purpose: TreatmentPurposeSchema.optional().describe("Default from the referral's indication (chronic pain → pain)"),
  occasion: EligibilityOccasionSchema.optional().describe('Default first-infusion'),
  plannedOn: CalendarDate.optional().describe('Reference date; default today in the clinic zone'),
  orderedDoseMgPerKg: z.coerce.number().positive().max(10).optional().describe('A planned dose, for the re-consent check of rule 2'),
});
export type EligibilityQuery = z.infer<typeof EligibilityQuery>;

export const EligibilityOverride = z.object({
  rule: z.number().int(),
  findingKey: z.string(),
  findingCode: z.string(),
  findingMessage: z.string(),
  reason: z.string(),
  overriddenBy: z.object({ id: Uuid, displayName: z.string(), credentials: z.string().nullable() }),
  overriddenAt: z.string(),
  reauthenticated: z.literal(true),
});
export const EligibilityAcknowledgement = z.object({
  rule: z.number().int(),
  findingKey: z.string(),
  findingCode: z.string(),
  findingMessage: z.string(),
  acknowledgedBy: z.object({ id: Uuid, displayName: z.string(), credentials: z.string().nullable() }),
  acknowledgedAt: z.string(),
});

export const EligibilityDecision = z.object({
  id: Uuid,
  patientId: Uuid,
  decision: EligibilityDecisionKind,
  occasion: z.string(),
  route: z.string(),
  purpose: z.string(),
  referenceDate: z.string(),
  statusAtDecision: z.enum(['blocked', 'needs-acknowledgement', 'clear']),
  findings: z.array(EligibilityFinding),
  facts: z.record(z.string(), z.unknown()).describe('The facts given to the clinical core'),
  note: z.string().nullable(),
  overrides: z.array(EligibilityOverride),
  acknowledgements: z.array(EligibilityAcknowledgement),
  signature: Signature,
  addenda: z.array(Addendum),
});
export type EligibilityDecision = z.infer<typeof EligibilityDecision>;

export const Eligibility = z.object({
  status: z.enum(['blocked', 'needs-acknowledgement', 'clear']),
  findings: z.array(EligibilityFinding),
  occasion: EligibilityOccasionSchema,
  route: TreatmentRouteSchema,
  purpose: TreatmentPurposeSchema,
  referenceDate: z.string(),
  orderedDoseMgPerKg: z.number().nullable(),
  /** What an "eligible" decision needs, by finding key. */
  decisionRequirements: z.object({
    overridesNeeded: z.array(z.string()),
    acknowledgementsNeeded: z.array(z.string()),
    satisfiedByConsent: z.array(z.string()).describe('Rule 2 consent blocks: cleared by signing the consent, which follows the decision'),
  }),
  facts: z.record(z.string(), z.unknown()).describe('The facts given to the clinical core'),
  latestDecision: EligibilityDecision.nullable(),
});
export type Eligibility = z.infer<typeof Eligibility>;

export const EligibilityDecisionCreate = z.strictObject({
  decision: EligibilityDecisionKind,
  route: TreatmentRouteSchema.optional(),
  purpose: TreatmentPurposeSchema.optional(),
  note: Text(4000).nullable().optional(),
  overrides: z.array(z.strictObject({
    key: z.string().min(1).max(200),
    reason: z.string().trim().min(MIN_OVERRIDE_REASON_LENGTH, { message: `must say why, in at least ${MIN_OVERRIDE_REASON_LENGTH} characters` }).max(2000),
  })).max(50).default([]),
  acknowledgements: z.array(z.strictObject({ key: z.string().min(1).max(200) })).max(50).default([]),
  signature: Reauthentication,
});
export type EligibilityDecisionCreate = z.input<typeof EligibilityDecisionCreate>;

export const EvaluationNoteCreate = z.strictObject({ text: Text(20_000), signature: Reauthentication });
export type EvaluationNoteCreate = z.input<typeof EvaluationNoteCreate>;
export const EvaluationNote = z.object({ id: Uuid, patientId: Uuid, text: z.string(), signature: Signature, addenda: z.array(Addendum) });
export type EvaluationNote = z.infer<typeof EvaluationNote>;
