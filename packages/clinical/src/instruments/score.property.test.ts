import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InstrumentDefinition } from './instrument-definition.ts';
import { INSTRUMENT_IDS, INSTRUMENTS } from './registry.ts';
import { scoreInstrument } from './score.ts';
import type { ItemResponse } from './score-types.ts';

const all = INSTRUMENT_IDS.map((id) => [id, INSTRUMENTS[id]] as const);
const withTotal = all.filter(([, def]) => def.totalRange !== null);
const withSafety = all.filter(([, def]) => def.safetyItems.length > 0);

const validItems = (def: InstrumentDefinition): fc.Arbitrary<number[]> =>
  fc.tuple(...def.items.map((item) => fc.integer({ min: item.min, max: item.max })));

const itemsWithGaps = (def: InstrumentDefinition): fc.Arbitrary<ItemResponse[]> =>
  fc.tuple(...def.items.map((item) => fc.option(fc.integer({ min: item.min, max: item.max }), { nil: null, freq: 3 })));

/** A value outside [min, max] or not an integer. */
const invalidValue = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: max + 1, max: max + 100 }),
    fc.integer({ min: min - 100, max: min - 1 }),
    fc.double({ min, max, noNaN: true }).filter((x) => !Number.isInteger(x)),
  );

describe('scoring invariants (fast-check)', () => {
  it.each(withTotal)('keeps every valid complete %s total an integer inside the instrument range', (_id, def) => {
    fc.assert(
      fc.property(validItems(def), (responses) => {
        const result = scoreInstrument(def.id, responses);
        expect(result.error).toBeNull();
        expect(result.complete).toBe(true);
        expect(Number.isInteger(result.total)).toBe(true);
        expect(result.total).toBeGreaterThanOrEqual(def.totalRange?.min ?? NaN);
        expect(result.total).toBeLessThanOrEqual(def.totalRange?.max ?? NaN);
        if (def.bands !== null) expect(result.band).not.toBeNull();
      }),
    );
  });

  it.each(all.filter(([id]) => id !== 'QIDS-SR16'))('gives a null %s total whenever any item is missing', (_id, def) => {
    fc.assert(
      fc.property(itemsWithGaps(def), (responses) => {
        fc.pre(responses.includes(null));
        const result = scoreInstrument(def.id, responses);
        expect(result.total).toBeNull();
        expect(result.band === null || def.bands?.appliesTo !== 'total').toBe(true);
      }),
    );
  });

  it('gives a null QIDS-SR16 total exactly when a whole domain is unanswered, and never more than the naive sum', () => {
    const def = INSTRUMENTS['QIDS-SR16'];
    fc.assert(
      fc.property(itemsWithGaps(def), (responses) => {
        const result = scoreInstrument('QIDS-SR16', responses);
        const domainMissing = def.subscales.some((d) => d.items.every((n) => responses[n - 1] === null));
        expect(result.total === null).toBe(domainMissing);
        expect(result.missingDomains.length > 0).toBe(domainMissing);
        const naive = responses.reduce<number>((sum, v) => sum + (v ?? 0), 0);
        if (result.total !== null) expect(result.total).toBeLessThanOrEqual(naive);
      }),
    );
  });

  it.each(all)('always reports out-of-range %s items, whatever else is on the form', (_id, def) => {
    const arbitrary = itemsWithGaps(def).chain((responses) =>
      fc
        .uniqueArray(fc.integer({ min: 0, max: def.items.length - 1 }), { minLength: 1, maxLength: def.items.length })
        .chain((positions) =>
          fc.tuple(
            fc.constant(responses),
            fc.constant(positions),
            fc.tuple(...positions.map((p) => invalidValue(def.items[p]?.min ?? 0, def.items[p]?.max ?? 0))),
          ),
        ),
    );
    fc.assert(
      fc.property(arbitrary, ([responses, positions, values]) => {
        const form: ItemResponse[] = [...responses];
        positions.forEach((p, k) => (form[p] = values[k] ?? null));
        const result = scoreInstrument(def.id, form);
        expect(result.error).toBe('out-of-range');
        expect(result.invalidItems).toEqual([...positions].sort((a, b) => a - b).map((p) => p + 1));
        expect(result.total).toBeNull();
        expect(result.band).toBeNull();
      }),
    );
  });

  it.each(withSafety)('makes the %s safety flag null exactly when its item is missing, and never false by inference', (_id, def) => {
    fc.assert(
      fc.property(itemsWithGaps(def), (responses) => {
        const result = scoreInstrument(def.id, responses) as unknown as Record<string, unknown>;
        for (const safety of def.safetyItems) {
          const flag = result[safety.flag];
          const missing = responses[safety.item - 1] === null;
          expect(flag === null).toBe(missing);
          if (!missing) expect(typeof flag).toBe('boolean');
        }
      }),
    );
  });

  it('lists exactly the missing items, in order, for sum-scored instruments', () => {
    for (const [, def] of all.filter(([, d]) => d.scoring === 'sum')) {
      fc.assert(
        fc.property(itemsWithGaps(def), (responses) => {
          const expected = responses.flatMap((v, i) => (v === null ? [i + 1] : []));
          const result = scoreInstrument(def.id, responses);
          expect(result.missingItems).toEqual(expected);
          expect(result.complete).toBe(expected.length === 0);
        }),
        { numRuns: 50 },
      );
    }
  });
});
