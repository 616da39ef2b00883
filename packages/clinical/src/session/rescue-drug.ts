/**
 * Rescue-drug charting (clinical.md §7.4, §15 rule 26): every rescue drug given
 * during a session (ondansetron, midazolam, an antihypertensive …) must be
 * charted completely and linked to the reading that prompted it.
 */
import type { Finding } from '../shared/finding.ts';
import { isValidDate } from '../monitoring/time.ts';
import type { VitalsReading } from '../monitoring/vitals-types.ts';

export const RESCUE_DOSE_UNITS = ['mg', 'mcg', 'g', 'mL', 'units'] as const;
export type RescueDoseUnit = (typeof RESCUE_DOSE_UNITS)[number];

export const RESCUE_ROUTES = ['iv', 'im', 'po', 'sl', 'sc', 'intranasal', 'inhaled'] as const;
export type RescueRoute = (typeof RESCUE_ROUTES)[number];

/** A rescue-drug entry as submitted; fields are loose so that incomplete entries can be explained. */
export interface RescueDrugRecord {
  drug: string;
  doseAmount: number | null;
  doseUnit: string;
  route: string;
  givenAt: Date | null;
  indication: string;
  /** The reading (e.g. the high BP) that triggered the drug. */
  linkedReadingId: string | null;
}

export interface RescueDrugContext {
  /** The session's readings, to resolve the link. */
  readings: readonly VitalsReading[];
  now: Date;
}

const SOURCES = ['S44', 'S60'];

function missing(code: string, message: string, facts: Finding['facts'] = {}): Finding {
  return { rule: 26, severity: 'block', code, message, facts, sources: SOURCES };
}

/**
 * Validates a rescue-drug record: drug, a positive dose with a known unit, a known
 * route, a time (not in the future), an indication, and a link to an existing
 * reading of this session taken at or before the drug was given. Returns one block
 * finding per problem; an empty list means the record may be saved.
 * See clinical.md §15 rule 26; sources [S44], [S60].
 */
export function validateRescueDrugRecord(record: RescueDrugRecord, context: RescueDrugContext): Finding[] {
  const findings: Finding[] = [];
  if (record.drug.trim() === '') findings.push(missing('rescue-drug-missing', 'Name the rescue drug.'));
  if (record.doseAmount === null || !Number.isFinite(record.doseAmount) || record.doseAmount <= 0) {
    findings.push(missing('rescue-dose-invalid', 'Enter a dose above 0.', { doseAmount: record.doseAmount }));
  }
  if (!(RESCUE_DOSE_UNITS as readonly string[]).includes(record.doseUnit)) {
    findings.push(missing('rescue-unit-invalid', `Dose unit must be one of ${RESCUE_DOSE_UNITS.join(', ')}.`, { doseUnit: record.doseUnit }));
  }
  if (!(RESCUE_ROUTES as readonly string[]).includes(record.route)) {
    findings.push(missing('rescue-route-invalid', `Route must be one of ${RESCUE_ROUTES.join(', ')}.`, { route: record.route }));
  }
  const givenAt = isValidDate(record.givenAt) ? record.givenAt : null;
  if (givenAt === null) findings.push(missing('rescue-time-missing', 'Enter the time the drug was given.'));
  else if (givenAt.getTime() > context.now.getTime()) {
    findings.push(missing('rescue-time-in-future', 'The time given is later than now.', { givenAt: givenAt.toISOString() }));
  }
  if (record.indication.trim() === '') findings.push(missing('rescue-indication-missing', 'Enter the indication (why the drug was given).'));
  if (record.linkedReadingId === null || record.linkedReadingId.trim() === '') {
    findings.push(missing('rescue-reading-link-missing', 'Link the reading that prompted the drug.'));
  } else {
    const linked = context.readings.find((r) => r.id === record.linkedReadingId);
    if (linked === undefined) {
      findings.push(missing('rescue-reading-not-found', 'The linked reading is not part of this session.', { linkedReadingId: record.linkedReadingId }));
    } else if (givenAt !== null && linked.takenAt.getTime() > givenAt.getTime()) {
      findings.push(
        missing('rescue-reading-after-dose', 'The linked reading was taken after the drug was given; link the reading that prompted it.', {
          linkedReadingId: linked.id,
          readingTakenAt: linked.takenAt.toISOString(),
          givenAt: givenAt.toISOString(),
        }),
      );
    }
  }
  return findings;
}
