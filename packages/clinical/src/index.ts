/**
 * @glia/clinical: the part of Glia a medical director must be able to read and trust.
 * Pure functions only: every input is an argument (including the current time),
 * every output is a value with explanations. See README.md for the rule reference.
 */
export * from './shared/finding.ts';
export * from './shared/calendar-date.ts';
export * from './instruments/index.ts';
export * from './outcomes/index.ts';
export * from './dosing/index.ts';
export * from './pk/index.ts';
export * from './monitoring/index.ts';
export * from './discharge/index.ts';
export * from './session/index.ts';
export * from './eligibility/index.ts';
export * from './medications/index.ts';
export * from './scheduling/index.ts';
export * from './ledger/index.ts';
export * from './vectors/index.ts';
export * from './clinic-rule-config.ts';
