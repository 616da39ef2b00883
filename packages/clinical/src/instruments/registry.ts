import type { InstrumentDefinition, InstrumentId } from './instrument-definition.ts';
import { BPI_SF } from './definitions/bpi-sf.ts';
import { CSSRS_SCREENER } from './definitions/c-ssrs-screener.ts';
import { CADSS6 } from './definitions/cadss-6.ts';
import { CADSS } from './definitions/cadss.ts';
import { EPDS } from './definitions/epds.ts';
import { GAD2 } from './definitions/gad-2.ts';
import { GAD7 } from './definitions/gad-7.ts';
import { HAMD17 } from './definitions/ham-d17.ts';
import { MADRS } from './definitions/madrs.ts';
import { PAIN_NRS } from './definitions/pain-nrs.ts';
import { PCL5 } from './definitions/pcl-5.ts';
import { PHQ2 } from './definitions/phq-2.ts';
import { PHQ9 } from './definitions/phq-9.ts';
import { QIDS_SR16 } from './definitions/qids-sr16.ts';
import { YBOCS } from './definitions/y-bocs.ts';

/** Every instrument Glia scores, keyed by its stable id (instruments.md §1). */
export const INSTRUMENTS = {
  'PHQ-9': PHQ9,
  'PHQ-2': PHQ2,
  'GAD-7': GAD7,
  'GAD-2': GAD2,
  MADRS,
  'QIDS-SR16': QIDS_SR16,
  'HAM-D17': HAMD17,
  'PCL-5': PCL5,
  EPDS,
  'Y-BOCS': YBOCS,
  'C-SSRS-Screener': CSSRS_SCREENER,
  CADSS,
  'CADSS-6': CADSS6,
  'Pain-NRS': PAIN_NRS,
  'BPI-SF': BPI_SF,
} as const satisfies Readonly<Record<InstrumentId, InstrumentDefinition>>;

/** The instrument ids in the order of instruments.md §1. */
export const INSTRUMENT_IDS: readonly InstrumentId[] = Object.keys(INSTRUMENTS) as InstrumentId[];

/** Narrows a string (from a request body or a vector file) to a known instrument id. */
export function isInstrumentId(value: unknown): value is InstrumentId {
  return typeof value === 'string' && Object.hasOwn(INSTRUMENTS, value);
}

/** The definition for an id, or undefined for an unknown instrument. */
export function getInstrumentDefinition(id: string): InstrumentDefinition | undefined {
  return isInstrumentId(id) ? INSTRUMENTS[id] : undefined;
}
