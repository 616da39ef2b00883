/**
 * Re-authentication inside a signing request: the signer types the password
 * again (and the TOTP code when MFA is enrolled) in the same request that signs.
 * Failures are audited; the caller's transaction is not touched.
 */
import type { Reauthentication } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAuditStandalone, type AuditActor } from '../audit/audit-service.ts';
import { verifySignerTotp } from '../auth/mfa-service.ts';
import { verifyPassword } from '../auth/password.ts';
import { findUserById } from '../users/user-repo.ts';

export interface VerifiedSigner {
  userId: string;
  displayName: string;
  credentials: string | null;
  roles: string[];
}

export const signatureRefused = (field: string, reason: string): AppError =>
  new AppError('FORBIDDEN', 403, `Signature refused: ${field.replace('signature.', '')} ${reason}.`, { errors: [{ field, reason }] });

/**
 * Verifies `signerId`'s password (and second factor) for a signature on `purpose`.
 * Throws 403 with the failing field; never changes data.
 */
export async function reauthenticate(
  deps: Pick<AppDeps, 'database' | 'now'>,
  actor: AuditActor,
  signerId: string,
  reauth: Reauthentication,
  purpose: string,
): Promise<VerifiedSigner> {
  const { db } = deps.database;
  const now = deps.now();
  const user = await findUserById(db, signerId);
  const failure = async (field: string, reason: string): Promise<never> => {
    await recordAuditStandalone(db, actor, { action: 'auth.reauthenticate', resourceType: 'user', resourceId: signerId, outcome: 'failure', details: { purpose, field } }, now);
    throw signatureRefused(field, reason);
  };
  if (!user || !user.active) return failure('signature', 'the signer has no active account');
  if (!(await verifyPassword(user.passwordHash, reauth.password))) return failure('signature.password', 'does not match the account');
  if (user.mfaEnabledAt) {
    if (!reauth.totpCode) return failure('signature.totpCode', 'is required: enter the current code from your authenticator app');
    if (!(await verifySignerTotp(user, reauth.totpCode, now))) return failure('signature.totpCode', 'does not match; enter the current code from your authenticator app');
  }
  return { userId: user.id, displayName: user.displayName, credentials: user.credentials, roles: user.roles };
}
