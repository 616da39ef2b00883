import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClinicianOption, StaffUser, StaffUserCreate, StaffUserUpdate, Uuid } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { ADMIN_ONLY, PATIENT_READ, allow } from '../../security/access.ts';
import { createStaff, listClinicians, listStaff, updateStaff } from './user-service.ts';
import { resetMfa } from '../auth/mfa-service.ts';

export async function userRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/users', {
    config: allow(...ADMIN_ONLY),
    schema: { tags: ['users'], summary: 'Staff accounts', response: { 200: z.array(StaffUser) } },
  }, async () => listStaff(deps));

  r.post('/api/users', {
    config: allow(...ADMIN_ONLY),
    schema: { tags: ['users'], summary: 'Create a staff account', body: StaffUserCreate, response: { 201: StaffUser } },
  }, async (request, reply) => reply.status(201).send(await createStaff(deps, request.actor(), request.body)));

  r.patch('/api/users/:id', {
    config: allow(...ADMIN_ONLY),
    schema: {
      tags: ['users'],
      summary: 'Change a staff account; a role change or deactivation ends their sessions',
      params: z.strictObject({ id: Uuid }),
      body: StaffUserUpdate,
      response: { 200: StaffUser },
    },
  }, async (request) => updateStaff(deps, request.actor(), request.params.id, request.body));

  r.post('/api/users/:id/mfa-reset', {
    config: allow(...ADMIN_ONLY),
    schema: {
      tags: ['users'],
      summary: 'Reset a user\'s two-step sign-in (lost phone): their sessions end and they enrol again at next sign-in',
      params: z.strictObject({ id: Uuid }),
      response: { 204: z.null() },
    },
  }, async (request, reply) => {
    await resetMfa(deps, request.actor(), request.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/clinicians', {
    config: allow(...PATIENT_READ),
    schema: { tags: ['users'], summary: 'Active clinicians (prescribers, medical directors, nurses) for pickers', response: { 200: z.array(ClinicianOption) } },
  }, async () => listClinicians(deps));
}
