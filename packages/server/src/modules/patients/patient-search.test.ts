import { describe, expect, it } from 'vitest';
import { escapeLike, parsePatientSearch } from './patient-search.ts';

describe('patient search parsing', () => {
  it.each([
    ['', { kind: 'recent' }],
    ['1984-03-07', { kind: 'birthDate', birthDate: '1984-03-07' }],
    ['3/7/1984', { kind: 'birthDate', birthDate: '1984-03-07' }],
    ['gl-10018', { kind: 'mrn', mrn: 'GL-10018' }],
    ['(555) 010-2233', { kind: 'phone', digits: '5550102233' }],
    ['Rivera, Ana', { kind: 'name', words: ['Rivera', 'Ana'] }],
    ['O\'Brien', { kind: 'name', words: ['O\'Brien'] }],
  ])('reads %j as %j', (q, expected) => {
    expect(parsePatientSearch(q)).toEqual(expected);
  });

  it('does not take an impossible date for a date of birth', () => {
    expect(parsePatientSearch('1984-02-30').kind).not.toBe('birthDate');
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
