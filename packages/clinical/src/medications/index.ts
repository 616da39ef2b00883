export * from './medication-catalog.ts';
export * from './medication-config.ts';
export * from './classify-medication.ts';
