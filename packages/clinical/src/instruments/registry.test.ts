import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTCOME_CONFIG } from '../outcomes/outcome-config.ts';
import type { InstrumentDefinition, InstrumentId } from './instrument-definition.ts';
import { getInstrumentDefinition, INSTRUMENT_IDS, INSTRUMENTS, isInstrumentId } from './registry.ts';

const all: [InstrumentId, InstrumentDefinition][] = INSTRUMENT_IDS.map((id) => [id, INSTRUMENTS[id]]);

/** Every LOINC code instruments.md §2/§4 lists; nothing else may appear in a definition. */
const DOCUMENTED_LOINC = new Set([
  '44249-1', '44261-6', '44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8',
  '55757-9', '55758-7', '69737-5', '70274-6', '69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7',
  '71354-5', '99046-5', '101697-1', '101698-9', '93373-9', '93246-7', '93247-5', '93248-3', '93249-1', '93250-9', '93267-3',
  '93269-9', '93374-7', '72514-3', '77565-0',
]);
/** Codes instruments.md §4 marks unverified or wrong: never shipped. */
const REJECTED_LOINC = ['70272-0', '69724-3', '96762-0', '77564-3', '75441-6'];

function loincCodes(def: InstrumentDefinition): string[] {
  const codes = [def.loinc.panel?.code, def.loinc.total?.code, ...Object.values(def.loinc.scores ?? {}).map((c) => c.code)];
  codes.push(...def.items.map((i) => i.loinc?.code), ...def.subscales.map((s) => s.loinc?.code));
  return codes.filter((c): c is string => c !== undefined);
}

describe('instrument registry', () => {
  it('holds the fifteen instruments of instruments.md §1 under their own ids', () => {
    expect(INSTRUMENT_IDS).toHaveLength(15);
    for (const [id, def] of all) expect(def.id).toBe(id);
  });

  it.each([
    ['PHQ-9', 9], ['PHQ-2', 2], ['GAD-7', 7], ['GAD-2', 2], ['MADRS', 10], ['QIDS-SR16', 16], ['HAM-D17', 17], ['PCL-5', 20],
    ['EPDS', 10], ['Y-BOCS', 10], ['C-SSRS-Screener', 7], ['CADSS', 23], ['CADSS-6', 6], ['Pain-NRS', 1], ['BPI-SF', 11],
  ] as const)('defines %s with %i items numbered from 1 in order', (id, count) => {
    expect(INSTRUMENTS[id].items.map((i) => i.number)).toEqual(Array.from({ length: count }, (_, k) => k + 1));
  });

  it.each(all)('gives every %s item one option per valid value', (_id, def) => {
    for (const item of def.items) {
      expect(item.options.map((o) => o.value)).toEqual(Array.from({ length: item.max - item.min + 1 }, (_, k) => item.min + k));
      expect(item.shortLabel.length).toBeGreaterThan(0);
    }
  });

  it.each(all)('has %s bands that tile the scored range without gaps or overlaps', (_id, def) => {
    for (const scheme of [def.bands, def.alternativeBands]) {
      if (scheme == null) continue;
      const range = scheme.appliesTo === 'total' ? def.totalRange : (() => {
        const item = def.items[scheme.appliesTo.item - 1];
        return item === undefined ? null : { min: item.min, max: item.max };
      })();
      expect(range).not.toBeNull();
      expect(scheme.bands[0]?.min).toBe(range?.min);
      expect(scheme.bands.at(-1)?.max).toBe(range?.max);
      scheme.bands.slice(1).forEach((band, k) => expect(band.min).toBe((scheme.bands[k]?.max ?? NaN) + 1));
    }
  });

  it('keeps HAM-D17 at nine 0-4 items and eight 0-2 items (maximum 52)', () => {
    const maxima = INSTRUMENTS['HAM-D17'].items.map((i) => i.max);
    expect(maxima.filter((m) => m === 4)).toHaveLength(9);
    expect(maxima.reduce((a, b) => a + b, 0)).toBe(52);
  });

  it('reverse-scores EPDS items 3 and 5-10 only', () => {
    expect(INSTRUMENTS.EPDS.items.filter((i) => i.reverseScored === true).map((i) => i.number)).toEqual([3, 5, 6, 7, 8, 9, 10]);
  });

  it.each(all)('ships verbatim wording for %s only when its licence allows full text (instruments.md §5)', (_id, def) => {
    const hasText = def.stem !== undefined || def.items.some((i) => i.text !== undefined || i.options.some((o) => o.text !== undefined));
    if (def.licence.class === 'numbers-and-short-labels') expect(hasText).toBe(false);
    expect(def.licence.note.length).toBeGreaterThan(0);
  });

  it.each(['MADRS', 'QIDS-SR16', 'EPDS', 'Y-BOCS', 'C-SSRS-Screener', 'CADSS', 'CADSS-6', 'BPI-SF'] as const)(
    'limits %s to numbers and short labels',
    (id) => expect(INSTRUMENTS[id].licence.class).toBe('numbers-and-short-labels'),
  );

  it.each(all)('uses only LOINC codes that instruments.md documents for %s', (_id, def) => {
    for (const code of loincCodes(def)) {
      expect(DOCUMENTED_LOINC.has(code)).toBe(true);
      expect(REJECTED_LOINC).not.toContain(code);
    }
  });

  it('ships no LOINC code for MADRS, HAM-D17, QIDS-SR16, Y-BOCS, CADSS, the GAD-2 total or the BPI panel', () => {
    for (const id of ['MADRS', 'HAM-D17', 'QIDS-SR16', 'Y-BOCS', 'CADSS', 'CADSS-6'] as const) {
      expect(loincCodes(INSTRUMENTS[id])).toEqual([]);
    }
    expect(INSTRUMENTS['GAD-2'].loinc.total).toBeUndefined();
    expect(INSTRUMENTS['GAD-2'].loinc.panel).toBeUndefined();
    expect(INSTRUMENTS['BPI-SF'].loinc.panel).toBeUndefined();
  });

  it('marks the single-source PCL-5 codes as medium confidence', () => {
    expect(INSTRUMENTS['PCL-5'].loinc.total?.confidence).toBe('medium');
  });

  it.each(all)('references only existing items from the %s subscales and safety items', (_id, def) => {
    const numbers = new Set(def.items.map((i) => i.number));
    for (const s of def.subscales) for (const n of s.items) expect(numbers.has(n)).toBe(true);
    for (const s of def.safetyItems) expect(numbers.has(s.item)).toBe(true);
  });

  it('agrees with DEFAULT_OUTCOME_CONFIG on every remission and response default', () => {
    for (const [id, def] of all) {
      if (def.responseRemission === null) continue;
      const config = DEFAULT_OUTCOME_CONFIG.responseRemission[id as keyof typeof DEFAULT_OUTCOME_CONFIG.responseRemission];
      expect(config, id).toEqual({
        remissionMaxTotal: def.responseRemission.remissionMaxTotal,
        responseMinReductionPercent: def.responseRemission.responseMinReductionPercent,
        partialResponseMinReductionPercent: def.responseRemission.partialResponseMinReductionPercent,
      });
    }
  });

  it('recognises known ids and rejects anything else', () => {
    expect(isInstrumentId('PHQ-9')).toBe(true);
    expect(isInstrumentId('phq-9')).toBe(false);
    expect(isInstrumentId('toString')).toBe(false);
    expect(getInstrumentDefinition('BDI-II')).toBeUndefined();
    expect(getInstrumentDefinition('EPDS')?.name).toContain('Edinburgh');
  });
});
