import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ClinicRuleConfigResponse, ClinicRuleConfigUpdate } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { allow } from '../../security/access.ts';
import { recordAudit } from '../audit/audit-service.ts';
import { getClinicRuleOverrides, saveClinicRuleOverrides } from './clinic-rule-config.ts';
import { resolveClinicRuleConfig } from '@glia/clinical';

export async function clinicRuleRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/clinic/rule-config', {
    config: allow('admin', 'medical-director', 'prescriber', 'nurse'),
    schema: { tags: ['clinic'], summary: "The clinic's clinical-rule thresholds: its overrides and the resolved configuration in force", response: { 200: ClinicRuleConfigResponse } },
  }, async () => {
    const stored = await getClinicRuleOverrides(deps.database.db);
    return {
      overrides: stored.overrides as Record<string, unknown>,
      resolved: resolveClinicRuleConfig(stored.overrides) as unknown as Record<string, unknown>,
      updatedAt: stored.updatedAt?.toISOString() ?? null,
      updatedBy: stored.updatedBy,
    };
  });

  r.put('/api/clinic/rule-config', {
    config: allow('medical-director'),
    schema: {
      tags: ['clinic'],
      summary: 'Replace the clinic\'s overrides of the clinical-rule defaults (medical director sign-off). Unknown keys or out-of-range values are refused with 400.',
      body: ClinicRuleConfigUpdate,
      response: { 200: ClinicRuleConfigResponse },
    },
  }, async (request) => {
    const now = deps.now();
    const actor = request.actor();
    return deps.database.db.transaction(async (tx) => {
      const resolved = await saveClinicRuleOverrides(tx, request.body.overrides, actor.userId, now);
      await recordAudit(tx, actor, { action: 'clinic.rule-config.update', resourceType: 'clinic-rule-config', resourceId: '1', details: { keys: Object.keys(request.body.overrides) } }, now);
      return { overrides: request.body.overrides, resolved: resolved as unknown as Record<string, unknown>, updatedAt: now.toISOString(), updatedBy: actor.userId };
    });
  });
}
