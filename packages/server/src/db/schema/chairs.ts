import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Infusion chairs, the clinic's scarcest resource. */
export const chairs = pgTable(
  'chairs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    room: text('room'),
    equipmentNotes: text('equipment_notes'),
    inService: boolean('in_service').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('chairs_name_key').on(t.name)],
);
