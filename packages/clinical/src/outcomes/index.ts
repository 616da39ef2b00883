export * from './outcome-config.ts';
export * from './response.ts';
export * from './relapse.ts';
export * from './continuation-review.ts';
