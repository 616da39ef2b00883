export * from './session-config.ts';
export * from './pre-start-checklist.ts';
export * from './session-events.ts';
export * from './rescue-drug.ts';
export * from './controlled-substance.ts';
export * from './rems.ts';
