import { z } from 'zod';
import { Email, Role, Text, Uuid } from './common.ts';

export const StaffUser = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  credentials: z.string().nullable().describe('Licence or credentials shown on signatures, e.g. "RN", "MD".'),
  active: z.boolean(),
  createdAt: z.string(),
});
export type StaffUser = z.infer<typeof StaffUser>;

export const StaffUserCreate = z.strictObject({
  email: Email,
  displayName: Text(200),
  roles: z.array(Role).min(1, { message: 'must hold at least one role' }),
  credentials: Text(40).nullable().optional(),
  password: z.string().min(12, { message: 'must be at least 12 characters' }).max(256),
});
export type StaffUserCreate = z.input<typeof StaffUserCreate>;

export const StaffUserUpdate = z.strictObject({
  displayName: Text(200).optional(),
  roles: z.array(Role).min(1, { message: 'must hold at least one role' }).optional(),
  credentials: Text(40).nullable().optional(),
  active: z.boolean().optional(),
});
export type StaffUserUpdate = z.input<typeof StaffUserUpdate>;

/** Clinicians who can be a patient's primary clinician. */
export const ClinicianOption = z.object({ id: Uuid, displayName: z.string(), roles: z.array(Role) });
export type ClinicianOption = z.infer<typeof ClinicianOption>;
