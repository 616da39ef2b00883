import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { patients } from './patients.ts';
import { users } from './users.ts';

/** Staff on a patient's care team (used when the clinic restricts charts to care teams). */
export const patientCareTeam = pgTable(
  'patient_care_team',
  {
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull(),
    addedBy: uuid('added_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.patientId, t.userId] }), index('patient_care_team_user_idx').on(t.userId)],
);

/** "Break the glass": emergency access to a chart outside one's care team, with a reason. Append-only. */
export const breakGlassAccess = pgTable(
  'break_glass_access',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    patientId: uuid('patient_id').notNull().references(() => patients.id),
    reason: text('reason').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('break_glass_access_lookup_idx').on(t.userId, t.patientId, t.expiresAt),
    check('break_glass_access_reason_length', sql`char_length(${t.reason}) >= 10`),
    check('break_glass_access_window', sql`${t.expiresAt} > ${t.grantedAt}`),
  ],
);
