import { describe, expect, it } from 'vitest';
import { at, reading } from '../monitoring/test-helpers.ts';
import { validateRescueDrugRecord } from './rescue-drug.ts';
import type { RescueDrugRecord } from './rescue-drug.ts';

const readings = [reading('bp-high', 20, { systolicMmHg: 186, diastolicMmHg: 112 }), reading('later', 40, { heartRateBpm: 80 })];
const valid: RescueDrugRecord = {
  drug: 'clonidine',
  doseAmount: 0.1,
  doseUnit: 'mg',
  route: 'po',
  givenAt: at(25),
  indication: 'BP 186/112 on two readings',
  linkedReadingId: 'bp-high',
};

describe('rescue-drug record (rule 26)', () => {
  it('accepts a complete record linked to the triggering reading (rule 26)', () => {
    expect(validateRescueDrugRecord(valid, { readings, now: at(30) })).toEqual([]);
  });

  it.each([
    { title: 'requires the drug name (rule 26)', change: { drug: ' ' }, code: 'rescue-drug-missing' },
    { title: 'requires a dose above 0 (rule 26)', change: { doseAmount: 0 }, code: 'rescue-dose-invalid' },
    { title: 'requires a dose at all (rule 26)', change: { doseAmount: null }, code: 'rescue-dose-invalid' },
    { title: 'requires a known unit (rule 26)', change: { doseUnit: 'tabs' }, code: 'rescue-unit-invalid' },
    { title: 'requires a known route (rule 26)', change: { route: '' }, code: 'rescue-route-invalid' },
    { title: 'requires the time given (rule 26)', change: { givenAt: null }, code: 'rescue-time-missing' },
    { title: 'rejects a time in the future (rule 26)', change: { givenAt: at(45) }, code: 'rescue-time-in-future' },
    { title: 'requires the indication (rule 26)', change: { indication: '' }, code: 'rescue-indication-missing' },
    { title: 'requires a linked reading (rule 26)', change: { linkedReadingId: null }, code: 'rescue-reading-link-missing' },
    { title: 'requires the linked reading to belong to the session (rule 26)', change: { linkedReadingId: 'other' }, code: 'rescue-reading-not-found' },
    { title: 'rejects a linked reading taken after the drug was given (rule 26)', change: { linkedReadingId: 'later' }, code: 'rescue-reading-after-dose' },
  ])('$title', ({ change, code }) => {
    const findings = validateRescueDrugRecord({ ...valid, ...change }, { readings, now: at(42) });
    expect(findings.map((f) => f.code)).toEqual([code]);
    expect(findings.every((f) => f.rule === 26 && f.severity === 'block')).toBe(true);
  });

  it('lists every missing field at once (rule 26)', () => {
    const empty: RescueDrugRecord = { drug: '', doseAmount: null, doseUnit: '', route: '', givenAt: null, indication: '', linkedReadingId: null };
    expect(validateRescueDrugRecord(empty, { readings, now: at(30) })).toHaveLength(7);
  });
});
