import { ReadingCreated, SessionDetail } from '@glia/contracts';
import type {
  AdverseEventCreate, CheckInUpdate, NoteSign, OrderPrepare, PreDoseDecisionCreate, PumpEventCreate, ReadingCreate, RecoveryAssessmentCreate, WasteForSession,
} from '@glia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { infusionKeys } from './infusion-keys.ts';

type Detail = SessionDetail;
const url = (id: string, ...rest: string[]): string => ['/api/sessions', encodeURIComponent(id), ...rest.map(encodeURIComponent)].join('/');

function useSessionMutation<V, T = Detail>(fn: (vars: V) => Promise<T>): UseMutationResult<T, ApiError, V> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: infusionKeys.all }) });
}

export const useCheckInAppointment = (): UseMutationResult<Detail, ApiError, string> =>
  useSessionMutation((appointmentId: string) => apiRequest('POST', '/api/sessions', { body: { appointmentId }, schema: SessionDetail }));

export const useUpdateCheckIn = (id: string): UseMutationResult<Detail, ApiError, CheckInUpdate> =>
  useSessionMutation((body: CheckInUpdate) => apiRequest('PUT', url(id, 'check-in'), { body, schema: SessionDetail }));

export const usePreDoseDecision = (id: string): UseMutationResult<Detail, ApiError, PreDoseDecisionCreate> =>
  useSessionMutation((body: PreDoseDecisionCreate) => apiRequest('POST', url(id, 'pre-dose-decision'), { body, schema: SessionDetail }));

export const usePrepareOrder = (id: string): UseMutationResult<Detail, ApiError, OrderPrepare> =>
  useSessionMutation((body: OrderPrepare) => apiRequest('POST', url(id, 'order'), { body, schema: SessionDetail }));

export const usePumpEvent = (id: string): UseMutationResult<Detail, ApiError, PumpEventCreate> =>
  useSessionMutation((body: PumpEventCreate) => apiRequest('POST', url(id, 'pump-events'), { body, schema: SessionDetail }));

export const useAddReading = (id: string): UseMutationResult<ReadingCreated, ApiError, ReadingCreate> =>
  useSessionMutation((body: ReadingCreate) => apiRequest('POST', url(id, 'readings'), { body, schema: ReadingCreated }));

export const useAcknowledgeAlert = (id: string): UseMutationResult<Detail, ApiError, string> =>
  useSessionMutation((key: string) => apiRequest('POST', url(id, 'alerts', key, 'acknowledge'), { schema: SessionDetail }));

export const useAddAdverseEvent = (id: string): UseMutationResult<Detail, ApiError, AdverseEventCreate> =>
  useSessionMutation((body: AdverseEventCreate) => apiRequest('POST', url(id, 'adverse-events'), { body, schema: SessionDetail }));

export const useRecordRecovery = (id: string): UseMutationResult<Detail, ApiError, RecoveryAssessmentCreate> =>
  useSessionMutation((body: RecoveryAssessmentCreate) => apiRequest('POST', url(id, 'recovery'), { body, schema: SessionDetail }));

export const useDischarge = (id: string): UseMutationResult<Detail, ApiError, void> =>
  useSessionMutation(() => apiRequest('POST', url(id, 'discharge'), { schema: SessionDetail }));

export const useWasteForSession = (id: string): UseMutationResult<Detail, ApiError, WasteForSession> =>
  useSessionMutation((body: WasteForSession) => apiRequest('POST', url(id, 'waste'), { body, schema: SessionDetail }));

export const useCloseSession = (id: string): UseMutationResult<Detail, ApiError, void> =>
  useSessionMutation(() => apiRequest('POST', url(id, 'close'), { schema: SessionDetail }));

export const useSignNote = (id: string): UseMutationResult<Detail, ApiError, NoteSign> =>
  useSessionMutation((body: NoteSign) => apiRequest('POST', url(id, 'note'), { body, schema: SessionDetail }));

export const useNoteAddendum = (id: string): UseMutationResult<Detail, ApiError, NoteSign> =>
  useSessionMutation((body: NoteSign) => apiRequest('POST', url(id, 'note', 'addenda'), { body, schema: SessionDetail }));
