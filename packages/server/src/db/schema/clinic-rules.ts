import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, smallint, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * The clinic's overrides of the clinical core's thresholds (ClinicRuleConfigOverrides),
 * one row (id = 1). The server resolves them with resolveClinicRuleConfig().
 */
export const clinicRuleConfig = pgTable(
  'clinic_rule_config',
  {
    id: smallint('id').primaryKey().default(1),
    overrides: jsonb('overrides').$type<Record<string, unknown>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [check('clinic_rule_config_single_row', sql`${t.id} = 1`)],
);
