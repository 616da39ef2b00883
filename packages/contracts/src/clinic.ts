import { z } from 'zod';
import { Role, Text } from './common.ts';

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const TimeZone = z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as America/Chicago' });

export const ClinicSettings = z.object({
  name: z.string(),
  timeZone: z.string(),
  mrnPrefix: z.string(),
  phone: z.string().nullable(),
  demo: z.boolean(),
  mfaRequiredRoles: z.array(Role).describe('Roles that must sign in with a second factor (TOTP).'),
  careTeamRestricted: z.boolean().describe('Charts open only to the patient\'s care team, or by audited "break the glass".'),
  updatedAt: z.string(),
});
export type ClinicSettings = z.infer<typeof ClinicSettings>;

export const ClinicSettingsUpdate = z.strictObject({
  name: Text(200).optional(),
  timeZone: TimeZone.optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  mfaRequiredRoles: z.array(Role).max(6).optional(),
  careTeamRestricted: z.boolean().optional(),
});
export type ClinicSettingsUpdate = z.infer<typeof ClinicSettingsUpdate>;
