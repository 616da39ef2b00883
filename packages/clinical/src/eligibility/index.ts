export * from './icd10-codes.ts';
export * from './eligibility-config.ts';
export * from './failed-trials.ts';
export * from './assess-eligibility.ts';
export * from './eligibility-decision.ts';
export * from './consent-coverage.ts';
