// Intake, eligibility and consent (one line in index.ts keeps merges simple).
export * from './clinic-rules.ts';
export * from './intake.ts';
export * from './assessments.ts';
export * from './eligibility.ts';
export * from './consent.ts';
