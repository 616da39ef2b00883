/**
 * The infusion day: sessions, the pre-start checklist, pump events, the
 * monitoring flowsheet with its alerts, recovery, discharge and the session note
 * (clinical.md §6-8, §15 rules 18-29, 34).
 */
import { z } from 'zod';
import { CalendarDate, Instant, Phone, Text, Uuid } from './common.ts';
import { Reauthentication } from './signing.ts';
import { SecondSigner } from './inventory.ts';

export const SESSION_PHASES = ['arrived', 'pre-checks', 'ready', 'infusing', 'paused', 'recovery', 'ready-for-discharge', 'discharged'] as const;
export const SessionPhase = z.enum(SESSION_PHASES);
export type SessionPhase = z.infer<typeof SessionPhase>;

export const ALERT_SEVERITIES = ['emergency', 'escalate', 'warning', 'advisory'] as const;
export const AlertSeverity = z.enum(ALERT_SEVERITIES);

export const SessionAlert = z.object({
  key: z.string(),
  rule: z.number().int(),
  severity: AlertSeverity,
  code: z.string(),
  message: z.string(),
  action: z.string(),
  since: z.string(),
  active: z.boolean().describe('False once the condition has cleared (kept until acknowledged).'),
  requiresAcknowledgement: z.boolean(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  escalatedTo: z.string().nullable(),
});
export type SessionAlert = z.infer<typeof SessionAlert>;

export const NAUSEA_LEVELS = ['none', 'mild', 'moderate', 'severe'] as const;
export const CRISIS_SYMPTOM_CODES = ['chest-pain', 'dyspnea', 'sudden-severe-headache', 'visual-change', 'seizure', 'reduced-consciousness', 'focal-deficit'] as const;
export const DISSOCIATION_SCALES = ['CADSS-6', 'CADSS', 'observer-0-4'] as const;

const whole = (min: number, max: number, what: string) =>
  z.number().int({ message: 'must be a whole number' }).min(min, { message: `is not a possible ${what} (below ${min})` }).max(max, { message: `is not a possible ${what} (above ${max})` });

export const ReadingCreate = z
  .strictObject({
    takenAt: Instant,
    systolicMmHg: whole(40, 300, 'systolic BP').optional(),
    diastolicMmHg: whole(20, 200, 'diastolic BP').optional(),
    heartRateBpm: whole(20, 250, 'heart rate').optional(),
    spo2Pct: whole(50, 100, 'SpO2').optional(),
    respRatePerMin: whole(0, 60, 'respiratory rate').optional(),
    moaasScore: whole(0, 5, 'MOAA/S score').optional().describe('Modified Observer’s Assessment of Alertness/Sedation, 0-5.'),
    dissociation: z.strictObject({ scale: z.enum(DISSOCIATION_SCALES), score: whole(0, 92, 'dissociation score') }).optional(),
    nausea: z.enum(NAUSEA_LEVELS).optional(),
    symptoms: z.array(z.enum(CRISIS_SYMPTOM_CODES)).max(7).optional().describe('Crisis symptoms assessed at this reading (rule 23); [] = assessed, none.'),
  })
  .refine((r) => (r.systolicMmHg === undefined) === (r.diastolicMmHg === undefined), { message: 'systolic and diastolic BP go together', path: ['diastolicMmHg'] })
  .refine((r) => r.systolicMmHg === undefined || r.diastolicMmHg === undefined || r.systolicMmHg > r.diastolicMmHg, { message: 'must be lower than the systolic BP', path: ['diastolicMmHg'] })
  .refine((r) => r.dissociation === undefined || r.dissociation.score <= ({ 'CADSS-6': 24, CADSS: 92, 'observer-0-4': 4 } as const)[r.dissociation.scale], { message: 'is above the maximum of its scale', path: ['dissociation', 'score'] })
  .refine(
    (r) => [r.systolicMmHg, r.heartRateBpm, r.spo2Pct, r.respRatePerMin, r.moaasScore, r.dissociation, r.nausea, r.symptoms].some((v) => v !== undefined),
    { message: 'a reading needs at least one measurement', path: ['takenAt'] },
  );
export type ReadingCreate = z.infer<typeof ReadingCreate>;

export const Reading = z.object({
  id: Uuid,
  takenAt: z.string(),
  systolicMmHg: z.number().nullable(),
  diastolicMmHg: z.number().nullable(),
  heartRateBpm: z.number().nullable(),
  spo2Pct: z.number().nullable(),
  respRatePerMin: z.number().nullable(),
  moaasScore: z.number().nullable(),
  dissociation: z.object({ scale: z.string(), score: z.number() }).nullable(),
  nausea: z.string().nullable(),
  symptoms: z.array(z.string()).nullable(),
  source: z.string(),
  recordedBy: z.string().nullable(),
});
export type Reading = z.infer<typeof Reading>;

export const ReadingCreated = z.object({ reading: Reading, alerts: z.array(SessionAlert), phase: SessionPhase });
export type ReadingCreated = z.infer<typeof ReadingCreated>;

export const Finding = z.object({ rule: z.number().int(), severity: z.string(), code: z.string(), message: z.string() });

export const ChecklistItem = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(['met', 'unmet', 'not-applicable']),
  finding: Finding.nullable(),
});

export const CheckInUpdate = z.strictObject({
  escort: z.strictObject({ name: Text(200), phone: Phone }).optional(),
  fasting: z.strictObject({ lastSolidsAt: Instant.nullable(), lastLiquidsAt: Instant.nullable() }).optional().describe('null = nothing within the fasting window, as reported.'),
  weightKg: z.number().min(20, { message: 'must be at least 20 kg' }).max(350, { message: 'must be at most 350 kg' }).optional().describe('Re-weighed at check-in.'),
  medicationChanges: z.strictObject({ changed: z.boolean(), note: z.string().trim().max(1000).nullable() }).optional(),
});
export type CheckInUpdate = z.infer<typeof CheckInUpdate>;

export const PreDoseDecisionCreate = z.strictObject({ decision: z.enum(['proceed', 'delay']), reason: Text(500) });
export type PreDoseDecisionCreate = z.infer<typeof PreDoseDecisionCreate>;

export const OrderPrepare = z.strictObject({ lotId: Uuid.describe('The ketamine lot to draw from (inventory).') });
export type OrderPrepare = z.infer<typeof OrderPrepare>;

export const PUMP_ACTIONS = ['start', 'pause', 'resume', 'rate-change', 'stop'] as const;
export const PumpEventCreate = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('start'), at: Instant.optional() }),
  z.strictObject({ type: z.literal('pause'), at: Instant.optional(), reason: Text(300) }),
  z.strictObject({ type: z.literal('resume'), at: Instant.optional() }),
  z.strictObject({ type: z.literal('rate-change'), at: Instant.optional(), rateMlPerH: z.number().positive().max(999), reason: Text(300) }),
  z.strictObject({ type: z.literal('stop'), at: Instant.optional(), outcome: z.enum(['completed', 'stopped-early']), reason: z.string().trim().max(300).optional() }),
]);
export type PumpEventCreate = z.infer<typeof PumpEventCreate>;

export const SessionEventView = z.object({
  id: Uuid,
  type: z.string(),
  at: z.string(),
  rateMlPerH: z.number().nullable(),
  reason: z.string().nullable(),
  outcome: z.string().nullable(),
  recordedBy: z.string().nullable(),
});

export const ADVERSE_EVENT_KINDS = ['nausea-vomiting', 'hypertension', 'tachycardia', 'emergence-reaction', 'desaturation', 'headache', 'dizziness', 'anxiety', 'other'] as const;
export const RescueDrugCreate = z.strictObject({
  drug: Text(120),
  doseAmount: z.number().positive().max(10000),
  doseUnit: z.enum(['mg', 'mcg', 'g', 'mL', 'units']),
  route: z.enum(['iv', 'im', 'po', 'sl', 'sc', 'intranasal', 'inhaled']),
  givenAt: Instant,
  indication: Text(300),
  linkedReadingId: Uuid,
});
export const AdverseEventCreate = z.strictObject({
  kind: z.enum(ADVERSE_EVENT_KINDS),
  severity: z.enum(['mild', 'moderate', 'severe']),
  occurredAt: Instant,
  readingIds: z.array(Uuid).max(20).default([]),
  actions: z.string().trim().max(1000).optional(),
  rescueDrugs: z.array(RescueDrugCreate).max(10).default([]),
});
export type AdverseEventCreate = z.infer<typeof AdverseEventCreate>;
export const AdverseEventView = z.object({
  id: Uuid,
  kind: z.string(),
  severity: z.string(),
  occurredAt: z.string(),
  readingIds: z.array(z.string()),
  actions: z.string().nullable(),
  rescueDrugs: z.array(z.object({ id: Uuid, drug: z.string(), doseAmount: z.number(), doseUnit: z.string(), route: z.string(), givenAt: z.string(), indication: z.string(), linkedReadingId: z.string() })),
});

export const RecoveryAssessmentCreate = z.strictObject({
  aldrete: z.strictObject({
    activity: z.enum(['moves-four-limbs', 'moves-two-limbs', 'moves-no-limbs']),
    respiration: z.enum(['breathes-deeply-and-coughs', 'dyspnea-or-limited-breathing', 'apneic']),
    consciousness: z.enum(['fully-awake', 'arousable-on-calling', 'not-responding']),
    onSupplementalOxygen: z.boolean(),
  }).optional(),
  escortPresent: z.boolean().optional(),
  vitalsSignOffNote: z.string().trim().min(10, { message: 'must say why (at least 10 characters)' }).max(500).optional().describe('Prescriber sign-off instead of vitals within 20 % of baseline (rule 28).'),
});
export type RecoveryAssessmentCreate = z.infer<typeof RecoveryAssessmentCreate>;

export const WasteForSession = z.strictObject({ ml: z.number().positive().max(100), witness: SecondSigner });
export type WasteForSession = z.infer<typeof WasteForSession>;

export const NoteSign = z.strictObject({ text: z.string().trim().min(20).max(20000), signature: Reauthentication });
export type NoteSign = z.infer<typeof NoteSign>;

export const LastVitals = z.object({
  takenAt: z.string(),
  systolicMmHg: z.number().nullable(),
  diastolicMmHg: z.number().nullable(),
  heartRateBpm: z.number().nullable(),
  spo2Pct: z.number().nullable(),
  respRatePerMin: z.number().nullable(),
}).nullable();

export const SessionSummary = z.object({
  id: Uuid,
  appointmentId: Uuid.nullable(),
  chair: z.object({ id: Uuid, name: z.string() }),
  patientId: Uuid,
  patientName: z.string(),
  phase: SessionPhase,
  serviceDate: CalendarDate,
  arrivedAt: z.string(),
  infusionStartedAt: z.string().nullable(),
  infusionEndedAt: z.string().nullable(),
  elapsedMin: z.number(),
  remainingMin: z.number().nullable(),
  lastVitals: LastVitals,
  nextReadingDueAt: z.string().nullable(),
  alerts: z.array(SessionAlert),
  closed: z.boolean(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionListQuery = z.strictObject({ date: CalendarDate.optional().describe('Clinic-local day; today by default.') });
export const AwaitingCheckIn = z.object({ appointmentId: Uuid, patientId: Uuid, patientName: z.string(), chair: z.object({ id: Uuid, name: z.string() }).nullable(), startsAt: z.string() });
export const SessionList = z.object({
  date: CalendarDate,
  serverNow: z.string(),
  sessions: z.array(SessionSummary),
  awaitingCheckIn: z.array(AwaitingCheckIn).describe("The day's booked infusion appointments not checked in yet."),
});

export const DischargeCheck = z.object({
  ready: z.boolean(),
  findings: z.array(Finding),
  earliestByClockAt: z.string().nullable(),
  aldreteTotal: z.number().nullable(),
});

export const AdministrationView = z.object({
  drawEntryId: Uuid,
  lotId: Uuid,
  lotNumber: z.string(),
  drawnMl: z.number(),
  givenMl: z.number(),
  wastedMl: z.number(),
  status: z.string(),
});

export const SessionDetail = SessionSummary.extend({
  serverNow: z.string(),
  kind: z.string(),
  patient: z.object({ mrn: z.string(), birthDate: z.string() }),
  checkIn: z.object({
    escort: z.object({ name: z.string(), phone: z.string() }).nullable(),
    fasting: z.object({ lastSolidsAt: z.string().nullable(), lastLiquidsAt: z.string().nullable(), recordedAt: z.string() }).nullable(),
    weight: z.object({ weightKg: z.number(), measuredAt: z.string(), source: z.enum(['check-in', 'chart']) }).nullable(),
    medicationChanges: z.object({ changed: z.boolean(), note: z.string().nullable(), reviewedAt: z.string() }).nullable(),
    medicationFlags: z.array(Finding),
  }),
  checklist: z.object({ complete: z.boolean(), items: z.array(ChecklistItem) }),
  baseline: LastVitals,
  preDoseDecision: z.object({ decision: z.string(), reason: z.string(), decidedAt: z.string(), decidedByName: z.string() }).nullable(),
  startGate: z.object({ allowed: z.boolean(), findings: z.array(Finding) }),
  plannedOrder: z.object({
    planId: z.string().nullable(),
    doseMgPerKg: z.number(),
    durationMin: z.number(),
    weightKg: z.number().nullable(),
    doseMg: z.number().nullable(),
    findings: z.array(Finding),
  }).nullable(),
  order: z.object({
    doseMgPerKg: z.number(), durationMin: z.number(), weightKg: z.number(), doseMg: z.number(), volumeMl: z.number(), rateMlPerH: z.number(),
    concentrationMgPerMl: z.number(), lotId: z.string(), lotNumber: z.string(), drawEntryId: z.string(), findings: z.array(Finding), preparedAt: z.string(),
  }).nullable(),
  pump: z.object({
    givenMl: z.number(),
    givenMg: z.number(),
    currentRateMlPerH: z.number().nullable(),
    runningMin: z.number(),
    pausedMin: z.number(),
    endOutcome: z.string().nullable(),
    endReason: z.string().nullable(),
  }),
  events: z.array(SessionEventView),
  readings: z.array(Reading),
  schedule: z.object({ nextDueAt: z.string().nullable(), intervalMin: z.number().nullable(), overdue: z.boolean() }),
  pk: z.object({
    label: z.string(),
    model: z.string(),
    points: z.array(z.object({ at: z.string(), concNgPerMl: z.number() })),
  }),
  adverseEvents: z.array(AdverseEventView),
  recovery: z.object({
    startedAt: z.string().nullable(),
    aldrete: z.object({ assessedAt: z.string(), total: z.number() }).nullable(),
    escortPresentAt: z.string().nullable(),
    vitalsSignOff: z.object({ signedAt: z.string(), note: z.string() }).nullable(),
  }),
  discharge: DischargeCheck,
  dischargedAt: z.string().nullable(),
  administration: z.array(AdministrationView),
  note: z.object({
    id: Uuid,
    text: z.string(),
    signedAt: z.string(),
    signedBy: z.string(),
    addenda: z.array(z.object({ id: Uuid, text: z.string(), signedAt: z.string(), signedBy: z.string() })),
  }).nullable(),
  draftNote: z.string(),
});
export type SessionDetail = z.infer<typeof SessionDetail>;

export const SessionCreate = z.strictObject({ appointmentId: Uuid });
export type SessionCreate = z.infer<typeof SessionCreate>;

export const SessionIdParams = z.strictObject({ id: Uuid });
export const SessionAlertParams = z.strictObject({ id: Uuid, key: z.string().min(1).max(300) });

export const PatientSessionRow = z.object({
  id: Uuid,
  serviceDate: z.string(),
  phase: SessionPhase,
  doseMg: z.number().nullable(),
  givenMg: z.number().nullable(),
  noteSigned: z.boolean(),
  phq9Total: z.number().nullable(),
});
export const PatientSessions = z.object({ sessions: z.array(PatientSessionRow) });

export const ClockAdvance = z.strictObject({ advanceMinutes: z.number().min(0).max(24 * 60).optional(), setTo: Instant.optional() });
export const ClockNow = z.object({ now: z.string() });
export type SessionList = z.infer<typeof SessionList>;
export type PatientSessions = z.infer<typeof PatientSessions>;
export type AwaitingCheckIn = z.infer<typeof AwaitingCheckIn>;
