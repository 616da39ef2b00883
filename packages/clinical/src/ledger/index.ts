export * from './ledger-config.ts';
export * from './volume-conversion.ts';
export * from './ledger-balance.ts';
export * from './ledger-deadlines.ts';
export * from './disposal.ts';
export * from './lot-selection.ts';
