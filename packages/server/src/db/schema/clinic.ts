import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** The clinic's own settings: one row (id = 1). */
export const clinicSettings = pgTable(
  'clinic_settings',
  {
    id: smallint('id').primaryKey().default(1),
    name: text('name').notNull(),
    /** IANA zone; every timestamp is stored in UTC and shown in this zone. */
    timeZone: text('time_zone').notNull(),
    mrnPrefix: text('mrn_prefix').notNull().default('GL'),
    phone: text('phone'),
    /** True when the demo clinic is loaded (the UI shows a DEMO banner). */
    demo: boolean('demo').notNull().default(false),
    /** Roles that must use a second factor (TOTP) to sign in. */
    mfaRequiredRoles: text('mfa_required_roles').array().notNull().default(sql`ARRAY['admin','medical-director','prescriber']::text[]`),
    /** When on, a patient's chart opens only to their care team, or by audited "break the glass". */
    careTeamRestricted: boolean('care_team_restricted').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('clinic_settings_single_row', sql`${t.id} = 1`),
    check('clinic_settings_mrn_prefix_format', sql`${t.mrnPrefix} ~ '^[A-Z]{1,4}$'`),
  ],
);
