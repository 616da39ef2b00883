import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Assessment, AssessmentCreate, PatientChildParams, PatientIdParams, SafetyAlert, SafetyAlertAcknowledge, SafetyAlertQuery } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { forbidden } from '../../errors.ts';
import { allow } from '../../security/access.ts';
import { CLINICAL } from '../intake/intake-roles.ts';
import { acknowledgeSafetyAlert, createAssessment, getAssessments, getOpenAlerts } from './assessment-service.ts';

const tags = ['assessments'];

export async function assessmentRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/patients/:id/assessments', {
    config: allow(...CLINICAL),
    schema: {
      tags,
      summary: 'Enter a rating scale (e.g. {"instrument": "PHQ-9", "responses": [..]}). Scored by the clinical core; returns total, band, flags and any suicide-risk alert raised to the primary clinician. Answers out of range → 400 naming each item.',
      params: PatientIdParams, body: AssessmentCreate, response: { 201: Assessment },
    },
  }, async (req, reply) => reply.status(201).send(await createAssessment(deps, req.actor(), req.params.id, req.body)));

  r.get('/api/patients/:id/assessments', {
    config: allow(...CLINICAL),
    schema: { tags, summary: "The patient's scored scales, newest first", params: PatientIdParams, response: { 200: z.array(Assessment) } },
  }, (req) => getAssessments(deps, req.actor(), req.params.id));

  r.get('/api/safety-alerts', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Open suicide-risk alerts: addressed to me (or to no one), or all (medical director)', querystring: SafetyAlertQuery, response: { 200: z.array(SafetyAlert) } },
  }, (req) => {
    if (req.query.scope === 'all' && !req.user!.roles.includes('medical-director')) throw forbidden('Only the medical director sees every open alert.');
    return getOpenAlerts(deps, req.actor(), req.query.scope);
  });

  r.post('/api/patients/:id/safety-alerts/:alertId/acknowledge', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Acknowledge a suicide-risk alert (who and when are recorded; once)', params: PatientChildParams('alertId'), body: SafetyAlertAcknowledge, response: { 200: SafetyAlert } },
  }, (req) => acknowledgeSafetyAlert(deps, req.actor(), req.params.id, req.params.alertId, req.body.note ?? null));
}
