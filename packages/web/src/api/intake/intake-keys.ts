/** Query keys of intake, eligibility and consent. Everything about one patient sits under patient(id). */
export const intakeKeys = {
  all: ['intake'] as const,
  patient: (patientId: string) => [...intakeKeys.all, 'patient', patientId] as const,
  summary: (patientId: string) => [...intakeKeys.patient(patientId), 'summary'] as const,
  history: (patientId: string) => [...intakeKeys.patient(patientId), 'history'] as const,
  assessments: (patientId: string) => [...intakeKeys.patient(patientId), 'assessments'] as const,
  eligibility: (patientId: string, query: Record<string, unknown>) => [...intakeKeys.patient(patientId), 'eligibility', query] as const,
  decisions: (patientId: string) => [...intakeKeys.patient(patientId), 'decisions'] as const,
  notes: (patientId: string) => [...intakeKeys.patient(patientId), 'notes'] as const,
  consents: (patientId: string, query: Record<string, unknown>) => [...intakeKeys.patient(patientId), 'consents', query] as const,
  templates: () => [...intakeKeys.all, 'consent-templates'] as const,
  alerts: (scope: 'mine' | 'all') => [...intakeKeys.all, 'alerts', scope] as const,
  staged: (stage: string | null) => [...intakeKeys.all, 'staged', stage] as const,
  stageCounts: () => [...intakeKeys.all, 'stage-counts'] as const,
  icd10: (q: string) => [...intakeKeys.all, 'icd10', q] as const,
  ruleConfig: () => [...intakeKeys.all, 'rule-config'] as const,
};
