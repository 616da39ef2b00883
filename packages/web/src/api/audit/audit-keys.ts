/** Filters as the server takes them: ids, an action pattern such as "patient.*", instants in UTC. */
export interface AuditFilters {
  userId?: string;
  patientId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, 'list', filters] as const,
};
