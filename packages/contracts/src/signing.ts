import { z } from 'zod';
import { Text, Uuid } from './common.ts';

/**
 * Re-authentication carried inside a signing request (signing a note, witnessing
 * a waste, overriding a block, signing a consent): the signer's password again,
 * and the current TOTP code when the signer has MFA enrolled.
 */
export const Reauthentication = z.strictObject({
  password: z.string().min(1, { message: 'is required to sign' }).max(1024),
  totpCode: z.string().regex(/^\d{6}$/, { message: 'must be the 6-digit code from your authenticator app' }).optional(),
});
export type Reauthentication = z.infer<typeof Reauthentication>;

/** Who signed, when, with which credentials shown. */
export const Signature = z.object({
  userId: Uuid,
  displayName: z.string(),
  credentials: z.string().nullable(),
  signedAt: z.string(),
});
export type Signature = z.infer<typeof Signature>;

export const AddendumCreate = z.strictObject({
  text: Text(10_000),
  signature: Reauthentication,
});
export type AddendumCreate = z.infer<typeof AddendumCreate>;

/** A signed correction or addition to a signed (locked) record. */
export const Addendum = z.object({
  id: Uuid,
  recordType: z.string(),
  recordId: z.string(),
  patientId: Uuid.nullable(),
  text: z.string(),
  signature: Signature,
});
export type Addendum = z.infer<typeof Addendum>;
