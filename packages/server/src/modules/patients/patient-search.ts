/**
 * Interprets the free-text search box: a date of birth, a phone number, an MRN
 * or a name (every word must start a given, family or preferred name).
 */
export type PatientSearch =
  | { kind: 'recent' }
  | { kind: 'birthDate'; birthDate: string }
  | { kind: 'phone'; digits: string }
  | { kind: 'mrn'; mrn: string }
  | { kind: 'name'; words: string[] };

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function parsePatientSearch(raw: string | undefined): PatientSearch {
  const q = (raw ?? '').trim();
  if (q === '') return { kind: 'recent' };

  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  const date = iso ? validDate(+iso[1]!, +iso[2]!, +iso[3]!) : us ? validDate(+us[3]!, +us[1]!, +us[2]!) : null;
  if (date) return { kind: 'birthDate', birthDate: date };

  if (/^[A-Za-z]{1,4}-\d+$/.test(q)) return { kind: 'mrn', mrn: q.toUpperCase() };

  if (/^[+\d\s().-]+$/.test(q)) {
    const digits = q.replace(/\D/g, '');
    if (digits.length >= 3) return { kind: 'phone', digits };
  }

  const words = q
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, 5);
  return { kind: 'name', words };
}

/** Escapes LIKE wildcards so user input matches literally. */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, '\\$&');
