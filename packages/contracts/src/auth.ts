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
