/** Query keys of the controlled-substance ledger; every write invalidates `all`. */
export const inventoryKeys = {
  all: ['inventory'] as const,
  overview: () => [...inventoryKeys.all, 'overview'] as const,
  products: () => [...inventoryKeys.all, 'products'] as const,
  locations: () => [...inventoryKeys.all, 'locations'] as const,
  lots: () => [...inventoryKeys.all, 'lots'] as const,
  lot: (id: string) => [...inventoryKeys.all, 'lot', id] as const,
  record: (lotId: string, drawId: string) => [...inventoryKeys.all, 'record', lotId, drawId] as const,
  pendingWastes: () => [...inventoryKeys.all, 'pending-wastes'] as const,
  countSheet: (locationId: string | null) => [...inventoryKeys.all, 'count-sheet', locationId] as const,
  counts: () => [...inventoryKeys.all, 'counts'] as const,
  investigations: () => [...inventoryKeys.all, 'investigations'] as const,
  lossReports: () => [...inventoryKeys.all, 'loss-reports'] as const,
  report: (kind: string, query: Record<string, string>) => [...inventoryKeys.all, 'report', kind, query] as const,
};
