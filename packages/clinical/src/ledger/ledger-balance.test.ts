import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEDGER_CONFIG } from './ledger-config.ts';
import type { LedgerMovement } from './ledger-balance.ts';
import { countDiscrepancies, ledgerBalance } from './ledger-balance.ts';

type Plain = Extract<LedgerMovement, { lotId: string }>;
const mv = (id: string, kind: Plain['kind'], quantityMl: number, lotId = 'A'): LedgerMovement => ({ id, kind, lotId, quantityMl });

describe('ledger balance (rules 34, 37)', () => {
  it('keeps stock and drawn-unaccounted balances per lot', () => {
    const r = ledgerBalance([
      mv('1', 'receipt', 10), mv('2', 'receipt', 5, 'B'), mv('3', 'draw', 0.7), mv('4', 'administration', 0.6), mv('5', 'waste', 0.1),
      mv('6', 'transfer-out', 2, 'B'), mv('7', 'adjustment', -0.05), mv('8', 'loss', 1),
    ]);
    expect(r.ok).toBe(true);
    expect(r.lots).toEqual([{ lotId: 'A', stockMl: 8.25, drawnUnaccountedMl: 0 }, { lotId: 'B', stockMl: 3, drawnUnaccountedMl: 0 }]);
    expect(r.totalStockMl).toBe(11.25);
    expect(r.entries.map((e) => e.stockAfterMl)).toEqual([10, 5, 9.3, 9.3, 9.3, 3, 9.25, 8.25]);
  });

  it.each([
    { title: 'refuses a draw larger than the stock', movements: [mv('1', 'receipt', 1), mv('2', 'draw', 1.5)], index: 1, reason: 'stock-would-go-negative', rule: 37 },
    { title: 'refuses giving more than was drawn', movements: [mv('1', 'receipt', 5), mv('2', 'draw', 0.5), mv('3', 'administration', 0.6)], index: 2, reason: 'drawn-would-go-negative', rule: 34 },
    { title: 'refuses a transfer out of another lot', movements: [mv('1', 'receipt', 5, 'A'), mv('2', 'transfer-out', 1, 'B')], index: 1, reason: 'stock-would-go-negative', rule: 37 },
    { title: 'refuses a quantity finer than 0.01 mL', movements: [mv('1', 'receipt', 1.005)], index: 0, reason: 'invalid-quantity', rule: 37 },
    { title: 'refuses a negative receipt', movements: [mv('1', 'receipt', -1)], index: 0, reason: 'invalid-quantity', rule: 37 },
    { title: 'refuses a duplicate id', movements: [mv('1', 'receipt', 1), mv('1', 'receipt', 1)], index: 1, reason: 'duplicate-id', rule: 37 },
    { title: 'refuses reversing an unknown movement', movements: [{ id: 'r', kind: 'reversal', reversesId: 'x' } as const], index: 0, reason: 'unknown-reversal-target', rule: 37 },
    { title: 'refuses reversing a movement twice', movements: [mv('1', 'receipt', 1), { id: 'r1', kind: 'reversal', reversesId: '1' } as const, { id: 'r2', kind: 'reversal', reversesId: '1' } as const], index: 2, reason: 'already-reversed', rule: 37 },
    { title: 'refuses reversing a reversal', movements: [mv('1', 'receipt', 1), { id: 'r1', kind: 'reversal', reversesId: '1' } as const, { id: 'r2', kind: 'reversal', reversesId: 'r1' } as const], index: 2, reason: 'reversal-of-reversal', rule: 37 },
    { title: 'refuses reversing a receipt whose stock was already drawn', movements: [mv('1', 'receipt', 1), mv('2', 'draw', 1), { id: 'r', kind: 'reversal', reversesId: '1' } as const], index: 2, reason: 'stock-would-go-negative', rule: 37 },
  ])('$title (rule $rule)', ({ movements, index, reason, rule }) => {
    const r = ledgerBalance(movements);
    expect(r.ok).toBe(false);
    expect(r.failure).toMatchObject({ index, reason, finding: { rule, severity: 'block', sources: ['S38'] } });
    expect(r.entries).toHaveLength(index);
  });

  it('reverses a movement by id (rule 37)', () => {
    const r = ledgerBalance([mv('1', 'receipt', 3), mv('2', 'draw', 1), { id: 'r', kind: 'reversal', reversesId: '2' }]);
    expect(r.lots).toEqual([{ lotId: 'A', stockMl: 3, drawnUnaccountedMl: 0 }]);
  });

  it('balance equals receipts minus outflows and never goes negative (property, rule 37)', () => {
    const plain = fc.record({
      kind: fc.constantFrom<Plain['kind']>('receipt', 'transfer-in', 'transfer-out', 'draw', 'administration', 'waste', 'return', 'loss', 'adjustment'),
      lotId: fc.constantFrom('A', 'B'),
      centi: fc.integer({ min: 1, max: 500 }),
      negative: fc.boolean(),
    });
    const step = fc.oneof({ weight: 6, arbitrary: plain.map((p) => ({ type: 'plain' as const, ...p })) }, { weight: 1, arbitrary: fc.nat({ max: 30 }).map((n) => ({ type: 'reversal' as const, n })) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const movements: LedgerMovement[] = steps.map((s, i) =>
          s.type === 'plain'
            ? { id: `m${i}`, kind: s.kind, lotId: s.lotId, quantityMl: (s.kind === 'adjustment' && s.negative ? -s.centi : s.centi) / 100 }
            : { id: `m${i}`, kind: 'reversal', reversesId: `m${s.n % Math.max(i, 1)}` },
        );
        const r = ledgerBalance(movements);
        const applied = movements.slice(0, r.ok ? movements.length : (r.failure?.index ?? 0));
        expect(r.entries).toHaveLength(applied.length);
        for (const e of r.entries) {
          expect(e.stockAfterMl).toBeGreaterThanOrEqual(0);
          expect(e.drawnUnaccountedAfterMl).toBeGreaterThanOrEqual(0);
        }
        // Oracle: a reversal cancels its target, so the balance is the signed sum of the movements left standing.
        const reversedIds = new Set(applied.flatMap((m) => (m.kind === 'reversal' ? [m.reversesId] : [])));
        const sign: Record<Plain['kind'], number> = { receipt: 1, 'transfer-in': 1, adjustment: 1, 'transfer-out': -1, draw: -1, return: -1, loss: -1, administration: 0, waste: 0 };
        for (const lot of ['A', 'B']) {
          let stock = 0;
          let drawn = 0;
          for (const m of applied) {
            if (m.kind === 'reversal' || reversedIds.has(m.id) || m.lotId !== lot) continue;
            const c = Math.round(m.quantityMl * 100);
            stock += sign[m.kind] * c;
            if (m.kind === 'draw') drawn += c;
            if (m.kind === 'administration' || m.kind === 'waste') drawn -= c;
          }
          const got = r.lots.find((l) => l.lotId === lot);
          expect(Math.round((got?.stockMl ?? 0) * 100)).toBe(stock);
          expect(Math.round((got?.drawnUnaccountedMl ?? 0) * 100)).toBe(drawn);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('count discrepancies (rule 37)', () => {
  const expected = [{ lotId: 'A', stockMl: 8.25, drawnUnaccountedMl: 0 }, { lotId: 'B', stockMl: 3, drawnUnaccountedMl: 0 }];
  it.each([
    { title: 'stays quiet within the tolerance', counted: [{ lotId: 'A', countedMl: 8.2 }, { lotId: 'B', countedMl: 3 }], codes: [] },
    { title: 'alerts on a shortage beyond the tolerance', counted: [{ lotId: 'A', countedMl: 8 }, { lotId: 'B', countedMl: 3 }], codes: ['count-shortage'] },
    { title: 'alerts on an overage and a lot missing from the count', counted: [{ lotId: 'A', countedMl: 9 }], codes: ['count-overage', 'lot-not-counted'] },
    { title: 'alerts on a lot the ledger does not know', counted: [{ lotId: 'A', countedMl: 8.25 }, { lotId: 'B', countedMl: 3 }, { lotId: 'C', countedMl: 1 }], codes: ['count-overage'] },
  ])('$title (rule 37)', ({ counted, codes }) => {
    const fs = countDiscrepancies(expected, counted, DEFAULT_LEDGER_CONFIG);
    expect(fs.map((f) => f.code)).toEqual(codes);
    expect(fs.every((f) => f.rule === 37 && f.severity === 'warning')).toBe(true);
  });

  it('reports counted, expected and difference (rule 37)', () => {
    const [f] = countDiscrepancies(expected, [{ lotId: 'A', countedMl: 7.75 }, { lotId: 'B', countedMl: 3 }], DEFAULT_LEDGER_CONFIG);
    expect(f).toMatchObject({ facts: { lotId: 'A', countedMl: 7.75, expectedMl: 8.25, differenceMl: -0.5 }, thresholds: { countToleranceMl: 0.1 } });
  });
});
