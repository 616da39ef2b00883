import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE),
 * each row hash-chained to the previous one so any later edit is detectable.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    userId: uuid('user_id'),
    userEmail: text('user_email'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    patientId: uuid('patient_id'),
    outcome: text('outcome').notNull(),
    clientIp: text('client_ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_patient_idx').on(t.patientId, t.seq),
    index('audit_events_user_idx').on(t.userId, t.seq),
    index('audit_events_occurred_idx').on(t.occurredAt),
    check('audit_events_outcome_valid', sql`${t.outcome} IN ('success', 'denied', 'failure')`),
    check('audit_events_hash_format', sql`${t.hash} ~ '^[0-9a-f]{64}$'`),
  ],
);
