import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkInstrumentVectors } from './instrument-vectors.ts';

const load = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));
const shared = load(new URL('../../../../../shared/spec/instrument-vectors.json', import.meta.url));
const extra = load(new URL('./fixtures/instrument-vectors-extra.json', import.meta.url));

const failures = (doc: unknown): unknown[] => checkInstrumentVectors(doc).filter((r) => !r.passed);

describe('shared instrument vectors', () => {
  it('passes every scoring and response/remission case of shared/spec/instrument-vectors.json', () => {
    const results = checkInstrumentVectors(shared);
    expect(results.length).toBeGreaterThanOrEqual(107);
    expect(failures(shared)).toEqual([]);
  });
});

describe("Glia's extra instrument vectors", () => {
  it('passes every hand-computed case of fixtures/instrument-vectors-extra.json', () => {
    const results = checkInstrumentVectors(extra);
    expect(results.length).toBeGreaterThanOrEqual(100);
    expect(failures(extra)).toEqual([]);
  });

  it('covers every instrument the shared file uses', () => {
    const instruments = (doc: unknown): Set<string> =>
      new Set((doc as { vectors: { instrument: string }[] }).vectors.map((v) => v.instrument));
    for (const id of instruments(shared)) expect(instruments(extra)).toContain(id);
  });
});

describe('checkInstrumentVectors', () => {
  const phq = { id: 'p', instrument: 'PHQ-9', responses: [0, 0, 0, 0, 0, 0, 0, 0, 1], expected: { total: 1, band: 'none-minimal' } };

  it('reports a wrong expected value with expected, actual and the differing key', () => {
    const [result] = checkInstrumentVectors({ vectors: [{ ...phq, expected: { total: 2, band: 'none-minimal' } }] });
    expect(result).toMatchObject({ id: 'p', passed: false, expected: { total: 2 }, actual: { total: 1, band: 'none-minimal' } });
    expect(result?.detail).toContain('total');
  });

  it('fails a key the library does not produce instead of ignoring it', () => {
    const [result] = checkInstrumentVectors({ vectors: [{ ...phq, expected: { notAField: 1 } }] });
    expect(result?.passed).toBe(false);
  });

  it('does not accept undefined where null is expected', () => {
    const [result] = checkInstrumentVectors({ vectors: [{ ...phq, expected: { nothing: null } }] });
    expect(result?.passed).toBe(false);
  });

  it('checks only the listed keys inside nested objects', () => {
    const qids = { id: 'q', instrument: 'QIDS-SR16', responses: Array(16).fill(1), expected: { domains: { sleep: 1 } } };
    expect(checkInstrumentVectors({ vectors: [qids] })[0]?.passed).toBe(true);
  });

  it('compares arrays element by element', () => {
    const missing = { ...phq, responses: [null, 0, 0, 0, null, 0, 0, 0, 0], expected: { missingItems: [5, 1] } };
    expect(checkInstrumentVectors({ vectors: [missing] })[0]?.passed).toBe(false);
  });

  it('compares integers exactly and decimals within the file tolerance of 0.005', () => {
    const bpi = { id: 'b', instrument: 'BPI-SF', responses: [4, 1, 2, 3, 2, 3, null, 2, 3, null, 3] };
    expect(checkInstrumentVectors({ vectors: [{ ...bpi, expected: { interference: 2.604 } }] })[0]?.passed).toBe(true);
    expect(checkInstrumentVectors({ vectors: [{ ...bpi, expected: { interference: 2.61 } }] })[0]?.passed).toBe(false);
    expect(checkInstrumentVectors({ vectors: [{ ...bpi, expected: { severity: 2.5 } }] }, { decimalTolerance: 0 })[0]?.passed).toBe(true);
  });

  it('runs response/remission cases with their remission cut-off variants', () => {
    const rr = { id: 'r', instrument: 'MADRS', baseline: 32, current: 10, expected: 'remission', expectedIfRemissionCutoff9: 'response', reductionPercent: 68.75 };
    expect(checkInstrumentVectors({ responseRemissionVectors: [rr] })[0]?.passed).toBe(true);
    const wrong = checkInstrumentVectors({ responseRemissionVectors: [{ ...rr, expectedIfRemissionCutoff9: 'remission' }] })[0];
    expect(wrong).toMatchObject({ passed: false, actual: { expectedIfRemissionCutoff9: 'response' } });
  });

  it('fails an unsupported variant key rather than skipping it', () => {
    const rr = { id: 'r', instrument: 'MADRS', baseline: 32, current: 10, expected: 'remission', expectedIfSomethingElse: 'x' };
    expect(checkInstrumentVectors({ responseRemissionVectors: [rr] })[0]?.passed).toBe(false);
  });

  it('fails a response case for an instrument without an outcome definition', () => {
    const rr = { id: 'r', instrument: 'EPDS', baseline: 20, current: 5, expected: 'response' };
    expect(checkInstrumentVectors({ responseRemissionVectors: [rr] })[0]).toMatchObject({ passed: false });
  });

  it('tolerates a file with either array absent', () => {
    expect(checkInstrumentVectors({ vectors: [phq] })).toHaveLength(1);
    expect(checkInstrumentVectors({ responseRemissionVectors: [] })).toEqual([]);
    expect(checkInstrumentVectors({})).toEqual([]);
  });

  it('reports malformed documents and cases as failures, never throws', () => {
    expect(checkInstrumentVectors(null)).toEqual([expect.objectContaining({ passed: false })]);
    expect(checkInstrumentVectors({ vectors: 'x' })[0]?.passed).toBe(false);
    const results = checkInstrumentVectors({ vectors: [42, { id: 'n', instrument: 'PHQ-9' }], responseRemissionVectors: [{ id: 'm' }] });
    expect(results.map((r) => [r.id, r.passed])).toEqual([
      ['vectors[0]', false],
      ['n', false],
      ['m', false],
    ]);
  });

  it('fails an unknown instrument', () => {
    const [result] = checkInstrumentVectors({ vectors: [{ id: 'u', instrument: 'BDI-II', responses: [0], expected: { total: 0 } }] });
    expect(result?.passed).toBe(false);
  });
});
