/**
 * Theft and significant loss (clinical.md §15 rule 38): the two DEA deadlines of
 * each report stay visible until the medical director records them done.
 */
import type { LossDeadline, LossReport, MilestoneCreate } from '@glia/contracts';
import type { DbOrTx } from '../../db/client.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { daysBetween } from './clinic-calendar.ts';
import { insertMilestone, listLossReports, listLots, lossEntriesOf, milestonesOf, usersByIds } from './inventory-repo.ts';
import { toLedgerUser } from './inventory-views.ts';
import { inLedgerTransaction, type InventoryDeps, type LedgerContext } from './ledger-context.ts';
import { centiMgOf, fromCenti } from './quantities.ts';

/** Loss reports as the API shows them, with each deadline's status today. */
export async function lossReportViews(tx: DbOrTx, ctx: Pick<LedgerContext, 'today'>, ids?: readonly string[]): Promise<LossReport[]> {
  const reports = await listLossReports(tx, ids ? { ids } : {});
  const reportIds = reports.map((r) => r.id);
  const milestones = await milestonesOf(tx, reportIds);
  const entries = await lossEntriesOf(tx, reportIds);
  const lots = new Map((await listLots(tx, { lotIds: [...new Set(entries.map((e) => e.lotId))] })).map((l) => [l.lot.id, l]));
  const users = await usersByIds(tx, [...reports.map((r) => r.reportedBy), ...milestones.map((m) => m.recordedBy)]);
  return reports.map((r) => {
    const deadline = (milestone: LossDeadline['milestone'], dueOn: string): LossDeadline => {
      const done = milestones.find((m) => m.lossReportId === r.id && m.milestone === milestone);
      const daysLeft = daysBetween(ctx.today, dueOn);
      return {
        milestone,
        dueOn,
        status: done ? 'done' : daysLeft < 0 ? 'overdue' : 'due',
        daysLeft,
        completedOn: done?.completedOn ?? null,
        reference: done?.reference ?? null,
        recordedBy: done ? toLedgerUser(users, done.recordedBy) : null,
      };
    };
    const deadlines = [deadline('written-notice', r.writtenNoticeDueOn), deadline('form-106', r.form106DueOn)];
    const byLot = new Map<string, number>();
    for (const e of entries.filter((x) => x.lossReportId === r.id)) byLot.set(e.lotId, (byLot.get(e.lotId) ?? 0) + e.quantityCentiMl);
    return {
      id: r.id,
      kind: r.kind as LossReport['kind'],
      discoveredAt: r.discoveredAt.toISOString(),
      discoveredOn: r.discoveredOn,
      description: r.description,
      reportedBy: toLedgerUser(users, r.reportedBy),
      investigationId: r.investigationId,
      lots: [...byLot].map(([lotId, centi]) => {
        const l = lots.get(lotId)!;
        return { lotId, lotNumber: l.lot.lotNumber, productName: l.product.name, quantityMl: fromCenti(centi), quantityMg: fromCenti(centiMgOf(centi, l.product.concentrationMgPerMl)) };
      }),
      deadlines,
      open: deadlines.some((d) => d.status !== 'done'),
    };
  });
}

export async function getLossReports(deps: InventoryDeps, actor: AuditActor): Promise<LossReport[]> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const reports = await lossReportViews(tx, ctx);
    return reports.sort((a, b) => Number(b.open) - Number(a.open) || b.discoveredAt.localeCompare(a.discoveredAt));
  });
}

/** Records that the written notice was sent or Form 106 filed, which stops that deadline. */
export async function recordMilestone(deps: InventoryDeps, actor: AuditActor, reportId: string, input: MilestoneCreate): Promise<LossReport> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const [report] = await listLossReports(tx, { ids: [reportId] });
    if (!report) throw notFound('Loss report');
    if (input.completedOn > ctx.today) throw invalidField('completedOn', 'must not be in the future');
    if (input.completedOn < report.discoveredOn) throw invalidField('completedOn', `must not be before the discovery on ${report.discoveredOn}`);
    const existing = (await milestonesOf(tx, [reportId])).find((m) => m.milestone === input.milestone);
    if (existing) throw conflict(`This step was already recorded as done on ${existing.completedOn}.`);
    await insertMilestone(tx, { lossReportId: reportId, milestone: input.milestone, completedOn: input.completedOn, reference: input.reference ?? null, recordedBy: ctx.actor.userId, recordedAt: ctx.now });
    await recordAudit(tx, actor, { action: 'inventory.loss-report.milestone', resourceType: 'loss-report', resourceId: reportId, details: { milestone: input.milestone, completedOn: input.completedOn } }, ctx.now);
    return (await lossReportViews(tx, ctx, [reportId]))[0]!;
  });
}
