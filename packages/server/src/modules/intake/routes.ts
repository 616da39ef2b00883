import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Allergy, AllergyCreate, History, Icd10Code, Icd10Query, IntakeProfile, IntakeProfileUpdate, IntakeSummary, Medication, MedicationCreate, MedicationUpdate,
  Observation, ObservationCreate, ObservationQuery, PatientChildParams, PatientIdParams, ProblemEntry, ProblemEntryCreate, ProblemEntryUpdate, Referral,
  ReferralCreate, StageChangeCreate, StageCounts, StagedPatient, StageListQuery, SubstanceUse, SubstanceUseCreate, Trial, TrialCreate,
} from '@glia/contracts';
import { ICD10_CODES } from '@glia/clinical';
import type { AppDeps } from '../../deps.ts';
import { allow } from '../../security/access.ts';
import {
  addAllergy, addMedication, addObservation, addProblem, addSubstanceUse, addTrial, getHistory, getObservations, setProblemStatus, stopMedication,
} from './history-service.ts';
import { CLINICAL, INTAKE_DESK } from './intake-roles.ts';
import { changeStage, createReferral, getIntakeSummary, listStagedPatients, stageCounts, updateProfile } from './intake-service.ts';

const tags = ['intake'];

export async function intakeRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/patients/:id/intake', {
    config: allow(...INTAKE_DESK),
    schema: { tags, summary: "The patient's intake stage, its history, referrals and the intake profile", params: PatientIdParams, response: { 200: IntakeSummary } },
  }, (req) => getIntakeSummary(deps, req.actor(), req.params.id));

  r.post('/api/patients/:id/referrals', {
    config: allow(...INTAKE_DESK),
    schema: { tags, summary: 'Record a referral (source, referring clinician, reason, indication). A patient new to the program moves to "referred".', params: PatientIdParams, body: ReferralCreate, response: { 201: Referral } },
  }, async (req, reply) => reply.status(201).send(await createReferral(deps, req.actor(), req.params.id, req.body)));

  r.post('/api/patients/:id/stage', {
    config: allow(...INTAKE_DESK),
    schema: {
      tags,
      summary: 'Move the patient to another intake stage by hand (see allowedStages). Eligibility outcomes come only from a signed decision; "in-treatment" needs an eligible decision and a current consent (rule 2).',
      params: PatientIdParams, body: StageChangeCreate, response: { 200: IntakeSummary },
    },
  }, (req) => changeStage(deps, req.actor(), req.user!.roles, req.params.id, req.body));

  r.put('/api/patients/:id/intake/profile', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Screening flags and psychiatric history (childbearing potential, cardiovascular and liver risk, contraindications). Send the version read; stale → 409.', params: PatientIdParams, body: IntakeProfileUpdate, response: { 200: IntakeProfile } },
  }, (req) => updateProfile(deps, req.actor(), req.params.id, req.body));

  r.get('/api/intake/patients', {
    config: allow(...INTAKE_DESK),
    schema: { tags, summary: 'Patients in the program, optionally at one stage, most recently moved first', querystring: StageListQuery, response: { 200: z.array(StagedPatient) } },
  }, (req) => listStagedPatients(deps, req.actor(), req.query));

  r.get('/api/intake/stage-counts', {
    config: allow(...INTAKE_DESK),
    schema: { tags, summary: 'How many patients are at each intake stage', response: { 200: StageCounts } },
  }, () => stageCounts(deps));

  r.get('/api/icd10', {
    config: allow(...CLINICAL),
    schema: {
      tags, summary: "Search the ICD-10-CM codes a ketamine clinic uses (Glia's curated list). A valid code outside the list may still be entered on the problem list.",
      querystring: Icd10Query, response: { 200: z.array(Icd10Code) },
    },
  }, (req) => searchIcd10(req.query.q ?? '', req.query.limit));

  r.get('/api/patients/:id/history', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Problem list, antidepressant trials (with the failed adequate count of rule 1), medications with rule 8 flags, allergies, substance use, observations, current weight', params: PatientIdParams, response: { 200: History } },
  }, (req) => getHistory(deps, req.actor(), req.params.id));

  r.post('/api/patients/:id/problems', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Add an ICD-10-CM diagnosis to the problem list; invalid codes are refused (400)', params: PatientIdParams, body: ProblemEntryCreate, response: { 201: ProblemEntry } },
  }, async (req, reply) => reply.status(201).send(await addProblem(deps, req.actor(), req.params.id, req.body)));

  r.patch('/api/patients/:id/problems/:problemId', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Resolve or reactivate a problem', params: PatientChildParams('problemId'), body: ProblemEntryUpdate, response: { 200: ProblemEntry } },
  }, (req) => setProblemStatus(deps, req.actor(), req.params.id, req.params.problemId, req.body.status));

  r.post('/api/patients/:id/antidepressant-trials', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Add an antidepressant trial (drug, dose, weeks, adequate, outcome); the response says whether rule 1 counts it', params: PatientIdParams, body: TrialCreate, response: { 201: Trial } },
  }, async (req, reply) => reply.status(201).send(await addTrial(deps, req.actor(), req.params.id, req.body)));

  r.post('/api/patients/:id/medications', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Add a medication; the response carries its rule 8 flags from the clinical core', params: PatientIdParams, body: MedicationCreate, response: { 201: Medication } },
  }, async (req, reply) => reply.status(201).send(await addMedication(deps, req.actor(), req.params.id, req.body)));

  r.patch('/api/patients/:id/medications/:medicationId', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Stop a medication', params: PatientChildParams('medicationId'), body: MedicationUpdate, response: { 200: Medication } },
  }, (req) => stopMedication(deps, req.actor(), req.params.id, req.params.medicationId, req.body));

  r.post('/api/patients/:id/allergies', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Add an allergy', params: PatientIdParams, body: AllergyCreate, response: { 201: Allergy } },
  }, async (req, reply) => reply.status(201).send(await addAllergy(deps, req.actor(), req.params.id, req.body)));

  r.post('/api/patients/:id/substance-use-assessments', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Record a substance-use assessment (rule 5)', params: PatientIdParams, body: SubstanceUseCreate, response: { 201: SubstanceUse } },
  }, async (req, reply) => reply.status(201).send(await addSubstanceUse(deps, req.actor(), req.params.id, req.body)));

  r.post('/api/patients/:id/observations', {
    config: allow(...CLINICAL),
    schema: {
      tags,
      summary: 'Record a dated observation: weight, height, baseline vitals, pregnancy test, ECG or LFT. Impossible values and future dates are refused (400).',
      params: PatientIdParams, body: ObservationCreate, response: { 201: Observation },
    },
  }, async (req, reply) => reply.status(201).send(await addObservation(deps, req.actor(), req.params.id, req.body)));

  r.get('/api/patients/:id/observations', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Observations, newest first, optionally of one kind', params: PatientIdParams, querystring: ObservationQuery, response: { 200: z.array(Observation) } },
  }, (req) => getObservations(deps, req.actor(), req.params.id, req.query.kind));
}

/** Reference data only (no patient), so no audit entry. An exact valid code outside the list is offered too. */
function searchIcd10(q: string, limit: number): Icd10Code[] {
  const needle = q.trim().toLowerCase();
  const words = needle.split(/\s+/).filter(Boolean);
  const hits = ICD10_CODES.filter((c) => {
    if (words.length === 0) return true;
    const code = c.code.toLowerCase();
    const compact = code.replace('.', '');
    const text = `${c.description} ${c.indication}`.toLowerCase();
    return words.every((w) => code.startsWith(w) || compact.startsWith(w.replace('.', '')) || text.includes(w));
  });
  return hits.slice(0, limit).map((c) => ({ code: c.code, description: c.description, indication: c.indication, flags: [...c.flags] }));
}
