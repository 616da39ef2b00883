export * from './common.ts';
export * from './health.ts';
export * from './auth.ts';
export * from './clinic.ts';
export * from './patients.ts';
export * from './audit.ts';
export * from './users.ts';
export * from './signing.ts';
