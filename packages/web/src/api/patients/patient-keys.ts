export const patientKeys = {
  all: ['patients'] as const,
  searches: () => [...patientKeys.all, 'search'] as const,
  search: (q: string, limit: number) => [...patientKeys.searches(), { q, limit }] as const,
  detail: (id: string) => [...patientKeys.all, 'detail', id] as const,
};
