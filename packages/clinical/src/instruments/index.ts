export * from './instrument-definition.ts';
export * from './registry.ts';
export * from './score.ts';
export * from './score-types.ts';
export * from './scoring-config.ts';
export * from './rounding.ts';
export * from './safety-alerts.ts';
