export * from './clinic.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './patients.ts';
export * from './chairs.ts';
export * from './signing.ts';
export * from './disclosures.ts';
export * from './inventory.ts';
