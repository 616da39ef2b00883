import { describe, expect, it } from 'vitest';
import { CountCreate, DrawCreate, LossCreate, Milliliters, ReportQuery } from './inventory.ts';

describe('inventory contracts', () => {
  it.each([
    { ml: 0.01, ok: true },
    { ml: 0.07, ok: true },
    { ml: 1.1, ok: true },
    { ml: 12.34, ok: true },
    { ml: 0.005, ok: false },
    { ml: 0, ok: false },
    { ml: -1, ok: false },
    { ml: Number.NaN, ok: false },
  ])('takes $ml mL: $ok (quantities are whole hundredths of a mL)', ({ ml, ok }) => {
    expect(Milliliters.safeParse(ml).success).toBe(ok);
  });

  it('takes a draw in mg or in mL, never both or neither', () => {
    expect(DrawCreate.safeParse({ mg: 35 }).success).toBe(true);
    expect(DrawCreate.safeParse({ ml: 0.7, sessionId: '5f0c7a3e-55b1-4d6f-9c0e-3f1b2a4c5d6e' }).success).toBe(true);
    expect(DrawCreate.safeParse({ mg: 35, ml: 0.7 }).success).toBe(false);
    expect(DrawCreate.safeParse({}).success).toBe(false);
    expect(DrawCreate.safeParse({ mg: 35, extra: true }).success).toBe(false);
  });

  it('needs a witness for a breakage record and a location for a shift count', () => {
    const loss = { locationId: '5f0c7a3e-55b1-4d6f-9c0e-3f1b2a4c5d6e', ml: 1, description: 'Dropped' };
    expect(LossCreate.safeParse({ ...loss, kind: 'breakage' }).error?.issues[0]?.path).toEqual(['witness']);
    expect(LossCreate.safeParse({ ...loss, kind: 'theft' }).success).toBe(true);
    expect(CountCreate.safeParse({ kind: 'shift', lines: [], signature: { password: 'x' } }).error?.issues[0]?.path).toEqual(['locationId']);
    expect(CountCreate.safeParse({ kind: 'biennial', lines: [], signature: { password: 'x' } }).success).toBe(true);
  });

  it('refuses a report range that ends before it starts', () => {
    expect(ReportQuery.safeParse({ from: '2026-11-02', to: '2026-11-01' }).error?.issues[0]?.path).toEqual(['to']);
    expect(ReportQuery.safeParse({ from: '2026-11-01', to: '2026-11-01' }).success).toBe(true);
  });
});
