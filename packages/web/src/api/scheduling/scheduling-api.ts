import { AppointmentChangeResult, AppointmentMoveResult, DaySchedule, OutboxMessage, SeriesBooking, SeriesProposal, TreatmentPlan, WeekSchedule } from '@glia/contracts';
import type { AppointmentCancelInput, AppointmentMoveInput, SeriesBookingInput, SeriesProposalRequest } from '@glia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';

export const schedulingKeys = {
  all: ['scheduling'] as const,
  day: (date: string) => ['scheduling', 'day', date] as const,
  week: (start: string) => ['scheduling', 'week', start] as const,
  plans: () => ['scheduling', 'plans'] as const,
  outbox: () => ['scheduling', 'outbox'] as const,
};

export function useDaySchedule(date: string): UseQueryResult<DaySchedule, ApiError> {
  return useQuery({ queryKey: schedulingKeys.day(date), queryFn: ({ signal }) => apiRequest('GET', '/api/schedule/day', { schema: DaySchedule, query: { date }, signal }) });
}

export function useWeekSchedule(start: string): UseQueryResult<WeekSchedule, ApiError> {
  return useQuery({ queryKey: schedulingKeys.week(start), queryFn: ({ signal }) => apiRequest('GET', '/api/schedule/week', { schema: WeekSchedule, query: { start }, signal }) });
}

export function useActivePlans(): UseQueryResult<TreatmentPlan[], ApiError> {
  return useQuery({ queryKey: schedulingKeys.plans(), queryFn: ({ signal }) => apiRequest('GET', '/api/plans', { schema: TreatmentPlan.array(), query: { status: 'active' }, signal }) });
}

export function useOutbox(): UseQueryResult<OutboxMessage[], ApiError> {
  return useQuery({ queryKey: schedulingKeys.outbox(), queryFn: ({ signal }) => apiRequest('GET', '/api/outbox', { schema: OutboxMessage.array(), signal }) });
}

export function useProposeSeries(planId: string): UseMutationResult<SeriesProposal, ApiError, SeriesProposalRequest> {
  return useMutation({ mutationFn: (body) => apiRequest('POST', `/api/plans/${planId}/series/proposal`, { schema: SeriesProposal, body }) });
}

export function useBookSeries(planId: string): UseMutationResult<SeriesBooking, ApiError, SeriesBookingInput> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body) => apiRequest('POST', `/api/plans/${planId}/series`, { schema: SeriesBooking, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: schedulingKeys.all }),
  });
}

export function useMoveAppointment(): UseMutationResult<AppointmentMoveResult, ApiError, { id: string; body: AppointmentMoveInput }> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }) => apiRequest('POST', `/api/appointments/${id}/move`, { schema: AppointmentMoveResult, body }),
    onSuccess: (result) => {
      if (!result.dryRun) void qc.invalidateQueries({ queryKey: schedulingKeys.all });
    },
  });
}

export function useCancelAppointment(): UseMutationResult<AppointmentChangeResult, ApiError, { id: string; body: AppointmentCancelInput }> {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }) => apiRequest('POST', `/api/appointments/${id}/cancel`, { schema: AppointmentChangeResult, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: schedulingKeys.all }),
  });
}
