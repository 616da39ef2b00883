/** Query keys of the infusion day; a board event invalidates `all`. */
export const infusionKeys = {
  all: ['infusion'] as const,
  board: (date: string | null) => [...infusionKeys.all, 'board', date] as const,
  session: (id: string) => [...infusionKeys.all, 'session', id] as const,
  patientSessions: (patientId: string) => [...infusionKeys.all, 'patient', patientId] as const,
};
