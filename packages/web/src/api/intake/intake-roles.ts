import type { Role } from '@glia/contracts';
import { useSession } from '../../auth/session-context.ts';
import { hasAnyRole } from '../../auth/roles.ts';

/** Who may do what in intake, eligibility and consent (mirrors the server's route roles; the server decides). */
export const INTAKE_PERMISSIONS = {
  /** Referrals and stages. */
  desk: ['front-desk', 'nurse', 'prescriber', 'medical-director'],
  /** History, scales, observations, the eligibility panel, consents. */
  clinical: ['nurse', 'prescriber', 'medical-director'],
  /** Eligibility decisions, overrides, evaluation notes. */
  prescribing: ['prescriber', 'medical-director'],
  /** Consent templates and every open alert. */
  medicalDirector: ['medical-director'],
} as const satisfies Record<string, readonly Role[]>;

export type IntakePermission = keyof typeof INTAKE_PERMISSIONS;

export function useIntakeCan(permission: IntakePermission): boolean {
  return hasAnyRole(useSession().user.roles, INTAKE_PERMISSIONS[permission]);
}
