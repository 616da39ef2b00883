/**
 * @glia/clinical: the part of Glia a medical director must be able to read and trust.
 * Pure functions only: every input is an argument (including the current time),
 * every output is a value with explanations. See README.md for the rule reference.
 */
export * from './shared/finding.ts';
export type { CaseResult } from './vectors/case-result.ts';
