import { z } from 'zod';
import { Instant, Uuid } from './common.ts';

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;

export const AuditEntry = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  userId: Uuid.nullable(),
  userEmail: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  patientId: Uuid.nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  clientIp: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  userId: Uuid.optional(),
  patientId: Uuid.optional(),
  action: z.string().trim().max(100).regex(/^[a-z0-9.*-]+$/, { message: 'may contain only a-z, 0-9, ".", "-" and "*"' }).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  beforeSeq: z.coerce.number().int().positive().optional().describe('Page backwards: entries with seq below this.'),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

/** Filters of the CSV export: the same as the list, without paging (at most 50,000 rows, newest first). */
export const AuditExportQuery = AuditQuery.omit({ limit: true, beforeSeq: true });
export type AuditExportQuery = z.input<typeof AuditExportQuery>;

export const AUDIT_EXPORT_MAX_ROWS = 50_000;
