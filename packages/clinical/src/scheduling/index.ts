export * from './spacing-config.ts';
export * from './series-spacing.ts';
export * from './series-reviews.ts';
