import {
  AdministrationRecord,
  CountSheet,
  DrugProduct,
  InventoryCount,
  InventoryOverview,
  InventoryReport,
  Investigation,
  LossReport,
  Lot,
  LotDetail,
  PendingWaste,
  StorageLocation,
} from '@glia/contracts';
import type { ReportKind } from '@glia/contracts';
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { inventoryKeys } from './inventory-keys.ts';

export function useInventoryOverview(): UseQueryResult<InventoryOverview, ApiError> {
  return useQuery({
    queryKey: inventoryKeys.overview(),
    queryFn: ({ signal }) => apiRequest('GET', '/api/inventory/overview', { schema: InventoryOverview, signal }),
  });
}

export function useProducts(): UseQueryResult<DrugProduct[], ApiError> {
  return useQuery({ queryKey: inventoryKeys.products(), queryFn: ({ signal }) => apiRequest('GET', '/api/inventory/products', { schema: DrugProduct.array(), signal }) });
}

export function useLocations(): UseQueryResult<StorageLocation[], ApiError> {
  return useQuery({ queryKey: inventoryKeys.locations(), queryFn: ({ signal }) => apiRequest('GET', '/api/inventory/locations', { schema: StorageLocation.array(), signal }) });
}

export function useLots(): UseQueryResult<Lot[], ApiError> {
  return useQuery({ queryKey: inventoryKeys.lots(), queryFn: ({ signal }) => apiRequest('GET', '/api/inventory/lots', { schema: Lot.array(), signal }) });
}

export function useLot(id: string): UseQueryResult<LotDetail, ApiError> {
  return useQuery({ queryKey: inventoryKeys.lot(id), queryFn: ({ signal }) => apiRequest('GET', `/api/inventory/lots/${encodeURIComponent(id)}`, { schema: LotDetail, signal }) });
}

/** The rule 34 record of a draw (reads patient data: fetched only when opened). */
export function useAdministrationRecord(lotId: string, drawId: string | null): UseQueryResult<AdministrationRecord, ApiError> {
  return useQuery({
    queryKey: inventoryKeys.record(lotId, drawId ?? ''),
    queryFn: ({ signal }) => apiRequest('GET', `/api/inventory/lots/${encodeURIComponent(lotId)}/draws/${encodeURIComponent(drawId!)}`, { schema: AdministrationRecord, signal }),
    enabled: drawId !== null,
  });
}

export function usePendingWastes(): UseQueryResult<PendingWaste[], ApiError> {
  return useQuery({
    queryKey: inventoryKeys.pendingWastes(),
    queryFn: ({ signal }) => apiRequest('GET', '/api/inventory/pending-wastes', { schema: PendingWaste.array(), signal }),
    refetchInterval: 15_000,
  });
}

export function useCountSheet(locationId: string | null, enabled: boolean): UseQueryResult<CountSheet, ApiError> {
  return useQuery({
    queryKey: inventoryKeys.countSheet(locationId),
    queryFn: ({ signal }) => apiRequest('GET', '/api/inventory/count-sheet', { schema: CountSheet, query: { locationId }, signal }),
    enabled,
    staleTime: 0,
  });
}

export function useCounts(): UseQueryResult<InventoryCount[], ApiError> {
  return useQuery({ queryKey: inventoryKeys.counts(), queryFn: ({ signal }) => apiRequest('GET', '/api/inventory/counts', { schema: InventoryCount.array(), signal }) });
}

export function useInvestigations(): UseQueryResult<Investigation[], ApiError> {
  return useQuery({ queryKey: inventoryKeys.investigations(), queryFn: ({ signal }) => apiRequest('GET', '/api/inventory/investigations', { schema: Investigation.array(), signal }) });
}

export function useLossReports(): UseQueryResult<LossReport[], ApiError> {
  return useQuery({ queryKey: inventoryKeys.lossReports(), queryFn: ({ signal }) => apiRequest('GET', '/api/inventory/loss-reports', { schema: LossReport.array(), signal }) });
}

export interface ReportFilters {
  from: string;
  to: string;
  schedule?: string;
  lotId?: string;
}

export function useInventoryReport(kind: ReportKind, filters: ReportFilters | null): UseQueryResult<InventoryReport, ApiError> {
  const query: Record<string, string> = filters ? Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) : {};
  return useQuery({
    queryKey: inventoryKeys.report(kind, query),
    queryFn: ({ signal }) => apiRequest('GET', `/api/inventory/reports/${kind}`, { schema: InventoryReport, query, signal }),
    enabled: filters !== null,
  });
}

/** The download link of a report (the browser sends the session cookie; the server records disclosures). */
export function reportExportUrl(kind: ReportKind, filters: ReportFilters, format: 'csv' | 'pdf'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  params.set('format', format);
  return `/api/inventory/reports/${kind}/export?${params.toString()}`;
}
