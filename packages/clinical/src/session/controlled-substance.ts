/**
 * Controlled-substance checks on one administration record (clinical.md §11.2,
 * §15 rules 34 and 35): the amounts must balance and any waste needs a second
 * licensed witness.
 */
import type { Finding } from '../shared/finding.ts';
import { isValidDate } from '../monitoring/time.ts';
import { DEFAULT_SESSION_CONFIG } from './session-config.ts';
import type { SessionConfig } from './session-config.ts';

export interface AdministrationAmounts {
  drawnMl: number;
  givenMl: number;
  wastedMl: number;
}

/**
 * Checks that drawn = given + wasted within the tolerance (0.01 mL by default) and
 * that no amount is negative or missing. Returns block findings; the record cannot
 * be closed while any remain.
 * See clinical.md §15 rule 34; source [S38] (21 CFR 1304.22(c)).
 */
export function checkAdministrationBalance(amounts: AdministrationAmounts, config: SessionConfig = DEFAULT_SESSION_CONFIG): Finding[] {
  const bad = (Object.entries(amounts) as [keyof AdministrationAmounts, number][]).filter(([, v]) => !Number.isFinite(v) || v < 0);
  if (bad.length > 0) {
    return [
      {
        rule: 34,
        severity: 'block',
        code: 'amount-invalid',
        message: `Amounts must be numbers of 0 mL or more (${bad.map(([k]) => k).join(', ')}).`,
        facts: { ...amounts },
        sources: ['S38'],
      },
    ];
  }
  const differenceMl = amounts.drawnMl - amounts.givenMl - amounts.wastedMl;
  // The epsilon absorbs binary floating-point noise so that exactly 0.01 mL off still balances.
  if (Math.abs(differenceMl) <= config.balanceToleranceMl + 1e-9) return [];
  const rounded = Math.round(differenceMl * 1000) / 1000;
  return [
    {
      rule: 34,
      severity: 'block',
      code: 'amount-unbalanced',
      message:
        `Drawn ${amounts.drawnMl} mL does not equal given ${amounts.givenMl} mL + wasted ${amounts.wastedMl} mL ` +
        `(${rounded > 0 ? `${rounded} mL unaccounted for` : `${-rounded} mL more than drawn`}).`,
      facts: { ...amounts, differenceMl: rounded },
      thresholds: { balanceToleranceMl: config.balanceToleranceMl },
      sources: ['S38'],
    },
  ];
}

export interface WasteWitnessInput {
  wastedMl: number;
  wastedAt: Date;
  administeredByUserId: string;
  witness: { userId: string; licensed: boolean; signedAt: Date } | null;
  /** The administering clinician's shift, when the server knows it; otherwise a window around the waste is used. */
  shift?: { startsAt: Date; endsAt: Date } | null;
}

/**
 * Checks the witness of a waste: required whenever waste is above 0 mL; must be a
 * different user, licensed, and must sign within the same shift (the shift
 * record when given, otherwise within 12 h of the waste, CONFIG).
 * See clinical.md §15 rule 35; source [S38] waste-log practice, §16 open question 10.
 */
export function checkWasteWitness(input: WasteWitnessInput, config: SessionConfig = DEFAULT_SESSION_CONFIG): Finding[] {
  if (!(input.wastedMl > 0)) return [];
  const sources = ['S38'];
  const { witness } = input;
  if (witness === null || witness.userId.trim() === '' || !isValidDate(witness.signedAt)) {
    return [{ rule: 35, severity: 'block', code: 'witness-missing', message: `Waste of ${input.wastedMl} mL needs a second licensed witness's signature.`, facts: { wastedMl: input.wastedMl }, sources }];
  }
  const findings: Finding[] = [];
  if (witness.userId === input.administeredByUserId) {
    findings.push({ rule: 35, severity: 'block', code: 'witness-same-user', message: 'The witness must be a different person from the administering clinician.', facts: { witnessUserId: witness.userId }, sources });
  }
  if (!witness.licensed) {
    findings.push({ rule: 35, severity: 'block', code: 'witness-not-licensed', message: 'The witness must hold a clinical licence.', facts: { witnessUserId: witness.userId }, sources });
  }
  const signedMs = witness.signedAt.getTime();
  const shift = input.shift ?? null;
  const inShift =
    shift !== null
      ? signedMs >= shift.startsAt.getTime() && signedMs <= shift.endsAt.getTime()
      : Math.abs(signedMs - input.wastedAt.getTime()) <= config.witnessWindowHours * 3_600_000;
  if (!inShift) {
    findings.push({
      rule: 35,
      severity: 'block',
      code: 'witness-signature-outside-shift',
      message:
        shift !== null
          ? 'The witness signed outside the shift in which the waste happened.'
          : `The witness signed more than ${config.witnessWindowHours} h from the waste.`,
      facts: { signedAt: witness.signedAt.toISOString(), wastedAt: input.wastedAt.toISOString() },
      thresholds: shift !== null ? { shiftStartsAt: shift.startsAt.toISOString(), shiftEndsAt: shift.endsAt.toISOString() } : { witnessWindowHours: config.witnessWindowHours },
      sources,
    });
  }
  return findings;
}
