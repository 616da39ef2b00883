import { describe, expect, it } from 'vitest';
import { ICD10_CODES, findIcd10Code, validateIcd10Code } from './icd10-codes.ts';

describe('ICD-10-CM codes (rule 1)', () => {
  it.each([
    { input: 'F33.2', status: 'known', code: 'F33.2', indication: 'depression' },
    { input: ' f32.a ', status: 'known', code: 'F32.A', indication: 'depression' },
    { input: 'F329', status: 'known', code: 'F32.9', indication: 'depression' },
    { input: 'F31.81', status: 'known', code: 'F31.81', indication: 'bipolar-depression' },
    { input: 'F31.32', status: 'known', code: 'F31.32', indication: 'bipolar-depression' },
    { input: 'F31.9', status: 'known', code: 'F31.9', indication: 'bipolar-other' },
    { input: 'F43.12', status: 'known', code: 'F43.12', indication: 'ptsd' },
    { input: 'F53.0', status: 'known', code: 'F53.0', indication: 'postpartum-depression' },
    { input: 'R45.851', status: 'known', code: 'R45.851', indication: 'suicidal-ideation' },
    { input: 'G90.512', status: 'known', code: 'G90.512', indication: 'chronic-pain' },
    { input: 'M79.7', status: 'known', code: 'M79.7', indication: 'chronic-pain' },
    { input: 'F50.013', status: 'known', code: 'F50.013', indication: 'eating-disorder' },
    { input: 'F11.20', status: 'known', code: 'F11.20', indication: 'substance-use-disorder' },
    { input: 'I10', status: 'valid-not-listed', code: 'I10' },
    { input: 'S72.001A', status: 'valid-not-listed', code: 'S72.001A' },
    { input: 'C4A.9', status: 'valid-not-listed', code: 'C4A.9' },
    { input: 'F32', status: 'valid-not-listed', code: 'F32' },
  ])('classifies $input as $status', ({ input, status, code, indication }) => {
    const r = validateIcd10Code(input);
    expect(r.status).toBe(status);
    if (r.status !== 'invalid') expect(r.code).toBe(code);
    if (r.status === 'known') expect(r.entry.indication).toBe(indication);
  });

  it.each([
    { input: '', reason: 'empty code' },
    { input: '332.1', reason: 'must start with a letter' },
    { input: 'FF3.2', reason: 'second character must be a digit' },
    { input: 'F33.', reason: 'a dot must be followed by 1-4 letters or digits' },
    { input: 'F33.12345', reason: 'longer than 7 characters' },
    { input: 'F3', reason: 'expected a letter, a digit, a letter or digit, then optionally a dot and 1-4 letters or digits' },
    { input: 'F33-2', reason: 'expected a letter, a digit, a letter or digit, then optionally a dot and 1-4 letters or digits' },
  ])('rejects $input: $reason', ({ input, reason }) => {
    expect(validateIcd10Code(input)).toEqual({ status: 'invalid', input, reason });
  });

  it('holds only unique, syntactically valid codes with descriptions', () => {
    const codes = ICD10_CODES.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of ICD10_CODES) {
      expect(validateIcd10Code(e.code)).toMatchObject({ status: 'known', code: e.code });
      expect(e.description.length).toBeGreaterThan(3);
    }
  });

  it('flags psychotic features, bipolar disorder and active substance use', () => {
    expect(findIcd10Code('F33.3')?.flags).toContain('psychotic-features');
    expect(findIcd10Code('F31.0')?.flags).toContain('bipolar');
    expect(findIcd10Code('F10.20')?.flags).toContain('active-substance-use');
    expect(findIcd10Code('F10.21')?.flags).not.toContain('active-substance-use');
  });
});
