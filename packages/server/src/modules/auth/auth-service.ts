/**
 * Sign-in and sign-out. Every attempt is audited; a new session token is
 * issued at each sign-in (and any previous one revoked), so a token fixed
 * before login is useless after it.
 */
import { sql } from 'drizzle-orm';
import type { MeResponse, Role, SessionUser } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { users } from '../../db/schema/index.ts';
import { unauthenticated } from '../../errors.ts';
import { recordAudit, recordAuditStandalone, type AuditActor } from '../audit/audit-service.ts';
import { getClinic } from '../clinic/clinic-repo.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { hashToken, insertSession, newSessionToken, revokeSession } from './session-repo.ts';

export interface LoginResult {
  token: string;
  me: MeResponse;
}

export async function buildMe(deps: AppDeps, user: SessionUser, expiresAt: Date): Promise<MeResponse> {
  const clinic = await getClinic(deps.database.db);
  return {
    user,
    clinic: { name: clinic.name, timeZone: clinic.timeZone, demo: clinic.demo },
    session: { idleTimeoutSeconds: deps.session.idleMinutes * 60, expiresAt: expiresAt.toISOString() },
  };
}

export async function login(
  deps: AppDeps,
  input: { email: string; password: string; previousTokenHash: string | null; clientIp: string; userAgent: string | null; requestId: string },
): Promise<LoginResult> {
  const { db } = deps.database;
  const email = input.email.trim().toLowerCase();
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(await dummyPasswordHash(), input.password);
  const now = deps.now();
  const actor: AuditActor = { userId: user?.id ?? null, userEmail: email, clientIp: input.clientIp, requestId: input.requestId };

  if (!user || !ok || !user.active) {
    const reason = !user ? 'unknown-account' : !ok ? 'wrong-password' : 'account-deactivated';
    await recordAuditStandalone(db, actor, { action: 'auth.login', resourceType: 'user', resourceId: user?.id ?? null, outcome: 'failure', details: { reason } }, now);
    throw unauthenticated('E-mail or password is incorrect.');
  }

  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + deps.session.maxHours * 3_600_000);
  await db.transaction(async (tx) => {
    if (input.previousTokenHash) await revokeSession(tx, input.previousTokenHash, now, 'replaced-by-login');
    await insertSession(tx, { tokenHash: hashToken(token), userId: user.id, now, expiresAt, clientIp: input.clientIp, userAgent: input.userAgent });
    await recordAudit(tx, actor, { action: 'auth.login', resourceType: 'user', resourceId: user.id, outcome: 'success' }, now);
  });
  const sessionUser: SessionUser = { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles as Role[] };
  return { token, me: await buildMe(deps, sessionUser, expiresAt) };
}

export async function logout(deps: AppDeps, tokenHash: string, actor: AuditActor): Promise<void> {
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => {
    await revokeSession(tx, tokenHash, now, 'logout');
    await recordAudit(tx, actor, { action: 'auth.logout', resourceType: 'user', resourceId: actor.userId }, now);
  });
}
