import { z } from 'zod';
import { Instant, Uuid } from './common.ts';

export const BreakGlassBody = z.strictObject({
  reason: z.string().trim().min(10, { message: 'must say why, in at least 10 characters' }).max(1000, { message: 'must be at most 1000 characters' }),
});
export type BreakGlassBody = z.infer<typeof BreakGlassBody>;

export const BreakGlassGrant = z.object({
  id: Uuid,
  userId: Uuid,
  userDisplayName: z.string(),
  patientId: Uuid,
  patientName: z.string(),
  patientMrn: z.string(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
});
export type BreakGlassGrant = z.infer<typeof BreakGlassGrant>;

export const BreakGlassQuery = z.strictObject({
  from: Instant.optional(),
  to: Instant.optional(),
});
export type BreakGlassQuery = z.infer<typeof BreakGlassQuery>;

export const CareTeamMember = z.object({ userId: Uuid, displayName: z.string(), addedAt: z.string() });
export type CareTeamMember = z.infer<typeof CareTeamMember>;

export const CareTeamUpdate = z.strictObject({
  userIds: z.array(Uuid).max(50, { message: 'must list at most 50 people' }),
});
export type CareTeamUpdate = z.infer<typeof CareTeamUpdate>;
