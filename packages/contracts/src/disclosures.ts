import { z } from 'zod';
import { Uuid } from './common.ts';

export const DISCLOSURE_CHANNELS = ['download', 'print', 'email', 'export'] as const;
export const DisclosureChannel = z.enum(DISCLOSURE_CHANNELS);

/** One release of patient data outside Glia: an export, a print, a download or an e-mail. */
export const Disclosure = z.object({
  id: Uuid,
  occurredAt: z.string(),
  patientId: Uuid,
  userId: Uuid.nullable(),
  userDisplayName: z.string().nullable(),
  channel: DisclosureChannel,
  what: z.string().describe('What was released, e.g. "Signed consent (PDF)".'),
  recipient: z.string().describe('To whom, e.g. "patient", "printed at the clinic", an e-mail address.'),
});
export type Disclosure = z.infer<typeof Disclosure>;
