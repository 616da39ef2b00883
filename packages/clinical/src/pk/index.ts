export * from './pk-models.ts';
export * from './pk-schedule.ts';
export * from './pk-system.ts';
export * from './pk-simulate.ts';
export * from './pump-schedule.ts';
