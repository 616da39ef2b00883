import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Addenda to signed records. A signed record is locked (a trigger refuses
 * changes once `signed_at` is set); corrections are addenda, themselves signed
 * and append-only.
 */
export const addenda = pgTable(
  'addenda',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The kind of signed record, e.g. "eligibility-decision", "session-note". */
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    patientId: uuid('patient_id'),
    text: text('text').notNull(),
    signedBy: uuid('signed_by').notNull().references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('addenda_record_idx').on(t.recordType, t.recordId), index('addenda_patient_idx').on(t.patientId)],
);
