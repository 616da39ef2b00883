import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Addendum, AddendumCreate, Eligibility, EligibilityDecision, EligibilityDecisionCreate, EligibilityQuery, EvaluationNote, EvaluationNoteCreate, PatientChildParams,
  PatientIdParams, Problem,
} from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { allow } from '../../security/access.ts';
import { CLINICAL, PRESCRIBING } from '../intake/intake-roles.ts';
import { addDecisionAddendum, addNoteAddendum, decide, getDecisions, getEligibility, getEvaluationNotes, signEvaluationNote } from './eligibility-service.ts';

const tags = ['eligibility'];

export async function eligibilityRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/patients/:id/eligibility', {
    config: allow(...CLINICAL),
    schema: {
      tags,
      summary: 'The eligibility panel computed by the clinical core (rules 1-8): status blocked | needs-acknowledgement | clear, and every finding with its rule, severity, facts and sources, plus the latest signed decision with its overrides',
      params: PatientIdParams, querystring: EligibilityQuery, response: { 200: Eligibility },
    },
  }, (req) => getEligibility(deps, req.actor(), req.params.id, req.query));

  r.post('/api/patients/:id/eligibility/decisions', {
    config: allow(...PRESCRIBING),
    schema: {
      tags,
      summary: 'Sign an eligibility decision (re-authenticated). "eligible" with an open block needs an override with a reason for each block; warnings need an acknowledgement. 422 names the rule still blocking; 409 when the findings changed since the panel was read.',
      params: PatientIdParams, body: EligibilityDecisionCreate, response: { 201: EligibilityDecision, 409: Problem, 422: Problem },
    },
  }, async (req, reply) => reply.status(201).send(await decide(deps, req.actor(), req.params.id, req.body)));

  r.get('/api/patients/:id/eligibility/decisions', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Every signed eligibility decision with its inputs, overrides, acknowledgements and addenda, newest first', params: PatientIdParams, response: { 200: z.array(EligibilityDecision) } },
  }, (req) => getDecisions(deps, req.actor(), req.params.id));

  r.post('/api/patients/:id/eligibility/decisions/:decisionId/addenda', {
    config: allow(...PRESCRIBING),
    schema: { tags, summary: 'Correct or add to a signed (locked) decision with a signed addendum', params: PatientChildParams('decisionId'), body: AddendumCreate, response: { 201: Addendum } },
  }, async (req, reply) => reply.status(201).send(await addDecisionAddendum(deps, req.actor(), req.params.id, req.params.decisionId, req.body)));

  r.post('/api/patients/:id/evaluation-notes', {
    config: allow(...PRESCRIBING),
    schema: { tags, summary: "Sign the prescriber's evaluation note (re-authenticated; locked once signed)", params: PatientIdParams, body: EvaluationNoteCreate, response: { 201: EvaluationNote } },
  }, async (req, reply) => reply.status(201).send(await signEvaluationNote(deps, req.actor(), req.params.id, req.body)));

  r.get('/api/patients/:id/evaluation-notes', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Signed evaluation notes with their addenda, newest first', params: PatientIdParams, response: { 200: z.array(EvaluationNote) } },
  }, (req) => getEvaluationNotes(deps, req.actor(), req.params.id));

  r.post('/api/patients/:id/evaluation-notes/:noteId/addenda', {
    config: allow(...PRESCRIBING),
    schema: { tags, summary: 'Add a signed addendum to an evaluation note', params: PatientChildParams('noteId'), body: AddendumCreate, response: { 201: Addendum } },
  }, async (req, reply) => reply.status(201).send(await addNoteAddendum(deps, req.actor(), req.params.id, req.params.noteId, req.body)));
}
