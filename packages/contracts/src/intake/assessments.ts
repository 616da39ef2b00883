import { z } from 'zod';
import { INSTRUMENT_IDS } from '@glia/clinical';
import { Instant, Text, Uuid } from '../common.ts';

export const InstrumentIdSchema = z.enum(INSTRUMENT_IDS as unknown as [string, ...string[]]);

export const ASSESSMENT_CONTEXTS = ['intake', 'pre-infusion', 'post-infusion', 'follow-up'] as const;
export const AssessmentContext = z.enum(ASSESSMENT_CONTEXTS);

export const AssessmentCreate = z.strictObject({
  instrument: z.string().min(1).max(40).describe(`Instrument id of the clinical core: ${INSTRUMENT_IDS.join(', ')}`),
  responses: z.array(z.number().nullable()).max(40).describe('One answer per item in the instrument\'s order; null = not answered'),
  context: AssessmentContext.default('intake'),
  administeredAt: Instant.optional().describe('When the patient answered; default now. Not in the future.'),
});
export type AssessmentCreate = z.input<typeof AssessmentCreate>;

export const SAFETY_ALERT_PRIORITIES = ['urgent', 'high', 'routine'] as const;
export const SafetyAlertPriority = z.enum(SAFETY_ALERT_PRIORITIES);

export const SafetyAlert = z.object({
  id: Uuid,
  patientId: Uuid,
  assessmentId: Uuid,
  code: z.string(),
  priority: SafetyAlertPriority,
  message: z.string(),
  addressedTo: z.object({ id: Uuid, displayName: z.string() }).nullable(),
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.object({ id: Uuid, displayName: z.string() }).nullable(),
  acknowledgementNote: z.string().nullable(),
  patient: z.object({ mrn: z.string(), givenName: z.string(), familyName: z.string(), preferredName: z.string().nullable() }).optional(),
  instrument: z.string().optional(),
});
export type SafetyAlert = z.infer<typeof SafetyAlert>;

/** Safety flags of the scored form: name → true/false, or null when the item was not answered. */
export const Assessment = z.object({
  id: Uuid,
  patientId: Uuid,
  instrument: z.string(),
  responses: z.array(z.number().nullable()),
  total: z.number().int().nullable(),
  band: z.string().nullable(),
  complete: z.boolean(),
  missingItems: z.array(z.number().int()),
  flags: z.record(z.string(), z.boolean().nullable()),
  score: z.record(z.string(), z.unknown()).describe('The full score of the clinical core (subscales, alternative bands, …)'),
  context: AssessmentContext,
  administeredAt: z.string(),
  enteredAt: z.string(),
  enteredBy: z.object({ id: Uuid, displayName: z.string() }).nullable(),
  alerts: z.array(SafetyAlert),
});
export type Assessment = z.infer<typeof Assessment>;

export const SafetyAlertQuery = z.strictObject({
  scope: z.enum(['mine', 'all']).default('mine').describe('mine: addressed to me or to no one; all: every open alert (medical director)'),
});

export const SafetyAlertAcknowledge = z.strictObject({ note: Text(1000).nullable().optional() });
