/**
 * Starting treatment needs a signed "eligible" decision and, for IV ketamine, a
 * signed off-label consent that still covers the patient (rule 2).
 */
import type { TreatmentRoute } from '@glia/clinical';
import type { DbOrTx } from '../../db/client.ts';
import { ruleBlocked, unprocessable } from '../../errors.ts';
import { latestDecision } from '../eligibility/eligibility-repo.ts';
import { clinicDay } from '../intake/clinic-day.ts';
import { consentCoverageFor } from './consent-service.ts';

export async function assertReadyForTreatment(tx: DbOrTx, patientId: string, now: Date): Promise<void> {
  const decision = await latestDecision(tx, patientId);
  if (!decision || decision.decision !== 'eligible') {
    throw unprocessable('Treatment starts only after a signed "eligible" decision.', [{ field: 'stage', reason: 'needs a signed eligible decision first' }]);
  }
  const { timeZone } = await clinicDay(tx, now);
  const route = decision.route as TreatmentRoute;
  const coverage = await consentCoverageFor(tx, patientId, route, timeZone);
  if (coverage.current === null) {
    if (route === 'iv-ketamine') throw ruleBlocked(2, 'IV ketamine cannot start without a signed off-label informed consent that covers the patient (rule 2).');
    throw unprocessable(`Treatment with ${route} needs a signed consent first.`, [{ field: 'stage', reason: 'needs a signed consent first' }]);
  }
}
