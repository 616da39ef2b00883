/** Who may do what in intake, eligibility and consent (declared on each route with allow()). */
import type { Role } from '@glia/contracts';

/** The front desk registers referrals and sees where each patient is; clinicians do everything else. */
export const INTAKE_DESK: readonly Role[] = ['front-desk', 'nurse', 'prescriber', 'medical-director'];
/** Clinical history, scales, observations and the eligibility panel. */
export const CLINICAL: readonly Role[] = ['nurse', 'prescriber', 'medical-director'];
/** Eligibility decisions, overrides and evaluation notes. */
export const PRESCRIBING: readonly Role[] = ['prescriber', 'medical-director'];
/** Consent templates are the medical director's. */
export const MEDICAL_DIRECTOR: readonly Role[] = ['medical-director'];
