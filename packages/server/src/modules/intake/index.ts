/**
 * Intake, eligibility and consent: every route of the area, registered as one
 * plugin so app.ts lists it once.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import { assessmentRoutes } from '../assessments/routes.ts';
import { clinicRuleRoutes } from '../clinic-rules/routes.ts';
import { consentRoutes } from '../consent/routes.ts';
import { eligibilityRoutes } from '../eligibility/routes.ts';
import { intakeRoutes } from './routes.ts';

export async function intakeAreaRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  for (const routes of [clinicRuleRoutes, intakeRoutes, assessmentRoutes, eligibilityRoutes, consentRoutes]) await routes(app, opts);
}
