import { z } from 'zod';
import { Email, Role, Uuid } from './common.ts';

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1, { message: 'is required' }).max(1024),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const SessionUser = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const ClinicInfo = z.object({
  name: z.string(),
  timeZone: z.string().describe('IANA time zone; times are stored in UTC and shown in this zone.'),
  demo: z.boolean().describe('True when the demo clinic is loaded: the UI shows a DEMO banner.'),
  mfaRequiredRoles: z.array(Role).describe('Roles that must sign in with a second factor (empty in the demo clinic).'),
});
export type ClinicInfo = z.infer<typeof ClinicInfo>;

export const MeResponse = z.object({
  user: SessionUser,
  clinic: ClinicInfo,
  session: z.object({
    idleTimeoutSeconds: z.number().int(),
    expiresAt: z.string(),
  }),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const LoginResponse = MeResponse;
export type LoginResponse = z.infer<typeof LoginResponse>;

/** The password was right but a second factor is owed: POST /api/auth/mfa (or enrol first). */
export const MfaChallenge = z.object({
  mfaRequired: z.literal(true),
  enrolmentRequired: z.boolean().describe('True when the role requires MFA and this account has not enrolled yet: enrol, then confirm.'),
});
export type MfaChallenge = z.infer<typeof MfaChallenge>;

export const LoginOutcome = z.union([MeResponse, MfaChallenge]);
export type LoginOutcome = z.infer<typeof LoginOutcome>;

export const TotpCode = z.string().trim().regex(/^\d{6}$/, { message: 'must be the 6-digit code from your authenticator app' });

/** Second factor at sign-in: the current TOTP code, or one unused recovery code. */
export const MfaVerifyBody = z
  .strictObject({
    code: TotpCode.optional(),
    recoveryCode: z.string().trim().regex(/^[a-z0-9]{5}-[a-z0-9]{5}$/i, { message: 'must look like abcde-12345' }).optional(),
  })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), { message: 'give either code or recoveryCode', path: ['code'] });
export type MfaVerifyBody = z.infer<typeof MfaVerifyBody>;

export const MfaEnrolment = z.object({
  secret: z.string().describe('Base32 secret, for typing into an authenticator app by hand.'),
  otpauthUri: z.string(),
  qrCodeDataUrl: z.string().describe('PNG data: URL of the otpauth URI as a QR code.'),
});
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

export const MfaConfirmBody = z.strictObject({ code: TotpCode });
export type MfaConfirmBody = z.infer<typeof MfaConfirmBody>;

export const MfaConfirmResponse = z.object({
  recoveryCodes: z.array(z.string()).describe('Shown once: each signs in once when the authenticator is lost.'),
  me: MeResponse,
});
export type MfaConfirmResponse = z.infer<typeof MfaConfirmResponse>;

export const MfaStatus = z.object({ enrolled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number().int() });
export type MfaStatus = z.infer<typeof MfaStatus>;

export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, { message: 'is required' }).max(1024),
  newPassword: z.string().min(12, { message: 'must be at least 12 characters' }).max(256),
});
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;

export const LogoutEverywhereResponse = z.object({ sessionsEnded: z.number().int() });
export type LogoutEverywhereResponse = z.infer<typeof LogoutEverywhereResponse>;
