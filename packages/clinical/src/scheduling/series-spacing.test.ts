import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpacingConfig } from './spacing-config.ts';
import { DEFAULT_SPACING_CONFIG } from './spacing-config.ts';
import type { SeriesKind } from './series-spacing.ts';
import { earliestAllowedNext, validateSeries } from './series-spacing.ts';

const H = 3_600_000;
const BASE = Date.UTC(2025, 0, 6, 9); // Monday 09:00 UTC
const at = (hours: number): Date => new Date(BASE + hours * H);
const cfg = DEFAULT_SPACING_CONFIG;
const codes = (r: ReturnType<typeof validateSeries>): string[] => r.findings.map((f) => `${f.code}@${String(f.facts.occurrenceIndex)}`);

describe('IV ketamine spacing (rule 14)', () => {
  it.each([
    { title: 'clears a Mon/Wed/Fri week', hours: [0, 48, 96], booked: [], expected: [] },
    { title: 'blocks an infusion 23 h after the previous one', hours: [0, 23], booked: [], expected: ['infusion-under-min-gap@1'] },
    { title: 'warns at exactly 24 h (the block is strictly under 24 h)', hours: [0, 24], booked: [], expected: ['infusion-under-warn-gap@1'] },
    { title: 'warns under 48 h', hours: [0, 47.5], booked: [], expected: ['infusion-under-warn-gap@1'] },
    { title: 'clears exactly 48 h', hours: [0, 48], booked: [], expected: [] },
    { title: 'blocks two infusions at the same instant', hours: [10, 10], booked: [], expected: ['infusion-under-min-gap@1'] },
    { title: 'blocks a fourth infusion inside seven days', hours: [0, 48, 96, 144], booked: [], expected: ['infusion-exceeds-rolling-window@3'] },
    { title: 'allows a fourth infusion exactly 168 h after the first (half-open window)', hours: [0, 48, 96, 168], booked: [], expected: [] },
    { title: 'accepts proposed times in any order', hours: [144, 0, 96, 48], booked: [], expected: ['infusion-exceeds-rolling-window@0'] },
    { title: 'reports a proposal that breaks the window of later booked infusions on the proposal', hours: [48], booked: [0, 96, 144], expected: ['infusion-exceeds-rolling-window@0'] },
    { title: 'reports a proposal too close before a booked infusion', hours: [100], booked: [110], expected: ['infusion-under-min-gap@0'] },
    { title: 'ignores conflicts among booked infusions only', hours: [400], booked: [0, 10, 20, 30], expected: [] },
  ])('$title (rule 14)', ({ hours, booked, expected }) => {
    const r = validateSeries(hours.map(at), 'iv-ketamine', cfg, { bookedTimes: booked.map(at) });
    expect(codes(r).sort()).toEqual([...expected].sort());
    expect(r.findings.every((f) => f.rule === 14)).toBe(true);
  });

  it('names the conflicting occurrence, the gap and the threshold (rule 14)', () => {
    const [f] = validateSeries([at(0), at(20)], 'iv-ketamine', cfg).findings;
    expect(f).toMatchObject({
      rule: 14, severity: 'block', code: 'infusion-under-min-gap',
      facts: { occurrenceIndex: 1, hoursBetween: 20, conflictsWithOccurrenceIndex: 0, conflictsWithBooked: false, conflictsWithAt: at(0).toISOString() },
      thresholds: { 'iv.minGapHours': 24 },
      sources: ['S9', 'S10', 'S11', 'S12'],
    });
    expect(f?.message).toContain('20 h');
  });

  it('honours configured limits (rule 14)', () => {
    const strict: SpacingConfig = { ...cfg, iv: { ...cfg.iv, maxPerRollingWindow: 2 } };
    expect(validateSeries([at(0), at(48), at(96)], 'iv-ketamine', strict).status).toBe('blocked');
    expect(validateSeries([at(0), at(48), at(96)], 'iv-ketamine', cfg).status).toBe('clear');
  });

  it('refuses an invalid date naming the field', () => {
    expect(() => validateSeries([new Date(Number.NaN)], 'iv-ketamine', cfg)).toThrow('proposedTimes[0]');
  });

  it('refuses a configuration that would disable the rule', () => {
    expect(() => validateSeries([], 'iv-ketamine', { ...cfg, iv: { ...cfg.iv, maxPerRollingWindow: 0 } })).toThrow('iv.maxPerRollingWindow');
  });

  it('validates thousands of times quickly (O(n log n))', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => at(i * 57));
    const started = performance.now();
    expect(validateSeries(many, 'iv-ketamine', cfg).status).toBe('clear');
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('esketamine spacing (rule 15)', () => {
  const D = 24;
  it.each([
    { title: 'clears twice weekly in weeks 1-4', days: [0, 3, 7, 10, 14, 17, 21, 24], expected: [] },
    { title: 'blocks a third session in week 1', days: [0, 2, 4], expected: ['esketamine-exceeds-weekly-limit@2'] },
    { title: 'blocks a second session in week 5', days: [0, 28, 31], expected: ['esketamine-exceeds-weekly-limit@2'] },
    { title: 'blocks a second session in week 9 and later', days: [0, 70, 73], expected: ['esketamine-exceeds-weekly-limit@2'] },
    { title: 'clears weekly from week 5 and every two weeks from week 9', days: [0, 28, 35, 42, 49, 56, 70], expected: [] },
    { title: 'counts weeks as 7-day blocks from the first session, not calendar weeks', days: [0, 6, 7, 13], expected: [] },
    { title: 'blocks two sessions less than 24 h apart', days: [0, 0.5], expected: ['esketamine-under-min-gap@1'] },
  ])('$title (rule 15)', ({ days, expected }) => {
    const r = validateSeries(days.map((d) => at(d * D)), 'esketamine', cfg);
    expect(codes(r).sort()).toEqual([...expected].sort());
    expect(r.findings.every((f) => f.rule === 15 && f.sources.includes('S5'))).toBe(true);
  });

  it('counts weeks from a given series start and blocks sessions before it (rule 15)', () => {
    const r = validateSeries([at(-24), at(28 * 24), at(30 * 24)], 'esketamine', cfg, { seriesStartAt: at(0) });
    expect(codes(r).sort()).toEqual(['esketamine-before-series-start@0', 'esketamine-exceeds-weekly-limit@2']);
    expect(r.findings.find((f) => f.code === 'esketamine-exceeds-weekly-limit')?.facts).toMatchObject({ seriesWeek: 5, countInWeek: 2 });
  });

  it('checks proposals against booked sessions of the same week (rule 15)', () => {
    const r = validateSeries([at(50)], 'esketamine', cfg, { bookedTimes: [at(0), at(100)] });
    expect(codes(r)).toEqual(['esketamine-exceeds-weekly-limit@0']);
  });
});

// ---- brute-force oracle: quadratic restatement of the rules, independent of the sorted sweep ----

interface Item { ms: number; proposed: number; booked: number }

function sortedItems(proposed: readonly number[], booked: readonly number[]): Item[] {
  const items = [
    ...proposed.map((ms, i) => ({ ms, proposed: i, booked: -1 })),
    ...booked.map((ms, i) => ({ ms, proposed: -1, booked: i })),
  ];
  return items.sort((a, b) => a.ms - b.ms || (a.proposed >= 0 ? 1 : 0) - (b.proposed >= 0 ? 1 : 0) || a.proposed - b.proposed || a.booked - b.booked);
}

/** j itself when proposed, else the latest proposed among the other positions in `group`; -1 when none. */
function blame(items: readonly Item[], j: number, group: readonly number[]): number {
  if ((items[j] as Item).proposed >= 0) return (items[j] as Item).proposed;
  const proposed = group.filter((k) => k !== j && (items[k] as Item).proposed >= 0);
  return proposed.length === 0 ? -1 : (items[Math.max(...proposed)] as Item).proposed;
}

/** Gap rule on neighbours: the previous of j is the item at the greatest sorted position below j, found by scanning. */
function bruteGaps(items: readonly Item[], blockMs: number, warnMs: number | null, codes: { block: string; warn: string }, out: Set<string>): void {
  for (let j = 0; j < items.length; j++) {
    let prev = -1;
    items.forEach((_, k) => {
      if (k < j && k > prev) prev = k;
    });
    if (prev < 0) continue;
    const gap = (items[j] as Item).ms - (items[prev] as Item).ms;
    const code = gap < blockMs ? codes.block : warnMs !== null && gap < warnMs ? codes.warn : null;
    if (code === null) continue;
    const who = blame(items, j, [prev]);
    if (who >= 0) out.add(`${code}@${who}`);
  }
}

function bruteIv(proposed: readonly number[], booked: readonly number[], c: SpacingConfig): Set<string> {
  const items = sortedItems(proposed, booked);
  const out = new Set<string>();
  bruteGaps(items, c.iv.minGapHours * H, c.iv.warnGapHours * H, { block: 'infusion-under-min-gap', warn: 'infusion-under-warn-gap' }, out);
  for (let j = 0; j < items.length; j++) {
    const window = items.flatMap((it, k) => (k <= j && (items[j] as Item).ms - it.ms < c.iv.rollingWindowHours * H ? [k] : []));
    if (window.length > c.iv.maxPerRollingWindow) {
      const who = blame(items, j, window);
      if (who >= 0) out.add(`infusion-exceeds-rolling-window@${who}`);
    }
  }
  return out;
}

function bruteEsketamine(proposed: readonly number[], booked: readonly number[], c: SpacingConfig, startMs: number | undefined): Set<string> {
  const all = sortedItems(proposed, booked);
  const start = startMs ?? Math.min(...all.map((i) => i.ms));
  const out = new Set<string>();
  for (const it of all) if (it.ms < start && it.proposed >= 0) out.add(`esketamine-before-series-start@${it.proposed}`);
  const items = all.filter((it) => it.ms >= start);
  if (c.esketamine.minGapHours > 0) {
    bruteGaps(items, c.esketamine.minGapHours * H, null, { block: 'esketamine-under-min-gap', warn: '' }, out);
  }
  const week = (ms: number): number => Math.floor((ms - start) / (168 * H)) + 1;
  const limit = (w: number): number => c.esketamine.phases.find((p) => w >= p.fromWeek && (p.toWeek === null || w <= p.toWeek))?.maxSessionsPerWeek ?? 0;
  for (let j = 0; j < items.length; j++) {
    const w = week((items[j] as Item).ms);
    const sameWeek = items.flatMap((it, k) => (k <= j && week(it.ms) === w ? [k] : []));
    if (sameWeek.length > limit(w)) {
      const who = blame(items, j, sameWeek);
      if (who >= 0) out.add(`esketamine-exceeds-weekly-limit@${who}`);
    }
  }
  return out;
}

const hoursArb = (maxHours: number, maxLength: number): fc.Arbitrary<number[]> =>
  fc.array(fc.oneof(fc.integer({ min: 0, max: maxHours }), fc.integer({ min: 0, max: maxHours / 24 }).map((d) => d * 24)), { maxLength });
const toMs = (hours: readonly number[]): number[] => hours.map((h) => BASE + h * H);
const configArb: fc.Arbitrary<SpacingConfig> = fc.record({
  minGapHours: fc.constantFrom(0, 12, 24),
  warnGapHours: fc.constantFrom(24, 48, 72),
  maxPerRollingWindow: fc.integer({ min: 1, max: 4 }),
  eskMinGap: fc.constantFrom(0, 24),
  eskInduction: fc.integer({ min: 1, max: 3 }),
}).map((c) => ({
  ...cfg,
  iv: { ...cfg.iv, minGapHours: c.minGapHours, warnGapHours: c.warnGapHours, maxPerRollingWindow: c.maxPerRollingWindow },
  esketamine: { minGapHours: c.eskMinGap, phases: [{ fromWeek: 1, toWeek: 4, maxSessionsPerWeek: c.eskInduction }, ...cfg.esketamine.phases.slice(1)] },
}));

describe('spacing validation agrees with a brute-force check (rules 14-15)', () => {
  it('IV: same findings as the O(n²) check on random schedules (rule 14)', () => {
    fc.assert(
      fc.property(hoursArb(24 * 30, 14), hoursArb(24 * 30, 8), configArb, (proposed, booked, c) => {
        const r = validateSeries(toMs(proposed).map((ms) => new Date(ms)), 'iv-ketamine', c, { bookedTimes: toMs(booked).map((ms) => new Date(ms)) });
        const expected = bruteIv(toMs(proposed), toMs(booked), c);
        expect(new Set(codes(r))).toEqual(expected);
        expect(r.status === 'blocked').toBe([...expected].some((e) => !e.startsWith('infusion-under-warn-gap')));
      }),
      { numRuns: 400 },
    );
  });

  it('esketamine: same findings as the O(n²) check on random schedules (rule 15)', () => {
    fc.assert(
      fc.property(hoursArb(24 * 90, 14), hoursArb(24 * 90, 8), fc.option(fc.integer({ min: -48, max: 24 * 20 })), configArb, (proposed, booked, start, c) => {
        const startMs = start === null ? undefined : BASE + start * H;
        const r = validateSeries(toMs(proposed).map((ms) => new Date(ms)), 'esketamine', c, {
          bookedTimes: toMs(booked).map((ms) => new Date(ms)),
          ...(startMs !== undefined ? { seriesStartAt: new Date(startMs) } : {}),
        });
        expect(new Set(codes(r))).toEqual(bruteEsketamine(toMs(proposed), toMs(booked), c, startMs));
      }),
      { numRuns: 400 },
    );
  });
});

describe('earliestAllowedNext (rules 14-15)', () => {
  it.each<{ title: string; kind: SeriesKind; existing: number[]; expected: number | null }>([
    { title: 'IV: 24 h after a single infusion', kind: 'iv-ketamine', existing: [0], expected: 24 },
    { title: 'IV: after three in a week, 168 h after the first of them', kind: 'iv-ketamine', existing: [0, 48, 96], expected: 168 },
    { title: 'IV: nothing to respect gives null', kind: 'iv-ketamine', existing: [], expected: null },
    { title: 'esketamine: second session of week 1 after 24 h', kind: 'esketamine', existing: [0], expected: 24 },
    { title: 'esketamine: week 1 full, start of week 2', kind: 'esketamine', existing: [0, 72], expected: 168 },
    { title: 'esketamine: week 5 full, start of week 6', kind: 'esketamine', existing: [0, 28 * 24], expected: 35 * 24 },
  ])('$title', ({ kind, existing, expected }) => {
    const next = earliestAllowedNext(existing.map(at), kind, cfg);
    expect(next?.getTime() ?? null).toBe(expected === null ? null : at(expected).getTime());
  });

  it('never starts before notBefore', () => {
    expect(earliestAllowedNext([at(0)], 'iv-ketamine', cfg, { notBefore: at(100) })?.getTime()).toBe(at(100).getTime());
  });

  it.each<SeriesKind>(['iv-ketamine', 'esketamine'])('%s: the result is unblocked and one millisecond earlier is blocked', (kind) => {
    fc.assert(
      fc.property(hoursArb(24 * 60, 10), fc.option(fc.integer({ min: 0, max: 24 * 70 })), configArb, (existingHours, notBeforeHours, c) => {
        const existing = toMs(existingHours).map((ms) => new Date(ms));
        const notBefore = notBeforeHours === null ? undefined : at(notBeforeHours);
        const next = earliestAllowedNext(existing, kind, c, notBefore !== undefined ? { notBefore } : {});
        if (next === null) {
          expect(existing.length === 0 && notBefore === undefined).toBe(true);
          return;
        }
        const last = Math.max(...existing.map((d) => d.getTime()), notBefore?.getTime() ?? Number.NEGATIVE_INFINITY);
        expect(next.getTime()).toBeGreaterThanOrEqual(last);
        expect(validateSeries([next], kind, c, { bookedTimes: existing }).status).not.toBe('blocked');
        if (next.getTime() - 1 >= last && existing.length > 0) {
          expect(validateSeries([new Date(next.getTime() - 1)], kind, c, { bookedTimes: existing }).status).toBe('blocked');
        }
      }),
      { numRuns: 300 },
    );
  });
});
