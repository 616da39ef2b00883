import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { appointments, clinicOpeningHours, protocols, staffWorkingHours, treatmentPlans, planOrders } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';

describe('demo scheduling seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives the clinic opening hours, staff hours and the protocol templates', async () => {
    const { db } = t.testDb.database;
    expect((await db.select().from(clinicOpeningHours)).length).toBe(6);
    expect((await db.select().from(staffWorkingHours)).length).toBeGreaterThan(10);
    expect((await db.select({ key: protocols.key }).from(protocols)).map((p) => p.key).sort()).toEqual(['esketamine-induction', 'esketamine-maintenance', 'iv-induction', 'iv-maintenance', 'pain']);
  });

  it('books an induction series from today for the eligible, consented patient, spaced per rule 14', async () => {
    const { db } = t.testDb.database;
    const plans = await db.select().from(treatmentPlans);
    expect(plans).toHaveLength(1);
    const plan = plans[0]!;
    expect(plan.status).toBe('active');
    const [order] = await db.select().from(planOrders).where(eq(planOrders.planId, plan.id));
    expect(order!.doseMgPerKg).toBe(0.5);
    expect(order!.computedDoseMg).toBe(28.6);
    const rows = (await db.select().from(appointments).where(eq(appointments.planId, plan.id))).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(rows).toHaveLength(6);
    // The test clock is Monday 2026-11-23 09:00 in Chicago: the first infusion is today at 09:00 local (15:00 UTC).
    expect(rows[0]!.startsAt.toISOString()).toBe('2026-11-23T15:00:00.000Z');
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.startsAt.getTime() - rows[i - 1]!.startsAt.getTime()).toBeGreaterThanOrEqual(48 * 3_600_000);
    expect(rows.every((r) => r.chairId !== null && r.nurseUserId !== null && r.status === 'booked')).toBe(true);
    expect(plan.responseReviewDue?.toISOString()).toBe(rows[5]!.startsAt.toISOString());
  });
});
