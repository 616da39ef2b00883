/**
 * Staff accounts and their roles. A change of roles or deactivation ends the
 * user's open sessions, so new privileges only apply after a fresh sign-in.
 */
import type { ClinicianOption, Role, StaffUser, StaffUserCreate, StaffUserUpdate } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { hashPassword } from '../auth/password.ts';
import { passwordProblem } from '../../security/password-policy.ts';
import { revokeAllSessionsOfUser } from '../auth/session-repo.ts';
import { findUserByEmail, findUserById, insertUser, listUsers, updateUser, type UserRow } from './user-repo.ts';

export type UserServiceDeps = Pick<AppDeps, 'database' | 'now'>;

export const toStaffUser = (u: UserRow): StaffUser => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  roles: u.roles as Role[],
  credentials: u.credentials,
  active: u.active,
  createdAt: u.createdAt.toISOString(),
});

const CLINICAL_ROLES: readonly Role[] = ['prescriber', 'medical-director', 'nurse'];

export async function listStaff(deps: UserServiceDeps): Promise<StaffUser[]> {
  return (await listUsers(deps.database.db)).map(toStaffUser);
}

export async function listClinicians(deps: UserServiceDeps): Promise<ClinicianOption[]> {
  return (await listUsers(deps.database.db))
    .filter((u) => u.active && (u.roles as Role[]).some((r) => CLINICAL_ROLES.includes(r)))
    .map((u) => ({ id: u.id, displayName: u.displayName, roles: u.roles as Role[] }));
}

export async function createStaff(deps: UserServiceDeps, actor: AuditActor, input: StaffUserCreate): Promise<StaffUser> {
  const now = deps.now();
  const problem = passwordProblem(input.password, { email: input.email });
  if (problem) throw invalidField('password', problem);
  const passwordHash = await hashPassword(input.password);
  return deps.database.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw conflict('A user with this e-mail already exists.', undefined, [{ field: 'email', reason: 'is already in use' }]);
    const row = await insertUser(tx, {
      email: input.email.trim().toLowerCase(),
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      credentials: input.credentials ?? null,
      passwordHash,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, { action: 'user.create', resourceType: 'user', resourceId: row.id, details: { roles: row.roles } }, now);
    return toStaffUser(row);
  });
}

export async function updateStaff(deps: UserServiceDeps, actor: AuditActor, id: string, input: StaffUserUpdate): Promise<StaffUser> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const current = await findUserById(tx, id);
    if (!current) throw notFound('User');
    if (id === actor.userId && (input.active === false || (input.roles && !input.roles.includes('admin')))) {
      throw invalidField(input.active === false ? 'active' : 'roles', 'cannot remove your own admin access; ask another admin');
    }
    const roles = input.roles ? [...new Set(input.roles)] : undefined;
    const row = (await updateUser(tx, id, {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.credentials !== undefined ? { credentials: input.credentials } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(roles ? { roles } : {}),
      updatedAt: now,
    }))!;
    const rolesChanged = roles !== undefined && [...roles].sort().join() !== [...current.roles].sort().join();
    const deactivated = input.active === false && current.active;
    if (rolesChanged || deactivated) await revokeAllSessionsOfUser(tx, id, now, rolesChanged ? 'roles-changed' : 'deactivated');
    await recordAudit(tx, actor, {
      action: rolesChanged ? 'user.roles-change' : 'user.update',
      resourceType: 'user',
      resourceId: id,
      details: { fields: Object.keys(input), ...(rolesChanged ? { from: current.roles, to: roles } : {}) },
    }, now);
    return toStaffUser(row);
  });
}
