import { PatientSessions, SessionDetail, SessionList } from '@glia/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { infusionKeys } from './infusion-keys.ts';

/** A response with the device time it arrived, to follow the server's clock (see useServerNow). */
export type Board = SessionList & { receivedAtMs: number };
export type Session = SessionDetail & { receivedAtMs: number };

export const useBoard = (date: string | null): UseQueryResult<Board, ApiError> =>
  useQuery({
    queryKey: infusionKeys.board(date),
    queryFn: async ({ signal }) => ({ ...(await apiRequest('GET', '/api/sessions', { query: { date }, schema: SessionList, signal })), receivedAtMs: Date.now() }),
    // The live feed refreshes on every change; this catches a dropped stream.
    refetchInterval: 30_000,
  });

export const useSessionDetail = (id: string): UseQueryResult<Session, ApiError> =>
  useQuery({
    queryKey: infusionKeys.session(id),
    queryFn: async ({ signal }) => ({ ...(await apiRequest('GET', `/api/sessions/${encodeURIComponent(id)}`, { schema: SessionDetail, signal })), receivedAtMs: Date.now() }),
    refetchInterval: 30_000,
  });

export const usePatientSessions = (patientId: string): UseQueryResult<PatientSessions, ApiError> =>
  useQuery({
    queryKey: infusionKeys.patientSessions(patientId),
    queryFn: ({ signal }) => apiRequest('GET', `/api/patients/${encodeURIComponent(patientId)}/sessions`, { schema: PatientSessions, signal }),
    enabled: patientId !== '',
  });

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * Subscribes to the board's server-sent events and refetches the infusion
 * queries on every change, so a reading charted on one tablet shows on every
 * open board within a second. EventSource reconnects by itself.
 */
export function useBoardEvents(): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => {
    const source = new EventSource('/api/board/events', { withCredentials: true });
    source.onopen = () => setState('live');
    source.onerror = () => setState('reconnecting');
    source.addEventListener('board', () => void queryClient.invalidateQueries({ queryKey: infusionKeys.all }));
    return () => source.close();
  }, [queryClient]);
  return state;
}

/** The server's clock as of the last response, ticking every second (countdowns follow the clinic's clock, not the tablet's). */
export function useServerNow(response: { serverNow: string; receivedAtMs: number } | undefined): Date {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setTick(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  const offsetMs = response ? new Date(response.serverNow).getTime() - response.receivedAtMs : 0;
  return new Date(tick + offsetMs);
}

