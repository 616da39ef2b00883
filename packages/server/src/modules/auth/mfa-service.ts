/**
 * Multi-factor authentication: TOTP enrolment with a QR code, one-time
 * recovery codes, and the second step of sign-in. Every event is audited.
 */
import { createHash, randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { MeResponse, MfaEnrolment, MfaStatus, Role } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import type { DbOrTx } from '../../db/client.ts';
import { mfaRecoveryCodes, users } from '../../db/schema/index.ts';
import { AppError, conflict, invalidField, notFound, unauthenticated } from '../../errors.ts';
import { recordAudit, recordAuditStandalone, type AuditActor } from '../audit/audit-service.ts';
import { getClinic } from '../clinic/clinic-repo.ts';
import { findUserById, type UserRow } from '../users/user-repo.ts';
import { buildMe, mfaRequiredFor, openSession, recordFailedAttempt, type ClientInfo } from './auth-service.ts';
import { revokeAllSessionsOfUser, revokeSession } from './session-repo.ts';
import { newTotpSecret, qrCodeDataUrl, totpUri, verifyTotp } from './totp.ts';

const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const hashRecoveryCode = (code: string): string => createHash('sha256').update(code.trim().toLowerCase()).digest('hex');

function newRecoveryCode(): string {
  const part = (): string => Array.from({ length: 5 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${part()}-${part()}`;
}

async function requireUser(deps: AppDeps, userId: string): Promise<UserRow> {
  const user = await findUserById(deps.database.db, userId);
  if (!user || !user.active) throw unauthenticated();
  return user;
}

export async function mfaStatus(deps: AppDeps, userId: string): Promise<MfaStatus> {
  const user = await requireUser(deps, userId);
  const clinic = await getClinic(deps.database.db);
  const [left] = await deps.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return { enrolled: user.mfaEnabledAt !== null, required: mfaRequiredFor(clinic.mfaRequiredRoles, user.roles), recoveryCodesLeft: left?.n ?? 0 };
}

/** Starts (or restarts) enrolment: a new secret, shown once as a QR code. Not active until confirmed. */
export async function startEnrolment(deps: AppDeps, actor: AuditActor): Promise<MfaEnrolment> {
  const user = await requireUser(deps, actor.userId!);
  if (user.mfaEnabledAt) throw conflict('Two-step sign-in is already set up for this account. An administrator can reset it.');
  const now = deps.now();
  const secret = newTotpSecret();
  const clinic = await getClinic(deps.database.db);
  await deps.database.db.transaction(async (tx) => {
    await tx.update(users).set({ mfaSecret: secret, mfaLastTimeStep: null, updatedAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, actor, { action: 'auth.mfa-enrol-start', resourceType: 'user', resourceId: user.id }, now);
  });
  const otpauthUri = totpUri(secret, user.email, `Glia (${clinic.name})`);
  return { secret, otpauthUri, qrCodeDataUrl: await qrCodeDataUrl(otpauthUri) };
}

async function replaceRecoveryCodes(tx: DbOrTx, userId: string, now: Date): Promise<string[]> {
  await tx.update(mfaRecoveryCodes).set({ usedAt: now }).where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.insert(mfaRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })));
  return codes;
}

/**
 * Confirms enrolment with a first code: MFA is on from now, recovery codes
 * are issued, and a session waiting for the second factor becomes a full one
 * (with a new token).
 */
export async function confirmEnrolment(
  deps: AppDeps,
  actor: AuditActor,
  session: { tokenHash: string; mfaPending: boolean },
  client: ClientInfo,
  code: string,
): Promise<{ recoveryCodes: string[]; me: MeResponse; token: string | null }> {
  const user = await requireUser(deps, actor.userId!);
  if (user.mfaEnabledAt) throw conflict('Two-step sign-in is already set up for this account.');
  if (!user.mfaSecret) throw conflict('Start the set-up first: POST /api/auth/mfa/enrol.');
  const now = deps.now();
  const step = await verifyTotp(user.mfaSecret, code, now, null);
  if (step === null) {
    await recordAuditStandalone(deps.database.db, actor, { action: 'auth.mfa-enrol', resourceType: 'user', resourceId: user.id, outcome: 'failure', details: { field: 'code' } }, now);
    throw invalidField('code', 'does not match; check the time on your phone and enter the current code');
  }
  const result = await deps.database.db.transaction(async (tx) => {
    await tx.update(users).set({ mfaEnabledAt: now, mfaLastTimeStep: step, updatedAt: now }).where(eq(users.id, user.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id, now);
    const opened = session.mfaPending
      ? await openSession(tx, deps, user.id, client, { previousTokenHash: session.tokenHash, mfaPending: false, now, replacedReason: 'mfa-completed' })
      : null;
    await recordAudit(tx, actor, { action: 'auth.mfa-enrol', resourceType: 'user', resourceId: user.id, details: { recoveryCodes: recoveryCodes.length } }, now);
    return { recoveryCodes, opened };
  });
  const sessionUser = { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles as Role[] };
  const expiresAt = result.opened?.expiresAt ?? new Date(now.getTime() + deps.session.maxHours * 3_600_000);
  return { recoveryCodes: result.recoveryCodes, me: await buildMe(deps, sessionUser, expiresAt), token: result.opened?.token ?? null };
}

/** The second step of sign-in: a TOTP code or an unused recovery code. Rotates the session token. */
export async function completeSecondFactor(
  deps: AppDeps,
  actor: AuditActor,
  tokenHash: string,
  client: ClientInfo,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
): Promise<{ token: string; me: MeResponse }> {
  const user = await requireUser(deps, actor.userId!);
  const now = deps.now();
  const { db } = deps.database;
  if (!user.mfaEnabledAt || !user.mfaSecret) throw conflict('Set up two-step sign-in first: POST /api/auth/mfa/enrol, then /api/auth/mfa/confirm.');
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    await revokeSession(db, tokenHash, now, 'account-locked');
    throw new AppError('UNAUTHENTICATED', 401, 'Too many failed attempts for this account. Sign in again later.');
  }
  const field = input.code !== undefined ? 'code' : 'recoveryCode';
  let step: number | null = null;
  let recoveryId: string | null = null;
  if (input.code !== undefined) {
    step = await verifyTotp(user.mfaSecret, input.code, now, user.mfaLastTimeStep);
  } else if (input.recoveryCode !== undefined) {
    const [row] = await db
      .select({ id: mfaRecoveryCodes.id })
      .from(mfaRecoveryCodes)
      .where(and(eq(mfaRecoveryCodes.userId, user.id), eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(input.recoveryCode)), isNull(mfaRecoveryCodes.usedAt)))
      .limit(1);
    recoveryId = row?.id ?? null;
  }
  if (step === null && recoveryId === null) {
    await recordAuditStandalone(db, actor, { action: 'auth.mfa', resourceType: 'user', resourceId: user.id, outcome: 'failure', details: { field } }, now);
    const lockedUntil = await recordFailedAttempt(deps, user.id, now);
    if (lockedUntil) {
      await revokeSession(db, tokenHash, now, 'account-locked');
      throw new AppError('UNAUTHENTICATED', 401, 'Too many failed attempts for this account. Sign in again later.');
    }
    throw new AppError('UNAUTHENTICATED', 401, field === 'code' ? 'The code is not right (or was already used). Enter the current code from your authenticator app.' : 'That recovery code is not right or was already used.', {
      errors: [{ field, reason: 'does not match' }],
    });
  }
  const session = await db.transaction(async (tx) => {
    if (step !== null) await tx.update(users).set({ mfaLastTimeStep: step, failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    if (recoveryId !== null) {
      await tx.update(mfaRecoveryCodes).set({ usedAt: now }).where(eq(mfaRecoveryCodes.id, recoveryId));
      await tx.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id));
    }
    const opened = await openSession(tx, deps, user.id, client, { previousTokenHash: tokenHash, mfaPending: false, now, replacedReason: 'mfa-completed' });
    await recordAudit(tx, actor, { action: 'auth.mfa', resourceType: 'user', resourceId: user.id, details: { method: step !== null ? 'totp' : 'recovery-code' } }, now);
    return opened;
  });
  const sessionUser = { id: user.id, email: user.email, displayName: user.displayName, roles: user.roles as Role[] };
  return { token: session.token, me: await buildMe(deps, sessionUser, session.expiresAt) };
}

/** An administrator resets a user's second factor (lost phone): the user enrols again at next sign-in. */
export async function resetMfa(deps: AppDeps, actor: AuditActor, userId: string): Promise<void> {
  const now = deps.now();
  await deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ mfaSecret: null, mfaEnabledAt: null, mfaLastTimeStep: null, updatedAt: now })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!row) throw notFound('User');
    await tx.update(mfaRecoveryCodes).set({ usedAt: now }).where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
    await revokeAllSessionsOfUser(tx, userId, now, 'mfa-reset');
    await recordAudit(tx, actor, { action: 'user.mfa-reset', resourceType: 'user', resourceId: userId }, now);
  });
}

/**
 * Checks a signer's TOTP code inside a signing request (re-authentication).
 * The signer is already signed in, so the code of the current step is
 * accepted even when it was just used to sign in.
 */
export async function verifySignerTotp(user: UserRow, code: string, now: Date): Promise<boolean> {
  if (!user.mfaSecret || !user.mfaEnabledAt) return false;
  return (await verifyTotp(user.mfaSecret, code, now, null)) !== null;
}
