import type { SessionEndReason } from './session-end.ts';

/**
 * The login URL that brings the user back to where they were once signed in. A deliberate
 * sign-out forgets the place: the next person at this screen starts afresh.
 */
export function loginPath(location: { pathname: string; search: string }, reason: SessionEndReason | null): string {
  const params = new URLSearchParams();
  const here = location.pathname + location.search;
  if (reason !== 'signed-out' && here !== '/' && !location.pathname.startsWith('/login')) params.set('next', here);
  if (reason) params.set('reason', reason);
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}

/** A safe place to go after login: only paths inside this app, never another site. */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login')) return null;
  return next;
}

export function isSessionEndReason(value: string | null): value is SessionEndReason {
  return value === 'signed-out' || value === 'idle' || value === 'expired';
}
