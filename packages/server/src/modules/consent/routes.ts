import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Addendum, AddendumCreate, Consent, ConsentCreate, ConsentList, ConsentStatusQuery, ConsentTemplate, ConsentTemplateVersionCreate, PatientChildParams,
  PatientIdParams, TemplateKeyParams,
} from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { allow } from '../../security/access.ts';
import { CLINICAL, MEDICAL_DIRECTOR, PRESCRIBING } from '../intake/intake-roles.ts';
import { addConsentAddendum, downloadConsentPdf, getConsents, getTemplates, publishTemplateVersion, signConsent } from './consent-service.ts';

const tags = ['consent'];

export async function consentRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/consent-templates', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Every version of every consent template, newest version first per template (latest: true marks the one to sign)', response: { 200: z.array(ConsentTemplate) } },
  }, () => getTemplates(deps));

  r.post('/api/consent-templates/:key/versions', {
    config: allow(...MEDICAL_DIRECTOR),
    schema: {
      tags,
      summary: 'Publish the next version of a consent template (versions are immutable). materialChange: true makes earlier signatures stop covering patients (re-consent).',
      params: TemplateKeyParams, body: ConsentTemplateVersionCreate, response: { 201: ConsentTemplate },
    },
  }, async (req, reply) => reply.status(201).send(await publishTemplateVersion(deps, req.actor(), req.params.key, req.body)));

  r.get('/api/patients/:id/consents', {
    config: allow(...CLINICAL),
    schema: {
      tags, summary: "The patient's signed consents and whether re-consent is due (material template change; planned dose above the consent, rule 2)",
      params: PatientIdParams, querystring: ConsentStatusQuery, response: { 200: ConsentList },
    },
  }, (req) => getConsents(deps, req.actor(), req.params.id, req.query));

  r.post('/api/patients/:id/consents', {
    config: allow(...PRESCRIBING, 'nurse'),
    schema: {
      tags,
      summary: "Sign a consent on the tablet: the patient's typed name and drawn signature (PNG data URL), a witness and the clinician, both re-authenticated. Stores the PDF of exactly what was signed with its SHA-256.",
      params: PatientIdParams, body: ConsentCreate, response: { 201: Consent },
    },
  }, async (req, reply) => reply.status(201).send(await signConsent(deps, req.actor(), req.params.id, req.body)));

  r.get('/api/patients/:id/consents/:consentId/pdf', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'The signed consent PDF, exactly as stored (recorded as a disclosure)', params: PatientChildParams('consentId'), produces: ['application/pdf'] },
  }, async (req, reply) => {
    const file = await downloadConsentPdf(deps, req.actor(), req.params.id, req.params.consentId);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${file.filename}"`).header('x-content-sha256', file.sha256).send(file.pdf);
  });

  r.post('/api/patients/:id/consents/:consentId/addenda', {
    config: allow(...CLINICAL),
    schema: { tags, summary: 'Add a signed addendum to a signed consent (re-authentication in the request)', params: PatientChildParams('consentId'), body: AddendumCreate, response: { 201: Addendum } },
  }, async (req, reply) => reply.status(201).send(await addConsentAddendum(deps, req.actor(), req.params.id, req.params.consentId, req.body)));
}
