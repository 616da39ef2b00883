import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import { AUDIT_EXPORT_MAX_ROWS, AuditEntry, AuditExportQuery, AuditQuery, AuditVerifyResult } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { AUDIT_REVIEW, allow } from '../../security/access.ts';
import { listAuditEntries, type AuditRow } from './audit-repo.ts';
import { recordAudit, verifyAuditChain } from './audit-service.ts';

const toEntry = (row: AuditRow): AuditEntry => ({
  seq: row.seq,
  occurredAt: row.occurredAt.toISOString(),
  userId: row.userId,
  userEmail: row.userEmail,
  action: row.action,
  resourceType: row.resourceType,
  resourceId: row.resourceId,
  patientId: row.patientId,
  outcome: row.outcome as AuditEntry['outcome'],
  clientIp: row.clientIp,
  requestId: row.requestId,
  details: row.details,
  hash: row.hash,
});

export async function auditRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit', {
    config: allow(...AUDIT_REVIEW),
    schema: {
      tags: ['audit'],
      summary: 'Audit trail entries, newest first, filtered by user, patient, action (prefix with *) and time range',
      querystring: AuditQuery,
      response: { 200: z.array(AuditEntry) },
    },
  }, async (request) => {
    const q = request.query;
    const now = deps.now();
    // Reading the trail is itself audited: who looked at whose access history.
    return deps.database.db.transaction(async (tx) => {
      const rows = await listAuditEntries(tx, {
        userId: q.userId,
        patientId: q.patientId,
        action: q.action,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        beforeSeq: q.beforeSeq,
        limit: q.limit,
      });
      await recordAudit(tx, request.actor(), {
        action: 'audit.read',
        resourceType: 'audit',
        patientId: q.patientId ?? null,
        details: { filter: { ...q }, resultCount: rows.length },
      }, now);
      return rows.map(toEntry);
    });
  });

  r.get('/api/audit/export.csv', {
    config: allow(...AUDIT_REVIEW),
    schema: {
      tags: ['audit'],
      summary: `The filtered audit trail as CSV (newest first, at most ${AUDIT_EXPORT_MAX_ROWS} rows); the export is itself audited`,
      querystring: AuditExportQuery,
      produces: ['text/csv'],
    },
  }, async (request, reply) => {
    const q = request.query;
    const now = deps.now();
    const csv = await deps.database.db.transaction(async (tx) => {
      const rows = await listAuditEntries(tx, {
        userId: q.userId,
        patientId: q.patientId,
        action: q.action,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        limit: AUDIT_EXPORT_MAX_ROWS,
      });
      await recordAudit(tx, request.actor(), {
        action: 'audit.export',
        resourceType: 'audit',
        patientId: q.patientId ?? null,
        details: { filter: { ...q }, rowCount: rows.length, format: 'csv' },
      }, now);
      return stringify(rows.map((row) => {
        const e = toEntry(row);
        return [e.seq, e.occurredAt, e.userEmail ?? '', e.userId ?? '', e.action, e.outcome, e.resourceType, e.resourceId ?? '', e.patientId ?? '', e.clientIp ?? '', e.requestId ?? '', JSON.stringify(e.details), e.hash];
      }), {
        header: true,
        columns: ['seq', 'occurred_at_utc', 'user_email', 'user_id', 'action', 'outcome', 'resource_type', 'resource_id', 'patient_id', 'client_ip', 'request_id', 'details', 'hash'],
        // Cells starting with = + - @ would run as formulas in a spreadsheet: quote them.
        cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
      });
    });
    const stamp = now.toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="glia-audit-${stamp}.csv"`)
      .send(csv);
  });

  r.post('/api/audit/verify', {
    config: allow(...AUDIT_REVIEW),
    schema: { tags: ['audit'], summary: 'Recompute the hash chain and report the first broken entry', response: { 200: AuditVerifyResult } },
  }, async (request) => {
    const result = await verifyAuditChain(deps.database.db);
    await deps.database.db.transaction((tx) =>
      recordAudit(tx, request.actor(), { action: 'audit.verify', resourceType: 'audit', outcome: result.ok ? 'success' : 'failure', details: { checked: result.checked, firstBroken: result.firstBroken } }, deps.now()),
    );
    return result;
  });
}
