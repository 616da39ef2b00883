import { describe, expect, it } from 'vitest';
import { at } from '../monitoring/test-helpers.ts';
import { aldreteConsciousnessFromMoaas, scoreModifiedAldrete, scorePadss } from './recovery-scores.ts';
import type { ModifiedAldreteInput, PadssInput } from './recovery-scores.ts';

const fullAldrete: ModifiedAldreteInput = {
  assessedAt: at(0),
  activity: 'moves-four-limbs',
  respiration: 'breathes-deeply-and-coughs',
  consciousness: 'fully-awake',
  systolicMmHg: 120,
  baselineSystolicMmHg: 120,
  spo2Pct: 98,
  onSupplementalOxygen: false,
};

describe('modified Aldrete score (rule 28)', () => {
  it.each([
    { title: 'scores 10 for a fully recovered patient (rule 28)', change: {}, items: [2, 2, 2, 2, 2], total: 10 },
    { title: 'gives 1 for activity when two limbs move (rule 28)', change: { activity: 'moves-two-limbs' }, items: [1, 2, 2, 2, 2], total: 9 },
    { title: 'gives 0 for an apneic patient (rule 28)', change: { respiration: 'apneic' }, items: [2, 0, 2, 2, 2], total: 8 },
    { title: 'gives full circulation points at exactly 20 % above baseline (rule 28)', change: { systolicMmHg: 144 }, items: [2, 2, 2, 2, 2], total: 10 },
    { title: 'gives 1 circulation point at 21 % above baseline (rule 28)', change: { systolicMmHg: 146 }, items: [2, 2, 1, 2, 2], total: 9 },
    { title: 'gives 0 circulation points at 50 % below baseline (rule 28)', change: { systolicMmHg: 60 }, items: [2, 2, 0, 2, 2], total: 8 },
    { title: 'gives 1 for consciousness when arousable on calling (rule 28)', change: { consciousness: 'arousable-on-calling' }, items: [2, 2, 2, 1, 2], total: 9 },
    { title: 'gives 1 for SpO2 91 % on room air (rule 28)', change: { spo2Pct: 91 }, items: [2, 2, 2, 2, 1], total: 9 },
    { title: 'gives 1 for SpO2 95 % on oxygen (rule 28)', change: { spo2Pct: 95, onSupplementalOxygen: true }, items: [2, 2, 2, 2, 1], total: 9 },
    { title: 'gives 0 for SpO2 89 % on room air (rule 28)', change: { spo2Pct: 89 }, items: [2, 2, 2, 2, 0], total: 8 },
    { title: 'gives 0 for SpO2 90 % on oxygen (rule 28)', change: { spo2Pct: 90, onSupplementalOxygen: true }, items: [2, 2, 2, 2, 0], total: 8 },
  ] as const)('$title', ({ change, items, total }) => {
    const score = scoreModifiedAldrete({ ...fullAldrete, ...change });
    expect(Object.values(score.items)).toEqual(items);
    expect(score.total).toBe(total);
  });

  it.each([
    [5, 'fully-awake'], [4, 'arousable-on-calling'], [3, 'arousable-on-calling'], [2, 'not-responding'], [0, 'not-responding'],
  ] as const)('maps MOAA/S %i to %s for the consciousness item (rule 28)', (moaas, expected) => {
    expect(aldreteConsciousnessFromMoaas(moaas)).toBe(expected);
  });
});

const fullPadss: PadssInput = {
  assessedAt: at(0),
  systolicMmHg: 120,
  baselineSystolicMmHg: 120,
  heartRateBpm: 72,
  baselineHeartRateBpm: 72,
  ambulation: 'steady-gait-no-dizziness',
  nauseaVomiting: 'minimal',
  pain: 'minimal',
  bleeding: 'minimal',
};

describe('PADSS (rule 28)', () => {
  it.each([
    { title: 'scores 10 for a fully recovered patient (rule 28)', change: {}, total: 10 },
    { title: 'gives 1 for vital signs when HR is 30 % above baseline (rule 28)', change: { heartRateBpm: 94 }, total: 9 },
    { title: 'gives 0 for vital signs when SBP is 45 % above baseline (rule 28)', change: { systolicMmHg: 174 }, total: 8 },
    { title: 'gives 1 for walking with assistance (rule 28)', change: { ambulation: 'walks-with-assistance' }, total: 9 },
    { title: 'gives 0 for severe nausea (rule 28)', change: { nauseaVomiting: 'severe' }, total: 8 },
    { title: 'sums moderate pain and moderate bleeding (rule 28)', change: { pain: 'moderate', bleeding: 'moderate' }, total: 8 },
  ] as const)('$title', ({ change, total }) => {
    expect(scorePadss({ ...fullPadss, ...change }).total).toBe(total);
  });
});
