import type { SessionPhase } from '@glia/contracts';

export const PHASE_LABEL: Record<SessionPhase, string> = {
  arrived: 'Arrived',
  'pre-checks': 'Pre-checks',
  ready: 'Ready to start',
  infusing: 'Infusing',
  paused: 'Paused',
  recovery: 'Recovery',
  'ready-for-discharge': 'Ready for discharge',
  discharged: 'Discharged',
};

export const PHASE_COLOR: Record<SessionPhase, string> = {
  arrived: 'gray',
  'pre-checks': 'yellow',
  ready: 'teal',
  infusing: 'blue',
  paused: 'orange',
  recovery: 'violet',
  'ready-for-discharge': 'green',
  discharged: 'gray',
};

export const SEVERITY_COLOR: Record<string, string> = { emergency: 'red', escalate: 'red', warning: 'orange', advisory: 'yellow' };
export const SEVERITY_LABEL: Record<string, string> = { emergency: 'Emergency', escalate: 'Act now', warning: 'Warning', advisory: 'Advisory' };

/** "12 min" / "1 h 05 min". */
export function minutesLabel(min: number): string {
  const m = Math.max(0, Math.round(min));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** "due in 4:12" / "overdue 2:05" from an instant and the server's now. */
export function countdownLabel(dueIso: string, now: Date): { text: string; overdue: boolean } {
  const ms = new Date(dueIso).getTime() - now.getTime();
  const abs = Math.abs(ms);
  const text = `${Math.floor(abs / 60_000)}:${String(Math.floor((abs % 60_000) / 1000)).padStart(2, '0')}`;
  return ms >= 0 ? { text: `due in ${text}`, overdue: false } : { text: `overdue ${text}`, overdue: true };
}

export function bpLabel(s: number | null, d: number | null): string {
  return s === null || d === null ? '—' : `${s}/${d}`;
}
