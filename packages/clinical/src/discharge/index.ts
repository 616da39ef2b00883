export * from './discharge-config.ts';
export * from './recovery-scores.ts';
export * from './discharge-readiness.ts';
export * from './discharge-instructions.ts';
