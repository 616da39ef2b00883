import {
  AdministrationRecord,
  DrawCreated,
  DrugProduct,
  InventoryCount,
  Investigation,
  LedgerEntry,
  LossCreated,
  LossReport,
  Lot,
  ReversalResult,
  StorageLocation,
  WasteRecorded,
} from '@glia/contracts';
import type {
  AdministrationCreate,
  CountCreate,
  DrawCreate,
  DrugProductCreate,
  InvestigationResolve,
  LossCreate,
  LotReceive,
  MilestoneCreate,
  ReturnCreate,
  StorageLocationCreate,
  TransferCreate,
  WasteCreate,
  WitnessSign,
} from '@glia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { inventoryKeys } from './inventory-keys.ts';

const path = (...parts: string[]): string => `/api/inventory/${parts.map(encodeURIComponent).join('/')}`;

/** A ledger write; on success everything inventory is reloaded (balances move everywhere). */
function useLedgerMutation<T, V>(fn: (vars: V) => Promise<T>): UseMutationResult<T, ApiError, V> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}

export const useReceiveLot = (): UseMutationResult<Lot, ApiError, LotReceive> =>
  useLedgerMutation((body: LotReceive) => apiRequest('POST', '/api/inventory/lots', { body, schema: Lot }));

export const useVerifyLot = (lotId: string): UseMutationResult<Lot, ApiError, { password: string }> =>
  useLedgerMutation(({ password }: { password: string }) => apiRequest('POST', path('lots', lotId, 'verification'), { body: { signature: { password } }, schema: Lot }));

export const useDraw = (lotId: string): UseMutationResult<DrawCreated, ApiError, DrawCreate> =>
  useLedgerMutation((body: DrawCreate) => apiRequest('POST', path('lots', lotId, 'draws'), { body, schema: DrawCreated }));

export const useAdminister = (lotId: string, drawId: string): UseMutationResult<AdministrationRecord, ApiError, AdministrationCreate> =>
  useLedgerMutation((body: AdministrationCreate) => apiRequest('POST', path('lots', lotId, 'draws', drawId, 'administrations'), { body, schema: AdministrationRecord }));

export const useWaste = (lotId: string, drawId: string): UseMutationResult<WasteRecorded, ApiError, WasteCreate> =>
  useLedgerMutation((body: WasteCreate) => apiRequest('POST', path('lots', lotId, 'draws', drawId, 'wastes'), { body, schema: WasteRecorded }));

export const useCloseRecord = (lotId: string, drawId: string): UseMutationResult<AdministrationRecord, ApiError, void> =>
  useLedgerMutation(() => apiRequest('POST', path('lots', lotId, 'draws', drawId, 'close'), { schema: AdministrationRecord }));

export const useTransfer = (lotId: string): UseMutationResult<LedgerEntry[], ApiError, TransferCreate> =>
  useLedgerMutation((body: TransferCreate) => apiRequest('POST', path('lots', lotId, 'transfers'), { body, schema: LedgerEntry.array() }));

export const useReturnStock = (lotId: string): UseMutationResult<LedgerEntry, ApiError, ReturnCreate> =>
  useLedgerMutation((body: ReturnCreate) => apiRequest('POST', path('lots', lotId, 'returns'), { body, schema: LedgerEntry }));

export const useRecordLoss = (lotId: string): UseMutationResult<LossCreated, ApiError, LossCreate> =>
  useLedgerMutation((body: LossCreate) => apiRequest('POST', path('lots', lotId, 'losses'), { body, schema: LossCreated }));

export const useReverse = (lotId: string): UseMutationResult<ReversalResult, ApiError, { entryId: string; reason: string }> =>
  useLedgerMutation(({ entryId, reason }: { entryId: string; reason: string }) => apiRequest('POST', path('lots', lotId, 'entries', entryId, 'reversals'), { body: { reason }, schema: ReversalResult }));

export const useWitnessPendingWaste = (): UseMutationResult<LedgerEntry, ApiError, { id: string; body: WitnessSign }> =>
  useLedgerMutation(({ id, body }: { id: string; body: WitnessSign }) => apiRequest('POST', path('pending-wastes', id, 'witness'), { body, schema: LedgerEntry }));

export const useCancelPendingWaste = (): UseMutationResult<void, ApiError, string> =>
  useLedgerMutation((id: string) => apiRequest('POST', path('pending-wastes', id, 'cancel')));

export const useSubmitCount = (): UseMutationResult<InventoryCount, ApiError, CountCreate> =>
  useLedgerMutation((body: CountCreate) => apiRequest('POST', '/api/inventory/counts', { body, schema: InventoryCount }));

export const useResolveInvestigation = (): UseMutationResult<Investigation, ApiError, { id: string; body: InvestigationResolve }> =>
  useLedgerMutation(({ id, body }: { id: string; body: InvestigationResolve }) => apiRequest('POST', path('investigations', id, 'resolution'), { body, schema: Investigation }));

export const useRecordMilestone = (): UseMutationResult<LossReport, ApiError, { id: string; body: MilestoneCreate }> =>
  useLedgerMutation(({ id, body }: { id: string; body: MilestoneCreate }) => apiRequest('POST', path('loss-reports', id, 'milestones'), { body, schema: LossReport }));

export const useCreateProduct = (): UseMutationResult<DrugProduct, ApiError, DrugProductCreate> =>
  useLedgerMutation((body: DrugProductCreate) => apiRequest('POST', '/api/inventory/products', { body, schema: DrugProduct }));

export const useCreateLocation = (): UseMutationResult<StorageLocation, ApiError, StorageLocationCreate> =>
  useLedgerMutation((body: StorageLocationCreate) => apiRequest('POST', '/api/inventory/locations', { body, schema: StorageLocation }));
