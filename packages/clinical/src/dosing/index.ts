export * from './dosing-config.ts';
export * from './dosing-error.ts';
export * from './body-weight.ts';
export * from './dose-rounding.ts';
export * from './iv-dose.ts';
export * from './esketamine-dose.ts';
