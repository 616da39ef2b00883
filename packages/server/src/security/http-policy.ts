/**
 * The HTTP security policy: rate limits, trusted origins, TLS. Defaults are
 * safe for a clinic LAN; main.ts fills them from the environment.
 */
import type { AppDeps } from '../deps.ts';

export interface SecurityPolicy {
  /** Requests per minute per client address on the whole API. */
  apiRequestsPerMinute: number;
  /** Sign-in and second-factor attempts per minute per client address. */
  loginAttemptsPerMinute: number;
  /** Origins besides the server's own that may send state-changing requests (e.g. a dev server). */
  allowedOrigins: readonly string[];
  /** Served over TLS (directly or behind a TLS-terminating proxy): HSTS on, cookies Secure. */
  tls: boolean;
  /** Trust X-Forwarded-* from this proxy (an address or comma-separated CIDR list, or true) so client addresses and https are right behind a reverse proxy. */
  trustProxy: string | boolean;
  /** Failed sign-ins in a row before the account is locked (with back-off). */
  lockoutThreshold: number;
  /** First lock duration; doubles with each further failure, capped at lockoutMaxMinutes. */
  lockoutBaseMinutes: number;
  lockoutMaxMinutes: number;
}

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  apiRequestsPerMinute: 1200,
  loginAttemptsPerMinute: 30,
  allowedOrigins: [],
  tls: false,
  trustProxy: false,
  lockoutThreshold: 5,
  lockoutBaseMinutes: 1,
  lockoutMaxMinutes: 60,
};

export function securityPolicy(deps: Pick<AppDeps, 'security'>): SecurityPolicy {
  return { ...DEFAULT_SECURITY_POLICY, ...deps.security };
}

/**
 * Content-Security-Policy for the web app and the API. Scripts only from the
 * app's own origin (no inline script, no eval); styles allow inline because
 * Mantine writes its CSS variables into <style> elements; images from the
 * app and data: URLs (the TOTP QR code, signature images).
 */
export function contentSecurityPolicy(tls: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'upgrade-insecure-requests': tls ? [] : null,
  };
}
