/**
 * Sign-in and sign-out. Every attempt is audited; a new session token is
 * issued at each sign-in and again when the second factor is passed (any
 * previous one revoked), so a token fixed before login is useless after it.
 * Five failures in a row lock the account with a doubling back-off.
 */
import { eq, sql } from 'drizzle-orm';
import type { LoginOutcome, MeResponse, Role, SessionUser } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { AppError, invalidField, unauthenticated } from '../../errors.ts';
import { securityPolicy } from '../../security/http-policy.ts';
import { passwordProblem } from '../../security/password-policy.ts';
import { recordAudit, recordAuditStandalone, type AuditActor } from '../audit/audit-service.ts';
import { getClinic } from '../clinic/clinic-repo.ts';
import { findUserById, type UserRow } from '../users/user-repo.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { hashToken, insertSession, newSessionToken, revokeAllSessionsOfUser, revokeSession } from './session-repo.ts';

export interface LoginResult {
  token: string;
  outcome: LoginOutcome;
}

export interface ClientInfo {
  clientIp: string;
  userAgent: string | null;
  requestId: string;
}

export async function buildMe(deps: AppDeps, user: SessionUser, expiresAt: Date): Promise<MeResponse> {
  const clinic = await getClinic(deps.database.db);
  return {
    user,
    clinic: { name: clinic.name, timeZone: clinic.timeZone, demo: clinic.demo, mfaRequiredRoles: clinic.mfaRequiredRoles as Role[] },
    session: { idleTimeoutSeconds: deps.session.idleMinutes * 60, expiresAt: expiresAt.toISOString() },
  };
}

const toSessionUser = (user: UserRow): SessionUser => ({ id: user.id, email: user.email, displayName: user.displayName, roles: user.roles as Role[] });

/** Minutes of lock after `failures` failures in a row (0 below the threshold). */
export function lockoutMinutes(deps: Pick<AppDeps, 'security'>, failures: number): number {
  const policy = securityPolicy(deps);
  if (failures < policy.lockoutThreshold) return 0;
  return Math.min(policy.lockoutBaseMinutes * 2 ** (failures - policy.lockoutThreshold), policy.lockoutMaxMinutes);
}

const lockedError = (until: Date, now: Date): AppError => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError('UNAUTHENTICATED', 401, `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
    extra: { lockedUntil: until.toISOString() },
  });
};

/** Counts a failed password or second factor; locks the account at the threshold. Returns the lock end, if any. */
export async function recordFailedAttempt(deps: AppDeps, userId: string, now: Date): Promise<Date | null> {
  const [row] = await deps.database.db
    .update(users)
    .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
    .where(eq(users.id, userId))
    .returning({ failures: users.failedLoginCount });
  const minutes = lockoutMinutes(deps, row?.failures ?? 0);
  if (minutes === 0) return null;
  const until = new Date(now.getTime() + minutes * 60_000);
  await deps.database.db.update(users).set({ lockedUntil: until }).where(eq(users.id, userId));
  return until;
}

async function clearFailures(db: DbOrTx, userId: string): Promise<void> {
  await db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/** Opens a session (full, or waiting for the second factor) and revokes `previousTokenHash`. */
export async function openSession(
  tx: DbOrTx,
  deps: AppDeps,
  userId: string,
  client: ClientInfo,
  opts: { previousTokenHash: string | null; mfaPending: boolean; now: Date; replacedReason: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(opts.now.getTime() + deps.session.maxHours * 3_600_000);
  if (opts.previousTokenHash) await revokeSession(tx, opts.previousTokenHash, opts.now, opts.replacedReason);
  await insertSession(tx, { tokenHash: hashToken(token), userId, now: opts.now, expiresAt, clientIp: client.clientIp, userAgent: client.userAgent, mfaPending: opts.mfaPending });
  return { token, expiresAt };
}

export function mfaRequiredFor(clinicRoles: readonly string[], userRoles: readonly string[]): boolean {
  return userRoles.some((role) => clinicRoles.includes(role));
}

export async function login(
  deps: AppDeps,
  input: { email: string; password: string; previousTokenHash: string | null } & ClientInfo,
): Promise<LoginResult> {
  const { db } = deps.database;
  const email = input.email.trim().toLowerCase();
  const now = deps.now();
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  const actor: AuditActor = { userId: user?.id ?? null, userEmail: email, clientIp: input.clientIp, requestId: input.requestId };
  const fail = async (reason: string, error: AppError): Promise<never> => {
    await recordAuditStandalone(db, actor, { action: 'auth.login', resourceType: 'user', resourceId: user?.id ?? null, outcome: 'failure', details: { reason } }, now);
    throw error;
  };

  if (user?.lockedUntil && user.lockedUntil.getTime() > now.getTime()) return fail('account-locked', lockedError(user.lockedUntil, now));
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(await dummyPasswordHash(), input.password);
  if (!user || !ok || !user.active) {
    const lockedUntil = user && !ok ? await recordFailedAttempt(deps, user.id, now) : null;
    const reason = !user ? 'unknown-account' : !ok ? 'wrong-password' : 'account-deactivated';
    return fail(reason, lockedUntil ? lockedError(lockedUntil, now) : unauthenticated('E-mail or password is incorrect.'));
  }

  const clinic = await getClinic(db);
  const enrolled = user.mfaEnabledAt !== null;
  const mfaPending = enrolled || mfaRequiredFor(clinic.mfaRequiredRoles, user.roles);
  const session = await db.transaction(async (tx) => {
    await clearFailures(tx, user.id);
    const opened = await openSession(tx, deps, user.id, input, { previousTokenHash: input.previousTokenHash, mfaPending, now, replacedReason: 'replaced-by-login' });
    await recordAudit(tx, actor, { action: 'auth.login', resourceType: 'user', resourceId: user.id, outcome: 'success', details: mfaPending ? { secondFactor: enrolled ? 'pending' : 'enrolment-required' } : {} }, now);
    return opened;
  });
  if (mfaPending) return { token: session.token, outcome: { mfaRequired: true, enrolmentRequired: !enrolled } };
  return { token: session.token, outcome: await buildMe(deps, toSessionUser(user), session.expiresAt) };
}

export async function logout(deps: AppDeps, tokenHash: string, actor: AuditActor): Promise<void> {
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => {
    await revokeSession(tx, tokenHash, now, 'logout');
    await recordAudit(tx, actor, { action: 'auth.logout', resourceType: 'user', resourceId: actor.userId }, now);
  });
}

/** Ends every session of the signed-in user, on every device. */
export async function logoutEverywhere(deps: AppDeps, actor: AuditActor): Promise<number> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const ended = await revokeAllSessionsOfUser(tx, actor.userId!, now, 'logout-everywhere');
    await recordAudit(tx, actor, { action: 'auth.logout-everywhere', resourceType: 'user', resourceId: actor.userId, details: { sessionsEnded: ended } }, now);
    return ended;
  });
}

/** Changes the signed-in user's password; every other session ends, this one is replaced by a fresh token. */
export async function changePassword(
  deps: AppDeps,
  actor: AuditActor,
  tokenHash: string,
  client: ClientInfo,
  input: { currentPassword: string; newPassword: string },
): Promise<{ token: string; me: MeResponse }> {
  const now = deps.now();
  const { db } = deps.database;
  const user = await findUserById(db, actor.userId!);
  if (!user) throw unauthenticated();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAuditStandalone(db, actor, { action: 'auth.password-change', resourceType: 'user', resourceId: user.id, outcome: 'failure', details: { field: 'currentPassword' } }, now);
    throw invalidField('currentPassword', 'does not match the account');
  }
  const problem = passwordProblem(input.newPassword, { email: user.email });
  if (problem) throw invalidField('newPassword', problem);
  const passwordHash = await hashPassword(input.newPassword);
  const session = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    await revokeAllSessionsOfUser(tx, user.id, now, 'password-changed');
    const opened = await openSession(tx, deps, user.id, client, { previousTokenHash: tokenHash, mfaPending: false, now, replacedReason: 'password-changed' });
    await recordAudit(tx, actor, { action: 'auth.password-change', resourceType: 'user', resourceId: user.id }, now);
    return opened;
  });
  return { token: session.token, me: await buildMe(deps, toSessionUser(user), session.expiresAt) };
}
