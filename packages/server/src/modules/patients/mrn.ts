/**
 * Medical record numbers: the clinic prefix, a running number and a Luhn check
 * digit, e.g. GL-10015. The check digit catches most mistyped MRNs.
 */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatMrn(prefix: string, number: number): string {
  const digits = String(number);
  return `${prefix}-${digits}${luhnCheckDigit(digits)}`;
}

export function isValidMrn(mrn: string): boolean {
  const m = /^[A-Z]{1,4}-(\d+)(\d)$/.exec(mrn);
  return m !== null && luhnCheckDigit(m[1]!) === Number(m[2]);
}
