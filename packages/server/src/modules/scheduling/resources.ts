/**
 * The clinic's scheduling resources as one snapshot: opening hours, closures,
 * chairs, staff working hours and exceptions, staffing rules, appointment types,
 * and the active bookings of a day. The placement checks work on it in memory;
 * the database's exclusion constraints remain the final word under concurrency.
 */
import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  ACTIVE_APPOINTMENT_STATUSES, appointments, appointmentTypes, chairs, clinicClosures, clinicOpeningHours, clinicSettings, staffExceptions, staffingRules,
  staffWorkingHours, users,
} from '../../db/schema/index.ts';
import { dayClock, weekdayOf } from './calendar.ts';

const HOUR_MS = 3_600_000;

export interface StaffingRules {
  nurseMaxInfusingChairs: number;
  prescriberOnSiteRequired: boolean;
  lateCancelHours: number;
  reminderHoursBefore: number;
}

export interface AppointmentTypeInfo {
  key: string;
  name: string;
  durationMin: number;
  needsChair: boolean;
  needsNurse: boolean;
  needsPrescriber: boolean;
}

export interface Resources {
  timeZone: string;
  opening: Map<number, { opensAt: string; closesAt: string }>;
  closures: Map<string, string>;
  chairs: { id: string; name: string; inService: boolean; sortOrder: number }[];
  staffHours: { userId: string; weekday: number; startsAt: string; endsAt: string; role: 'nurse' | 'prescriber' }[];
  staffNames: Map<string, string>;
  rules: StaffingRules;
  types: Map<string, AppointmentTypeInfo>;
  /** False when no staff exception exists at all (the day reads then skip that query). */
  hasStaffExceptions: boolean;
  clinicName: string;
  clinicPhone: string | null;
}

const RESOURCE_TTL_MS = 10_000;
const resourceCache = new WeakMap<object, { at: number; value: Promise<Resources> }>();

/**
 * Resources change rarely (hours, chairs, rules): a request reuses a snapshot of
 * at most 10 s, per database. Chair, patient and nurse-slot overlaps never depend
 * on it: the database's exclusion constraints and nurse-slot trigger decide those.
 */
export function cachedResources(database: object, db: DbOrTx, nowMs: number): Promise<Resources> {
  const hit = resourceCache.get(database);
  if (hit && nowMs - hit.at < RESOURCE_TTL_MS && nowMs >= hit.at) return hit.value;
  const value = loadResources(db);
  resourceCache.set(database, { at: nowMs, value });
  value.catch(() => resourceCache.delete(database));
  return value;
}

/** Drops the snapshot after a change of hours, chairs or rules. */
export function invalidateResources(database: object): void {
  resourceCache.delete(database);
}

export async function loadResources(db: DbOrTx): Promise<Resources> {
  const [settings] = await db.select({ timeZone: clinicSettings.timeZone, name: clinicSettings.name, phone: clinicSettings.phone }).from(clinicSettings).limit(1);
  const [anyException] = await db.select({ id: staffExceptions.id }).from(staffExceptions).limit(1);
  const opening = await db.select().from(clinicOpeningHours);
  const closures = await db.select().from(clinicClosures);
  const chairRows = await db.select({ id: chairs.id, name: chairs.name, inService: chairs.inService, sortOrder: chairs.sortOrder }).from(chairs).orderBy(asc(chairs.sortOrder), asc(chairs.name));
  const hours = await db.select().from(staffWorkingHours);
  const staff = await db.select({ id: users.id, name: users.displayName, active: users.active }).from(users);
  const [rules] = await db.select().from(staffingRules).limit(1);
  const types = await db.select().from(appointmentTypes);
  const activeStaff = new Set(staff.filter((s) => s.active).map((s) => s.id));
  return {
    timeZone: settings?.timeZone ?? 'UTC',
    opening: new Map(opening.map((o) => [o.weekday, { opensAt: o.opensAt, closesAt: o.closesAt }])),
    closures: new Map(closures.map((c) => [c.closedOn, c.reason])),
    chairs: chairRows,
    staffHours: hours.filter((h) => activeStaff.has(h.userId)).map((h) => ({ userId: h.userId, weekday: h.weekday, startsAt: h.startsAt, endsAt: h.endsAt, role: h.role as 'nurse' | 'prescriber' })),
    staffNames: new Map(staff.map((s) => [s.id, s.name])),
    rules: {
      nurseMaxInfusingChairs: rules?.nurseMaxInfusingChairs ?? 2,
      prescriberOnSiteRequired: rules?.prescriberOnSiteRequired ?? true,
      lateCancelHours: rules?.lateCancelHours ?? 24,
      reminderHoursBefore: rules?.reminderHoursBefore ?? 48,
    },
    types: new Map(types.map((t) => [t.key, t])),
    hasStaffExceptions: anyException !== undefined,
    clinicName: settings?.name ?? 'the clinic',
    clinicPhone: settings?.phone ?? null,
  };
}

export interface Booking {
  id: string;
  patientId: string;
  chairId: string | null;
  nurseUserId: string | null;
  nurseSlot: number | null;
  startMs: number;
  endMs: number;
}

interface Shift {
  userId: string;
  startMs: number;
  endMs: number;
}

/** One clinic-local day: its opening, shifts minus absences, and active bookings. */
export interface DayPlan {
  date: string;
  open: { startMs: number; endMs: number } | null;
  closedReason: string | null;
  nurses: Shift[];
  prescribers: Shift[];
  absences: { userId: string; startMs: number; endMs: number }[];
  bookings: Booking[];
}

/** Loads one day's plan. */
export async function loadDay(db: DbOrTx, res: Resources, date: string): Promise<DayPlan> {
  return (await loadDays(db, res, [date])).get(date)!;
}

/** Loads the plans of several days with one query for bookings and one for staff exceptions. */
export async function loadDays(db: DbOrTx, res: Resources, dates: readonly string[]): Promise<Map<string, DayPlan>> {
  const out = new Map<string, DayPlan>();
  if (dates.length === 0) return out;
  const frames = dates.map((date) => {
    const at = dayClock(date, res.timeZone);
    const dayStart = at('00:00');
    return { date, at, dayStart, dayEnd: dayStart + 30 * HOUR_MS };
  });
  const from = Math.min(...frames.map((f) => f.dayStart));
  const to = Math.max(...frames.map((f) => f.dayEnd));
  // Chair times never exceed a day (appointments_max_length), so a start a day before the range bounds the index scan.
  const rows = await db
    .select({ id: appointments.id, patientId: appointments.patientId, chairId: appointments.chairId, nurseUserId: appointments.nurseUserId, nurseSlot: appointments.nurseSlot, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
    .from(appointments)
    .where(and(lt(appointments.startsAt, new Date(to)), gt(appointments.startsAt, new Date(from - 24 * HOUR_MS)), gt(appointments.endsAt, new Date(from)), inArray(appointments.status, [...ACTIVE_APPOINTMENT_STATUSES])));
  const exceptions = !res.hasStaffExceptions ? [] : await db.select().from(staffExceptions).where(and(lt(staffExceptions.startsAt, new Date(to)), gt(staffExceptions.endsAt, new Date(from))));
  const bookings: Booking[] = rows.map((r) => ({ id: r.id, patientId: r.patientId, chairId: r.chairId, nurseUserId: r.nurseUserId, nurseSlot: r.nurseSlot, startMs: r.startsAt.getTime(), endMs: r.endsAt.getTime() }));
  for (const { date, at, dayStart, dayEnd } of frames) {
    const weekday = weekdayOf(date);
    const opening = res.opening.get(weekday);
    const closedReason = res.closures.get(date) ?? null;
    const open = opening && !closedReason
      ? { startMs: at(opening.opensAt), endMs: at(opening.closesAt) }
      : null;
    const shifts = (role: 'nurse' | 'prescriber'): Shift[] =>
      res.staffHours
        .filter((h) => h.weekday === weekday && h.role === role)
        .map((h) => ({ userId: h.userId, startMs: at(h.startsAt), endMs: at(h.endsAt) }));
    const nurses = shifts('nurse');
    const prescribers = shifts('prescriber');
    const dayExceptions = exceptions.filter((e) => e.startsAt.getTime() < dayEnd && e.endsAt.getTime() > dayStart);
    for (const x of dayExceptions.filter((e) => e.kind === 'extra')) {
      const role = res.staffHours.find((h) => h.userId === x.userId)?.role ?? 'nurse';
      (role === 'nurse' ? nurses : prescribers).push({ userId: x.userId, startMs: x.startsAt.getTime(), endMs: x.endsAt.getTime() });
    }
    out.set(date, {
      date,
      open,
      closedReason: closedReason ?? (opening ? null : 'the clinic is closed on this weekday'),
      nurses,
      prescribers,
      absences: dayExceptions.filter((e) => e.kind !== 'extra').map((e) => ({ userId: e.userId, startMs: e.startsAt.getTime(), endMs: e.endsAt.getTime() })),
      bookings: bookings.filter((b) => b.startMs < dayEnd && b.endMs > dayStart),
    });
  }
  return out;
}

export type PlacementFailure =
  | 'clinic-closed'
  | 'outside-opening-hours'
  | 'no-prescriber-on-site'
  | 'chair-out-of-service'
  | 'chair-taken'
  | 'no-chair-free'
  | 'nurse-not-working'
  | 'nurse-at-capacity'
  | 'no-nurse-free'
  | 'patient-busy';

export const PLACEMENT_REASONS: Record<PlacementFailure, string> = {
  'clinic-closed': 'the clinic is closed that day',
  'outside-opening-hours': 'the appointment is outside the opening hours',
  'no-prescriber-on-site': 'no prescriber is on site for the whole appointment',
  'chair-out-of-service': 'the chair is out of service',
  'chair-taken': 'the chair is already booked at that time',
  'no-chair-free': 'no chair is free at that time',
  'nurse-not-working': 'the nurse is not working for the whole appointment',
  'nurse-at-capacity': 'the nurse already watches the maximum number of infusing chairs at that time',
  'no-nurse-free': 'no nurse has capacity at that time',
  'patient-busy': 'the patient already has an appointment at that time',
};

export interface Placement {
  startMs: number;
  endMs: number;
  chairId: string | null;
  nurseUserId: string | null;
  nurseSlot: number | null;
  prescriberUserId: string | null;
}

const overlaps = (aS: number, aE: number, bS: number, bE: number): boolean => aS < bE && bS < aE;

function onDuty(shift: Shift, absences: DayPlan['absences'], s: number, e: number): boolean {
  if (shift.startMs > s || shift.endMs < e) return false;
  return !absences.some((a) => a.userId === shift.userId && overlaps(a.startMs, a.endMs, s, e));
}

export interface PlacementRequest {
  startMs: number;
  endMs: number;
  patientId: string;
  type: AppointmentTypeInfo;
  chairId?: string | null;
  nurseUserId?: string | null;
  /** Bookings being moved: they do not count against the new place. */
  ignoreIds?: ReadonlySet<string>;
}

/** Checks (or completes) one placement against a day: opening, prescriber, chair, nurse slot, patient. */
export function place(res: Resources, day: DayPlan, req: PlacementRequest): Placement | PlacementFailure {
  const { startMs: s, endMs: e } = req;
  if (!day.open) return 'clinic-closed';
  if (s < day.open.startMs || e > day.open.endMs) return 'outside-opening-hours';
  const live = day.bookings.filter((b) => !req.ignoreIds?.has(b.id) && overlaps(b.startMs, b.endMs, s, e));
  if (live.some((b) => b.patientId === req.patientId)) return 'patient-busy';
  let prescriberUserId: string | null = null;
  if (req.type.needsPrescriber && res.rules.prescriberOnSiteRequired) {
    const p = day.prescribers.find((sh) => onDuty(sh, day.absences, s, e));
    if (!p) return 'no-prescriber-on-site';
    prescriberUserId = p.userId;
  }
  let chairId: string | null = null;
  if (req.type.needsChair) {
    if (req.chairId) {
      const chair = res.chairs.find((c) => c.id === req.chairId);
      if (!chair || !chair.inService) return 'chair-out-of-service';
      if (live.some((b) => b.chairId === req.chairId)) return 'chair-taken';
      chairId = req.chairId;
    } else {
      const free = res.chairs.find((c) => c.inService && !live.some((b) => b.chairId === c.id));
      if (!free) return 'no-chair-free';
      chairId = free.id;
    }
  }
  let nurseUserId: string | null = null;
  let nurseSlot: number | null = null;
  if (req.type.needsNurse) {
    const max = res.rules.nurseMaxInfusingChairs;
    const freeSlot = (userId: string): number | null => {
      const used = new Set(live.filter((b) => b.nurseUserId === userId).map((b) => b.nurseSlot));
      for (let slot = 1; slot <= max; slot++) if (!used.has(slot)) return slot;
      return null;
    };
    if (req.nurseUserId) {
      const shift = day.nurses.find((sh) => sh.userId === req.nurseUserId && onDuty(sh, day.absences, s, e));
      if (!shift) return 'nurse-not-working';
      nurseSlot = freeSlot(req.nurseUserId);
      if (nurseSlot === null) return 'nurse-at-capacity';
      nurseUserId = req.nurseUserId;
    } else {
      // The least-loaded nurse on duty, so work spreads across the team.
      let best: { userId: string; slot: number; load: number } | null = null;
      for (const shift of day.nurses) {
        if (!onDuty(shift, day.absences, s, e)) continue;
        const slot = freeSlot(shift.userId);
        if (slot === null) continue;
        const load = live.filter((b) => b.nurseUserId === shift.userId).length;
        if (!best || load < best.load) best = { userId: shift.userId, slot, load };
      }
      if (!best) return 'no-nurse-free';
      nurseUserId = best.userId;
      nurseSlot = best.slot;
    }
  }
  return { startMs: s, endMs: e, chairId, nurseUserId, nurseSlot, prescriberUserId };
}

/** Active appointments that still hold a chair for a patient's plan (for spacing). */
export async function activeInfusionTimes(db: DbOrTx, patientId: string, route: string, excludeIds: readonly string[] = []): Promise<{ id: string; startsAt: Date; planId: string | null }[]> {
  const type = route === 'esketamine' ? 'esketamine' : 'infusion';
  const rows = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt, planId: appointments.planId })
    .from(appointments)
    .where(and(eq(appointments.patientId, patientId), eq(appointments.appointmentType, type), inArray(appointments.status, [...ACTIVE_APPOINTMENT_STATUSES])));
  return rows.filter((r) => !excludeIds.includes(r.id));
}
