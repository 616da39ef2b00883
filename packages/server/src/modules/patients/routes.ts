import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Patient, PatientConflictProblem, PatientCreate, PatientIdParams, PatientSearchQuery, PatientSummary, PatientUpdate } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { allow, PATIENT_READ, PATIENT_WRITE } from '../../security/access.ts';
import { getPatient, registerPatient, searchPatients, updatePatient } from './patient-service.ts';

export async function patientRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/patients', {
    config: allow(...PATIENT_READ),
    schema: {
      tags: ['patients'],
      summary: 'Find patients by name, MRN, phone or date of birth (most recently updated first when q is empty)',
      querystring: PatientSearchQuery,
      response: { 200: z.array(PatientSummary) },
    },
  }, async (request) => searchPatients(deps, request.actor(), request.query));

  r.post('/api/patients', {
    config: allow(...PATIENT_WRITE),
    schema: {
      tags: ['patients'],
      summary: 'Register a patient. A probable duplicate (same name and date of birth) is refused with 409 unless confirmDuplicate is true.',
      body: PatientCreate,
      response: { 201: Patient, 409: PatientConflictProblem },
    },
  }, async (request, reply) => {
    const patient = await registerPatient(deps, request.actor(), request.body);
    return reply.status(201).header('location', `/api/patients/${patient.id}`).send(patient);
  });

  r.get('/api/patients/:id', {
    config: allow(...PATIENT_READ),
    schema: { tags: ['patients'], summary: 'One patient', params: PatientIdParams, response: { 200: Patient } },
  }, async (request) => getPatient(deps, request.actor(), request.params.id));

  r.patch('/api/patients/:id', {
    config: allow(...PATIENT_WRITE),
    schema: {
      tags: ['patients'],
      summary: 'Change a patient. Send the version you read; a stale version is refused with 409.',
      params: PatientIdParams,
      body: PatientUpdate,
      response: { 200: Patient, 409: PatientConflictProblem },
    },
  }, async (request) => updatePatient(deps, request.actor(), request.params.id, request.body));
}
