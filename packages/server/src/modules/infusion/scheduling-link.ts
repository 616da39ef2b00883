/**
 * What the infusion day reads from scheduling: the booked appointment a session
 * checks in, and the patient's active IV plan with its current order (the
 * highest signed version of plan_orders).
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import type { WeightBasis } from '@glia/clinical';
import type { DbOrTx } from '../../db/client.ts';
import { appointments, planOrders, treatmentPlans } from '../../db/schema/index.ts';

export type AppointmentRow = typeof appointments.$inferSelect;

export async function findAppointment(db: DbOrTx, id: string): Promise<AppointmentRow | null> {
  return (await db.select().from(appointments).where(eq(appointments.id, id)))[0] ?? null;
}

export interface CurrentPlanOrder {
  planId: string;
  version: number;
  doseMgPerKg: number;
  durationMin: number;
  weightBasis: WeightBasis;
}

/**
 * The IV order in force: the appointment's plan when it names one, otherwise the
 * patient's active IV ketamine plan; its highest signed order version.
 */
export async function currentPlanOrder(db: DbOrTx, patientId: string, appointmentId: string | null): Promise<CurrentPlanOrder | null> {
  const appointment = appointmentId ? await findAppointment(db, appointmentId) : null;
  const plans = await db.select().from(treatmentPlans)
    .where(appointment?.planId
      ? eq(treatmentPlans.id, appointment.planId)
      : and(eq(treatmentPlans.patientId, patientId), eq(treatmentPlans.status, 'active'), eq(treatmentPlans.route, 'iv-ketamine')))
    .orderBy(desc(treatmentPlans.signedAt))
    .limit(1);
  const plan = plans[0];
  if (!plan || plan.route !== 'iv-ketamine' || plan.status !== 'active') return null;
  const [order] = await db.select().from(planOrders)
    .where(and(eq(planOrders.planId, plan.id), isNotNull(planOrders.signedAt)))
    .orderBy(desc(planOrders.version))
    .limit(1);
  if (!order || order.doseMgPerKg === null) return null;
  return { planId: plan.id, version: order.version, doseMgPerKg: order.doseMgPerKg, durationMin: order.infusionDurationMin, weightBasis: order.weightBasis as WeightBasis };
}

/** Infusion appointments of a clinic-local day (between two instants) that are booked or checked in. */
export function infusionAppointmentsBetween(db: DbOrTx, from: Date, to: Date): Promise<AppointmentRow[]> {
  return db.select().from(appointments)
    .where(and(inArray(appointments.appointmentType, ['infusion']), inArray(appointments.status, ['booked', 'checked-in', 'in-progress']), gte(appointments.startsAt, from), lt(appointments.startsAt, to)))
    .orderBy(asc(appointments.startsAt));
}
