import { z } from 'zod';

export const ClinicRuleConfigResponse = z.object({
  overrides: z.record(z.string(), z.unknown()).describe('The clinic\'s overrides of the clinical core defaults'),
  resolved: z.record(z.string(), z.unknown()).describe('The configuration in force (defaults with overrides)'),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export const ClinicRuleConfigUpdate = z.strictObject({ overrides: z.record(z.string(), z.unknown()) });
