import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Accounting of disclosures: every export, print, download or e-mail of a
 * patient's data, per patient. Append-only like the audit trail.
 */
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    patientId: uuid('patient_id').notNull(),
    userId: uuid('user_id').references(() => users.id),
    channel: text('channel').notNull(),
    what: text('what').notNull(),
    recipient: text('recipient').notNull(),
  },
  (t) => [index('disclosures_patient_idx').on(t.patientId, t.occurredAt)],
);
