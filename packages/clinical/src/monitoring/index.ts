export * from './alert.ts';
export * from './monitoring-config.ts';
export * from './vitals-types.ts';
export * from './vitals-alerts.ts';
export * from './monitoring-schedule.ts';
export * from './evaluate-monitoring.ts';
