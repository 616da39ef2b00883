import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClinicSettings, ClinicSettingsUpdate, type Role } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { recordAudit } from '../audit/audit-service.ts';
import { ADMIN_ONLY, ANY_STAFF, allow } from '../../security/access.ts';
import { getClinic, updateClinic, type ClinicRow } from './clinic-repo.ts';

const toSettings = (c: ClinicRow): ClinicSettings => ({
  name: c.name,
  timeZone: c.timeZone,
  mrnPrefix: c.mrnPrefix,
  phone: c.phone,
  demo: c.demo,
  mfaRequiredRoles: c.mfaRequiredRoles as Role[],
  careTeamRestricted: c.careTeamRestricted,
  updatedAt: c.updatedAt.toISOString(),
});

export async function clinicRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/clinic', {
    config: allow(...ANY_STAFF),
    schema: { tags: ['clinic'], summary: 'Clinic settings, including the time zone times are shown in', response: { 200: ClinicSettings } },
  }, async () => toSettings(await getClinic(deps.database.db)));

  r.patch('/api/clinic', {
    config: allow(...ADMIN_ONLY),
    schema: { tags: ['clinic'], summary: 'Change clinic settings', body: ClinicSettingsUpdate, response: { 200: ClinicSettings } },
  }, async (request) => {
    const now = deps.now();
    return deps.database.db.transaction(async (tx) => {
      const before = await getClinic(tx);
      const body = request.body;
      const row = await updateClinic(tx, { ...body, ...(body.mfaRequiredRoles ? { mfaRequiredRoles: [...new Set(body.mfaRequiredRoles)] } : {}) }, now);
      const securityChanged = body.mfaRequiredRoles !== undefined || body.careTeamRestricted !== undefined;
      await recordAudit(tx, request.actor(), {
        action: securityChanged ? 'clinic.security-change' : 'clinic.update',
        resourceType: 'clinic',
        resourceId: '1',
        details: {
          fields: Object.keys(body),
          ...(securityChanged ? { from: { mfaRequiredRoles: before.mfaRequiredRoles, careTeamRestricted: before.careTeamRestricted }, to: { mfaRequiredRoles: row.mfaRequiredRoles, careTeamRestricted: row.careTeamRestricted } } : {}),
        },
      }, now);
      return toSettings(row);
    });
  });
}
