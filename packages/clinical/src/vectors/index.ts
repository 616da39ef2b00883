export type { CaseResult } from './case-result.ts';
export * from './detect.ts';
export * from './instrument-vectors.ts';
export * from './pk-vectors.ts';
