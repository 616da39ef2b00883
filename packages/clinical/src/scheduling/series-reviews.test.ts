import { describe, expect, it } from 'vitest';
import { DEFAULT_SPACING_CONFIG } from './spacing-config.ts';
import type { MaintenancePlan } from './series-reviews.ts';
import { boosterBookingAllowed, maintenanceReviewDue, responseReviewDue } from './series-reviews.ts';

const D = 86_400_000;
const BASE = Date.UTC(2025, 2, 3, 9);
const day = (n: number): Date => new Date(BASE + n * D);
const cfg = DEFAULT_SPACING_CONFIG;

describe('response review (rule 16)', () => {
  it.each([
    { title: 'IV: due at the sixth infusion when it falls inside week 4', kind: 'iv-ketamine' as const, days: [0, 2, 4, 7, 9, 11], dueDay: 11, trigger: 'infusion-count' },
    { title: 'IV: due at the end of week 4 when fewer than six infusions are booked', kind: 'iv-ketamine' as const, days: [0, 3, 7], dueDay: 28, trigger: 'end-of-week' },
    { title: 'IV: due at the end of week 4 when the sixth infusion comes later', kind: 'iv-ketamine' as const, days: [0, 7, 14, 21, 28, 35], dueDay: 28, trigger: 'end-of-week' },
    { title: 'esketamine: due at the end of week 4', kind: 'esketamine' as const, days: [3, 0, 7], dueDay: 28, trigger: 'end-of-week' },
  ])('$title (rule 16)', ({ kind, days, dueDay, trigger }) => {
    const due = responseReviewDue(days.map(day), kind, cfg);
    expect(due?.dueAt.getTime()).toBe(day(dueDay).getTime());
    expect(due?.trigger).toBe(trigger);
  });

  it('has nothing to review for an empty series (rule 16)', () => {
    expect(responseReviewDue([], 'iv-ketamine', cfg)).toBeNull();
  });

  it('uses the configured infusion count (rule 16)', () => {
    const due = responseReviewDue([0, 2, 4, 7].map(day), 'iv-ketamine', { ...cfg, responseReview: { ...cfg.responseReview, ivAfterInfusionCount: 4 } });
    expect(due).toMatchObject({ trigger: 'infusion-count', infusionNumber: 4 });
  });
});

describe('maintenance plan and boosters (rule 17)', () => {
  const plan = (p: Partial<MaintenancePlan> = {}): MaintenancePlan => ({ documentedAt: day(0), endPointAt: null, reviewAt: day(60), lastReviewedAt: null, ...p });

  it.each([
    { title: 'every 12 weeks from documentation', p: { reviewAt: null, endPointAt: day(200) }, dueDay: 84 },
    { title: 'every 12 weeks from the last review', p: { reviewAt: null, endPointAt: day(300), lastReviewedAt: day(50) }, dueDay: 134 },
    { title: 'at the plan review date when it is earlier', p: { reviewAt: day(30) }, dueDay: 30 },
    { title: 'never later than the interval even if the plan says so', p: { reviewAt: day(120) }, dueDay: 84 },
  ])('review falls due $title (rule 17)', ({ p, dueDay }) => {
    expect(maintenanceReviewDue(plan(p), cfg).getTime()).toBe(day(dueDay).getTime());
  });

  it.each([
    { title: 'blocks a booster without a maintenance plan', p: null, atDay: 10, codes: ['maintenance-plan-missing'] },
    { title: 'blocks a booster when the plan has no end point or review date', p: plan({ reviewAt: null, endPointAt: null }), atDay: 10, codes: ['maintenance-plan-without-end-point'] },
    { title: 'blocks a booster after the plan end point', p: plan({ endPointAt: day(40) }), atDay: 50, codes: ['maintenance-plan-ended'] },
    { title: 'blocks a booster after the review fell due', p: plan(), atDay: 61, codes: ['maintenance-review-overdue'] },
    { title: 'allows a booster under a plan with a review date', p: plan(), atDay: 30, codes: [] },
    { title: 'allows a booster under a plan with an end point', p: plan({ reviewAt: null, endPointAt: day(80) }), atDay: 30, codes: [] },
  ])('$title (rule 17)', ({ p, atDay, codes }) => {
    const r = boosterBookingAllowed(p, day(atDay), cfg);
    expect(r.findings.map((f) => f.code)).toEqual(codes);
    expect(r.allowed).toBe(codes.length === 0);
    expect(r.findings.every((f) => f.rule === 17 && f.sources.join() === 'S39,S13')).toBe(true);
  });

  it('can downgrade an overdue review to a warning (rule 17)', () => {
    const r = boosterBookingAllowed(plan(), day(61), { ...cfg, maintenance: { ...cfg.maintenance, overdueReviewSeverity: 'warning' } });
    expect(r.allowed).toBe(true);
    expect(r.findings[0]?.severity).toBe('warning');
  });
});
