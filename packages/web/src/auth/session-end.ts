/**
 * Why the last session ended, so the login page can say it ("you were signed out after
 * 15 minutes without activity") instead of silently showing the form.
 */
export type SessionEndReason = 'signed-out' | 'idle' | 'expired';

let lastReason: SessionEndReason | null = null;

export function markSessionEnded(reason: SessionEndReason): void {
  lastReason = reason;
}

export function peekSessionEndReason(): SessionEndReason | null {
  return lastReason;
}

export function clearSessionEndReason(): void {
  lastReason = null;
}
