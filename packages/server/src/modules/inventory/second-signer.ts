/**
 * A second person signing on the same device: the witness of a waste or a
 * breakage, the verifier of a receipt. They type their e-mail and password into
 * the dialog; reauthenticate() checks them inside this request (and audits a
 * failure) exactly as for any other signature.
 */
import type { SecondSigner } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAuditStandalone, type AuditActor } from '../audit/audit-service.ts';
import { reauthenticate, type VerifiedSigner } from '../signing/reauthenticate.ts';
import { findUserByEmail } from '../users/user-repo.ts';

const refused = (role: string, field: string, reason: string): AppError =>
  new AppError('FORBIDDEN', 403, `The ${role}'s signature was refused: ${field.split('.').pop()} ${reason}.`, { errors: [{ field, reason }] });

/**
 * Verifies the second signer's password (and second factor) for `purpose`.
 * `field` names the body member holding the signer (e.g. "witness"), so a 403
 * points at the dialog's own inputs ("witness.signature.password").
 */
export async function verifySecondSigner(
  deps: Pick<AppDeps, 'database' | 'now'>,
  actor: AuditActor,
  signer: SecondSigner,
  purpose: string,
  field: string,
): Promise<VerifiedSigner> {
  const user = await findUserByEmail(deps.database.db, signer.email);
  if (!user || !user.active) {
    await recordAuditStandalone(deps.database.db, actor, { action: 'auth.reauthenticate', resourceType: 'user', outcome: 'failure', details: { purpose, field: `${field}.email` } }, deps.now());
    throw refused(field, `${field}.email`, 'does not match an active account');
  }
  try {
    return await reauthenticate(deps, actor, user.id, signer.signature, purpose);
  } catch (error) {
    const first = error instanceof AppError && error.code === 'FORBIDDEN' ? error.errors?.[0] : undefined;
    if (first) throw refused(field, `${field}.${first.field}`, first.reason);
    throw error;
  }
}
