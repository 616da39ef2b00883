import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BreakGlassBody, BreakGlassGrant, BreakGlassQuery, CareTeamMember, CareTeamUpdate, PatientIdParams } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { AUDIT_REVIEW, PATIENT_READ, allow } from '../../security/access.ts';
import { breakTheGlass, getCareTeam, listBreakGlass, setCareTeam } from './break-glass-service.ts';

export async function securityRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/patients/:id/break-glass', {
    config: { ...allow(...PATIENT_READ), careTeamExempt: true },
    schema: {
      tags: ['security'],
      summary: 'Emergency access to a chart outside my care team, with a reason; recorded and shown to the medical director',
      params: PatientIdParams,
      body: BreakGlassBody,
      response: { 201: BreakGlassGrant },
    },
  }, async (request, reply) => reply.status(201).send(await breakTheGlass(deps, request.actor(), request.params.id, request.body.reason)));

  r.get('/api/security/break-glass', {
    config: allow(...AUDIT_REVIEW),
    schema: { tags: ['security'], summary: 'Emergency ("break the glass") accesses, newest first', querystring: BreakGlassQuery, response: { 200: z.array(BreakGlassGrant) } },
  }, async (request) => listBreakGlass(deps, request.actor(), request.query));

  r.get('/api/patients/:id/care-team', {
    config: allow(...PATIENT_READ),
    schema: { tags: ['security'], summary: "The patient's care team (who may open the chart when the clinic restricts charts)", params: PatientIdParams, response: { 200: z.array(CareTeamMember) } },
  }, async (request) => getCareTeam(deps, request.actor(), request.params.id));

  r.put('/api/patients/:id/care-team', {
    config: allow('prescriber', 'medical-director'),
    schema: { tags: ['security'], summary: "Replace the patient's care team", params: PatientIdParams, body: CareTeamUpdate, response: { 200: z.array(CareTeamMember) } },
  }, async (request) => setCareTeam(deps, request.actor(), request.params.id, request.body.userIds));
}
