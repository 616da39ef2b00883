import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Disclosure, PatientIdParams } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { allow } from '../../security/access.ts';
import { recordAudit } from '../audit/audit-service.ts';
import { findPatient } from '../patients/patient-repo.ts';
import { listDisclosures } from './disclosure-service.ts';

export async function disclosureRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  app.withTypeProvider<ZodTypeProvider>().get('/api/patients/:id/disclosures', {
    config: allow('medical-director', 'prescriber', 'nurse', 'front-desk'),
    schema: {
      tags: ['patients'],
      summary: "The patient's accounting of disclosures: every export, print, download and e-mail of their data",
      params: PatientIdParams,
      response: { 200: z.array(Disclosure) },
    },
  }, async (request) => {
    const now = deps.now();
    return deps.database.db.transaction(async (tx) => {
      if (!(await findPatient(tx, request.params.id))) throw notFound('Patient');
      const rows = await listDisclosures(tx, request.params.id);
      await recordAudit(tx, request.actor(), { action: 'disclosure.list', resourceType: 'patient', resourceId: request.params.id, patientId: request.params.id }, now);
      return rows;
    });
  });
}
