export * from './icd10-codes.ts';
export * from './eligibility-config.ts';
export * from './assess-eligibility.ts';
