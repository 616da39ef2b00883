/**
 * What a prescriber must document before signing an eligibility decision
 * (clinical.md §15 rules 1-8: "Block" means the workflow cannot proceed without a
 * documented clinician override; warnings need an acknowledgement).
 *
 * Deciding "eligible" needs an override with a reason for every open block and an
 * acknowledgement of every warning. The rule 2 consent findings are the one
 * exception: informed consent is obtained after the patient is found eligible
 * (clinical.md §6.1), so they stay blocks of the first infusion (rule 2) but do
 * not hold up the eligibility decision itself. Deciding "not eligible" or "needs
 * work-up" follows the findings and needs no override.
 */
import type { Finding } from '../shared/finding.ts';
import type { EligibilityResult } from './assess-eligibility.ts';

export const ELIGIBILITY_DECISIONS = ['eligible', 'not-eligible', 'needs-workup'] as const;
export type EligibilityDecisionKind = (typeof ELIGIBILITY_DECISIONS)[number];

/** Rule 2 finding codes satisfied by signing the consent, which follows the decision. */
export const CONSENT_FINDING_CODES: readonly string[] = ['off-label-consent-missing', 're-consent-required'];

/** Shortest override reason accepted: a reason must say why, not just "ok". */
export const MIN_OVERRIDE_REASON_LENGTH = 10;

/** 32-bit FNV-1a, hex: a short deterministic digest for finding keys (not a security hash). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function canonical(facts: Finding['facts']): string {
  return JSON.stringify(Object.keys(facts).sort().map((k) => [k, facts[k]]));
}

/**
 * A stable key for one finding: rule, code and a digest of its severity and facts. The same
 * facts give the same key, so an override or acknowledgement made on a panel is
 * matched to the finding when the decision is signed, and refused when the facts
 * changed in between.
 */
export function findingKey(finding: Pick<Finding, 'rule' | 'severity' | 'code' | 'facts'>): string {
  return `r${finding.rule}.${finding.code}.${fnv1a(`${finding.severity}|${canonical(finding.facts)}`)}`;
}

export interface DecisionRequirements {
  /** Blocks an "eligible" decision must override, each with a reason. */
  overridesNeeded: Finding[];
  /** Warnings an "eligible" decision must acknowledge. */
  acknowledgementsNeeded: Finding[];
  /** Rule 2 consent blocks, cleared by the consent that follows the decision. */
  satisfiedByConsent: Finding[];
}

/** Splits an eligibility result into what an "eligible" decision must override, acknowledge, or leave to the consent. */
export function decisionRequirements(result: EligibilityResult): DecisionRequirements {
  const out: DecisionRequirements = { overridesNeeded: [], acknowledgementsNeeded: [], satisfiedByConsent: [] };
  for (const f of result.findings) {
    if (f.rule === 2 && CONSENT_FINDING_CODES.includes(f.code)) out.satisfiedByConsent.push(f);
    else if (f.severity === 'block') out.overridesNeeded.push(f);
    else if (f.severity === 'warning') out.acknowledgementsNeeded.push(f);
  }
  return out;
}

export interface DecisionOverrideInput {
  key: string;
  reason: string;
}

export interface EligibilityDecisionInput {
  decision: EligibilityDecisionKind;
  overrides: readonly DecisionOverrideInput[];
  acknowledgements: readonly string[];
}

export type DecisionProblemKind =
  | 'override-missing'
  | 'override-reason-too-short'
  | 'acknowledgement-missing'
  | 'unknown-finding'
  | 'not-a-block'
  | 'not-a-warning'
  | 'override-not-needed';

export interface DecisionProblem {
  kind: DecisionProblemKind;
  key: string;
  /** The rule of the finding concerned; null for a key that matches no finding. */
  rule: number | null;
  message: string;
}

export interface DecisionCheck {
  ok: boolean;
  problems: DecisionProblem[];
  overridden: { finding: Finding; reason: string }[];
  acknowledged: Finding[];
  requirements: DecisionRequirements;
}

/**
 * Checks a decision against the findings it is signed on: for "eligible", every
 * block that needs an override has one with a reason of at least
 * MIN_OVERRIDE_REASON_LENGTH characters and every warning is acknowledged;
 * overrides may target only blocks, acknowledgements only warnings; a key that
 * matches no current finding means the panel is stale. "Not eligible" and "needs
 * work-up" take acknowledgements but no overrides. Problems are listed in rule order.
 */
export function checkEligibilityDecision(result: EligibilityResult, input: EligibilityDecisionInput): DecisionCheck {
  const requirements = decisionRequirements(result);
  const byKey = new Map(result.findings.map((f) => [findingKey(f), f]));
  const problems: DecisionProblem[] = [];
  const overridden: DecisionCheck['overridden'] = [];
  const acknowledged: Finding[] = [];
  const overrideByKey = new Map<string, DecisionOverrideInput>();

  for (const o of input.overrides) {
    const f = byKey.get(o.key);
    if (f === undefined) {
      problems.push({ kind: 'unknown-finding', key: o.key, rule: null, message: `Override ${o.key} matches no current finding; the eligibility panel changed, review it again.` });
      continue;
    }
    if (input.decision !== 'eligible') {
      problems.push({ kind: 'override-not-needed', key: o.key, rule: f.rule, message: `An override is only needed to decide "eligible" (rule ${f.rule}).` });
      continue;
    }
    if (!requirements.overridesNeeded.includes(f)) {
      problems.push({ kind: 'not-a-block', key: o.key, rule: f.rule, message: `Finding ${f.code} (rule ${f.rule}) is not a block that an override can pass.` });
      continue;
    }
    const reason = o.reason.trim();
    if (reason.length < MIN_OVERRIDE_REASON_LENGTH) {
      problems.push({ kind: 'override-reason-too-short', key: o.key, rule: f.rule, message: `The override of rule ${f.rule} needs a reason of at least ${MIN_OVERRIDE_REASON_LENGTH} characters.` });
      continue;
    }
    overrideByKey.set(o.key, o);
    overridden.push({ finding: f, reason });
  }

  const ackKeys = new Set<string>();
  for (const key of input.acknowledgements) {
    const f = byKey.get(key);
    if (f === undefined) {
      problems.push({ kind: 'unknown-finding', key, rule: null, message: `Acknowledgement ${key} matches no current finding; the eligibility panel changed, review it again.` });
      continue;
    }
    if (!requirements.acknowledgementsNeeded.includes(f)) {
      problems.push({ kind: 'not-a-warning', key, rule: f.rule, message: `Finding ${f.code} (rule ${f.rule}) is not a warning to acknowledge.` });
      continue;
    }
    if (!ackKeys.has(key)) acknowledged.push(f);
    ackKeys.add(key);
  }

  if (input.decision === 'eligible') {
    for (const f of requirements.overridesNeeded) {
      const key = findingKey(f);
      if (!overrideByKey.has(key) && !problems.some((p) => p.key === key)) {
        problems.push({ kind: 'override-missing', key, rule: f.rule, message: `Rule ${f.rule} blocks: ${f.message} Deciding "eligible" needs an override with a reason.` });
      }
    }
    for (const f of requirements.acknowledgementsNeeded) {
      const key = findingKey(f);
      if (!ackKeys.has(key) && !problems.some((p) => p.key === key)) {
        problems.push({ kind: 'acknowledgement-missing', key, rule: f.rule, message: `Rule ${f.rule} warns: ${f.message} Acknowledge it before deciding "eligible".` });
      }
    }
  }

  problems.sort((a, b) => (a.rule ?? 0) - (b.rule ?? 0));
  return { ok: problems.length === 0, problems, overridden, acknowledged, requirements };
}
