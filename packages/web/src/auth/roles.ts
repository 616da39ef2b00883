import type { Role } from '@glia/contracts';

/** Names staff recognise, for badges and the role pickers. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  'medical-director': 'Medical director',
  prescriber: 'Prescriber',
  nurse: 'Infusion nurse',
  'front-desk': 'Front desk',
  billing: 'Billing',
};

/** Who may do what in the web app. These mirror the server's route roles; the server still decides. */
export const PERMISSIONS = {
  readPatients: ['front-desk', 'nurse', 'prescriber', 'medical-director', 'billing'],
  writePatients: ['front-desk', 'nurse', 'prescriber', 'medical-director'],
  readAudit: ['admin', 'medical-director'],
  manageUsers: ['admin'],
  manageClinic: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasAnyRole(userRoles: readonly Role[], allowed: readonly Role[]): boolean {
  return userRoles.some((role) => allowed.includes(role));
}

export function can(userRoles: readonly Role[], permission: Permission): boolean {
  return hasAnyRole(userRoles, PERMISSIONS[permission]);
}
