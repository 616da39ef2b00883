import { describe, expect, it } from 'vitest';
import { at } from '../monitoring/test-helpers.ts';
import { DEFAULT_DISCHARGE_CONFIG } from './discharge-config.ts';
import { buildDischargeInstructions } from './discharge-instructions.ts';

const contact = { label: 'the Glia Clinic after-hours line', phone: '+1 555 010 0100' };

describe('discharge instructions (rule 29)', () => {
  const instructions = buildDischargeInstructions({ kind: 'iv-ketamine', treatmentEndedAt: at(40), emergencyContact: contact });
  const item = (code: string) => instructions.items.find((i) => i.code === code);

  it.each([
    { title: 'forbids driving until the next day after sleep and for 24 hours (rule 29)', code: 'no-driving', hours: 24, words: ['next day', "night's sleep", '24 hours'] },
    { title: 'forbids major decisions for 24 hours (rule 29)', code: 'no-major-decisions', hours: 24, words: ['important decisions', '24 hours'] },
    { title: 'forbids alcohol for 24 hours (rule 29)', code: 'no-alcohol', hours: 24, words: ['alcohol', '24 hours'] },
    { title: 'forbids opioids and benzodiazepines for 4 hours (rule 29)', code: 'no-opioids-benzodiazepines', hours: 4, words: ['opioid', 'benzodiazepines', '4 hours'] },
  ])('$title', ({ code, hours, words }) => {
    const found = item(code);
    expect(found?.untilAt).toEqual(at(40 + hours * 60));
    for (const word of words) expect(found?.text).toContain(word);
  });

  it('prints the emergency contact number passed in (rule 29)', () => {
    expect(item('clinic-contact')?.text).toContain('+1 555 010 0100');
    expect(instructions.emergencyContact).toEqual(contact);
    expect(item('emergency-signs')?.text).toContain('911');
  });

  it('uses the configured minimum no-driving time (rule 29)', () => {
    const config = { ...DEFAULT_DISCHARGE_CONFIG, instructions: { ...DEFAULT_DISCHARGE_CONFIG.instructions, noDrivingMinHours: 36 } };
    const result = buildDischargeInstructions({ kind: 'esketamine', treatmentEndedAt: at(0), emergencyContact: contact, config });
    expect(result.items.find((i) => i.code === 'no-driving')?.untilAt).toEqual(at(36 * 60));
    expect(result.title).toContain('esketamine');
  });
});
