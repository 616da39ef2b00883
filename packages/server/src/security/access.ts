/**
 * Who may call a route is declared next to the route, in its `config.access`:
 * `config: allow(...PATIENT_WRITE)` or `config: publicRoute('why')`.
 * The app refuses to start if an /api route declares neither.
 */
import type { Role } from '@glia/contracts';

export type Access = { public: true; reason: string } | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route also serves a session that still owes its second factor (MFA enrolment, the code, sign-out). */
    allowDuringMfa?: boolean;
    /** The route is reachable outside the patient's care team (break the glass itself). */
    careTeamExempt?: boolean;
  }
}

/** The route may be called by a signed-in user holding any of these roles. */
export function allow(...roles: readonly Role[]): { access: Access } {
  if (roles.length === 0) throw new Error('allow() needs at least one role');
  return { access: { roles } };
}

/** The route needs no session (health, docs, login). Say why. */
export function publicRoute(reason: string): { access: Access } {
  return { access: { public: true, reason } };
}

/** Every signed-in staff member, whatever the role. */
export const ANY_STAFF: readonly Role[] = ['admin', 'medical-director', 'prescriber', 'nurse', 'front-desk', 'billing'];

/** Roles that read patient demographics. Admins manage the system, not charts. */
export const PATIENT_READ: readonly Role[] = ['front-desk', 'nurse', 'prescriber', 'medical-director', 'billing'];

/** Roles that register and edit patients. */
export const PATIENT_WRITE: readonly Role[] = ['front-desk', 'nurse', 'prescriber', 'medical-director'];

/** Roles that review the audit trail. */
export const AUDIT_REVIEW: readonly Role[] = ['admin', 'medical-director'];

export const ADMIN_ONLY: readonly Role[] = ['admin'];
