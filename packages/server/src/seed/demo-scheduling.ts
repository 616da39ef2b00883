/**
 * The demo clinic's scheduling: opening hours, staff working hours, protocol
 * templates, and for every eligible and consented demo patient a signed plan
 * with an induction series booked from today (or the next open day).
 */
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { clinicOpeningHours, patients, planOrders, protocols, staffWorkingHours, treatmentPlans, users } from '../db/schema/index.ts';
import { eligibilityDecisions } from '../db/schema/eligibility.ts';
import { assertReadyForTreatment } from '../modules/consent/treatment-readiness.ts';
import { addDays, localDateOf, localInstant } from '../modules/scheduling/calendar.ts';
import { checkDoseWeight } from '../modules/scheduling/plan-service.ts';
import { loadResources } from '../modules/scheduling/resources.ts';
import { DayCache, proposeSeries } from '../modules/scheduling/series-engine.ts';
import { bookSeriesTx } from '../modules/scheduling/series-service.ts';
import { getClinicRuleConfig } from '../modules/clinic-rules/clinic-rule-config.ts';

const SYSTEM = { userId: null, userEmail: 'system', clientIp: null, requestId: null };

export const DEMO_PROTOCOLS: (typeof protocols.$inferInsert)[] = [
  {
    key: 'iv-induction', name: 'IV ketamine induction (6 infusions)', route: 'iv-ketamine', phase: 'induction', indicationKind: 'psychiatric', defaultInfusions: 6, doseMgPerKg: 0.5,
    infusionDurationMin: 40, recoveryMin: 60, chairTimeMin: 100, maxPerRolling7Days: 3,
    titrationSteps: [{ afterInfusion: 3, doseMgPerKg: 0.75, condition: 'less than 50% improvement on the primary scale after 3 standard infusions' }],
    reviewPoints: [{ kind: 'response-review', afterInfusion: 6 }, { kind: 'response-review', afterWeeks: 4 }],
  },
  {
    key: 'iv-maintenance', name: 'IV ketamine maintenance (boosters)', route: 'iv-ketamine', phase: 'maintenance', indicationKind: 'psychiatric', defaultInfusions: 4, doseMgPerKg: 0.5,
    infusionDurationMin: 40, recoveryMin: 60, chairTimeMin: 100, maxPerRolling7Days: 1, boosterIntervalMinDays: 14, boosterIntervalMaxDays: 56,
    reviewPoints: [{ kind: 'maintenance-review', afterWeeks: 12 }],
  },
  {
    key: 'pain', name: 'Pain protocol (IV ketamine)', route: 'iv-ketamine', phase: 'pain', indicationKind: 'pain', defaultInfusions: 5, doseMgPerKg: 0.3,
    infusionDurationMin: 60, recoveryMin: 60, chairTimeMin: 120, maxPerRolling7Days: 3, reviewPoints: [{ kind: 'response-review', afterInfusion: 5 }],
  },
  {
    key: 'esketamine-induction', name: 'Esketamine induction (weeks 1-4, twice weekly)', route: 'esketamine', phase: 'induction', indicationKind: 'psychiatric', defaultInfusions: 8, esketamineDoseMg: 56,
    infusionDurationMin: 10, recoveryMin: 110, chairTimeMin: 120, maxPerRolling7Days: 2, reviewPoints: [{ kind: 'response-review', afterWeeks: 4 }],
  },
  {
    key: 'esketamine-maintenance', name: 'Esketamine maintenance (weekly or every 2 weeks)', route: 'esketamine', phase: 'maintenance', indicationKind: 'psychiatric', defaultInfusions: 8, esketamineDoseMg: 56,
    infusionDurationMin: 10, recoveryMin: 110, chairTimeMin: 120, maxPerRolling7Days: 1, boosterIntervalMinDays: 7, boosterIntervalMaxDays: 14,
    reviewPoints: [{ kind: 'maintenance-review', afterWeeks: 12 }],
  },
];

/** Mon-Fri 07:00-19:00, Saturday 08:00-14:00, closed Sunday. */
export const DEMO_OPENING_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: '07:00', closesAt: '19:00' })).concat([{ weekday: 6, opensAt: '08:00', closesAt: '14:00' }]);

export async function seedDemoScheduling(tx: Tx, now: Date, timeZone: string): Promise<void> {
  await tx.insert(clinicOpeningHours).values(DEMO_OPENING_HOURS);
  const staff = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email.split('@')[0]!, u.id]));
  const hours: (typeof staffWorkingHours.$inferInsert)[] = [];
  const week = (user: string, role: 'nurse' | 'prescriber', days: number[], startsAt: string, endsAt: string): void => {
    for (const weekday of days) hours.push({ userId: staff.get(user)!, role, weekday, startsAt, endsAt });
  };
  week('nurse', 'nurse', [1, 2, 3, 4, 5], '07:00', '19:00');
  week('nurse2', 'nurse', [1, 2, 3, 4, 5], '07:00', '19:00');
  week('nurse', 'nurse', [6], '08:00', '14:00');
  week('nurse2', 'nurse', [6], '08:00', '14:00');
  week('medical-director', 'prescriber', [1, 3, 5], '07:00', '19:00');
  week('prescriber', 'prescriber', [2, 4], '07:00', '19:00');
  week('prescriber', 'prescriber', [6], '08:00', '14:00');
  week('np', 'prescriber', [1, 2, 3, 4, 5], '07:00', '19:00');
  await tx.insert(staffWorkingHours).values(hours);
  const md = staff.get('medical-director')!;
  await tx.insert(protocols).values(DEMO_PROTOCOLS.map((p) => ({ ...p, createdAt: now, createdBy: md })));

  // Every eligible and consented demo patient gets an induction plan and a series from today.
  const [induction] = await tx.select().from(protocols).where(eq(protocols.key, 'iv-induction'));
  const eligible = await tx.selectDistinct({ patientId: eligibilityDecisions.patientId }).from(eligibilityDecisions).where(eq(eligibilityDecisions.decision, 'eligible'));
  const people = await tx.select({ id: patients.id }).from(patients).where(inArray(patients.id, eligible.map((e) => e.patientId)));
  const res = await loadResources(tx);
  const config = await getClinicRuleConfig(tx);
  const today = localDateOf(now, timeZone);
  let firstStart = '09:00';
  for (const { id: patientId } of people) {
    try {
      await assertReadyForTreatment(tx, patientId, now);
    } catch {
      continue; // eligible but not yet consented: no plan
    }
    const dose = await checkDoseWeight(tx, patientId, induction!.doseMgPerKg, 'actual', now);
    const [plan] = await tx.insert(treatmentPlans).values({
      patientId, protocolId: induction!.id, indication: 'treatment-resistant depression', route: 'iv-ketamine', status: 'active', infusionsPlanned: 6,
      preferredWeekdays: [], orderedBy: md, signedBy: md, signedAt: now, createdAt: now, updatedAt: now, updatedBy: md,
    }).returning();
    await tx.insert(planOrders).values({
      planId: plan!.id, version: 1, doseMgPerKg: induction!.doseMgPerKg, weightBasis: 'actual', infusionDurationMin: induction!.infusionDurationMin,
      weightKg: dose.weightKg, weightObservedAt: dose.weightObservedAt, computedDoseMg: dose.computedDoseMg, reason: 'initial order', orderedBy: md, signedBy: md, signedAt: now, createdAt: now,
    });
    // From today's (or the next open day's) 09:00, even when that is already past: the demo shows today's chairs in use.
    let day = today;
    while (!res.opening.has(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
    const proposal = await proposeSeries(new DayCache(tx, res), res, {
      patientId, kind: 'iv-ketamine', type: res.types.get('infusion')!, durationMin: induction!.chairTimeMin, count: 6,
      notBeforeMs: localInstant(day, firstStart, timeZone).getTime(), weekdays: [], earliestTime: null, latestTime: null,
      maxPerRolling7Days: induction!.maxPerRolling7Days, bookedTimes: [], spacing: config.spacing, maintenance: null, isMaintenance: false,
    });
    if (!proposal.ok) throw new Error(`demo scheduling: no series for a demo patient: ${proposal.reason}`);
    await bookSeriesTx(tx, { ...SYSTEM, userId: md }, now, plan!, proposal.occurrences.map((o) => ({ startsAt: new Date(o.startMs).toISOString(), ...(o.chairId ? { chairId: o.chairId } : {}) })), { acknowledgeWarnings: false, allowPast: true }, res);
    firstStart = firstStart === '09:00' ? '11:00' : '13:00';
  }
}
