/**
 * Counts (clinical.md §15 rule 37): shift and daily counts of a location, and
 * the initial and biennial inventories of every location, each signed by the
 * counter. Counts are blind (the sheet shows no expected quantities); a
 * difference beyond the tolerance opens an investigation that the medical
 * director resolves: a count error, a correction of the ledger, or a theft or
 * significant loss (which starts the rule 38 deadlines).
 */
import { countDiscrepancies, type Finding, type LotBalance } from '@glia/clinical';
import type { CountCreate, CountSheet, InventoryCount, Investigation, InvestigationResolve } from '@glia/contracts';
import type { DbOrTx } from '../../db/client.ts';
import { badRequest, conflict, invalidField, notFound } from '../../errors.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { reauthenticate } from '../signing/reauthenticate.ts';
import {
  balancesOf,
  findLocation,
  initialInventory,
  insertCount,
  insertCountLines,
  insertEntry,
  insertInvestigation,
  insertResolution,
  linesOfCounts,
  listCounts,
  listInvestigations,
  listLocations,
  listLots,
  lockBalances,
  usersByIds,
  type CountRow,
} from './inventory-repo.ts';
import { toLedgerUser } from './inventory-views.ts';
import { inLedgerTransaction, type InventoryDeps, type LedgerContext } from './ledger-context.ts';
import { openLossReport } from './ledger-service.ts';
import { centiMgOf, fromCenti, toCenti } from './quantities.ts';

const lineKey = (lotId: string, locationId: string): string => `${lotId}@${locationId}`;

export async function getCountSheet(deps: InventoryDeps, locationId: string | undefined): Promise<CountSheet> {
  const { db } = deps.database;
  if (locationId && !(await findLocation(db, locationId))) throw notFound('Storage location');
  const balances = (await balancesOf(db, { locationId })).filter((b) => b.stockCentiMl > 0);
  const lots = new Map((await listLots(db, { lotIds: [...new Set(balances.map((b) => b.lotId))] })).map((l) => [l.lot.id, l]));
  return {
    locationId: locationId ?? null,
    lines: balances
      .map((b) => {
        const { lot, product } = lots.get(b.lotId)!;
        return {
          lotId: lot.id,
          lotNumber: lot.lotNumber,
          productName: product.name,
          concentrationMgPerMl: product.concentrationMgPerMl,
          vialVolumeMl: fromCenti(product.vialVolumeCentiMl),
          expiresOn: lot.expiresOn,
          locationId: b.locationId,
          locationName: b.locationName,
        };
      })
      .sort((a, b) => a.locationName.localeCompare(b.locationName) || a.productName.localeCompare(b.productName) || a.expiresOn.localeCompare(b.expiresOn)),
  };
}

/** Counts with their lines, findings and investigation state. */
export async function countViews(tx: DbOrTx, counts: readonly CountRow[]): Promise<InventoryCount[]> {
  const ids = counts.map((c) => c.id);
  const lines = await linesOfCounts(tx, ids);
  const locations = new Map((await listLocations(tx)).map((l) => [l.id, l.name]));
  const lots = new Map((await listLots(tx, { lotIds: [...new Set(lines.map((l) => l.lotId))] })).map((l) => [l.lot.id, l]));
  const investigations = await listInvestigations(tx, { countIds: ids });
  const users = await usersByIds(tx, counts.map((c) => c.countedBy));
  return counts.map((c) => {
    const inv = investigations.find((i) => i.investigation.countId === c.id);
    return {
      id: c.id,
      kind: c.kind as InventoryCount['kind'],
      locationId: c.locationId,
      locationName: c.locationId ? (locations.get(c.locationId) ?? null) : null,
      countedAt: c.countedAt.toISOString(),
      countedOn: c.countedOn,
      countedBy: toLedgerUser(users, c.countedBy),
      notes: c.notes,
      lines: lines
        .filter((l) => l.countId === c.id)
        .map((l) => {
          const lot = lots.get(l.lotId)!;
          return {
            lotId: l.lotId,
            lotNumber: lot.lot.lotNumber,
            productName: lot.product.name,
            locationId: l.locationId,
            locationName: locations.get(l.locationId) ?? '',
            expectedMl: fromCenti(l.expectedCentiMl),
            countedMl: fromCenti(l.countedCentiMl),
            differenceMl: fromCenti(l.countedCentiMl - l.expectedCentiMl),
          };
        })
        .sort((a, b) => a.locationName.localeCompare(b.locationName) || a.lotNumber.localeCompare(b.lotNumber)),
      findings: (inv?.investigation.findings ?? []) as Finding[],
      investigationId: inv?.investigation.id ?? null,
      investigationStatus: inv ? (inv.resolution ? 'resolved' : 'open') : null,
    };
  });
}

/**
 * Records a signed count. The expected quantity of each lot is the ledger's
 * stock at that location at the moment of signing; every lot the ledger holds
 * there must be counted. Rule 37: countDiscrepancies flags each difference
 * beyond the tolerance, and any flag opens an investigation.
 */
export async function submitCount(deps: InventoryDeps, actor: AuditActor, input: CountCreate): Promise<InventoryCount> {
  await reauthenticate(deps, actor, actor.userId!, input.signature, `inventory.count.${input.kind}`);
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const locationId = input.kind === 'initial' || input.kind === 'biennial' ? null : input.locationId!;
    if (input.locationId && !(await findLocation(tx, input.locationId))) throw invalidField('locationId', 'is not a known storage location');
    if (input.kind === 'initial') {
      const initial = await initialInventory(tx);
      if (initial) throw conflict(`The initial inventory was taken on ${initial.countedOn}; take a biennial inventory instead.`);
    }
    const balances = await balancesOf(tx, locationId ? { locationId } : {});
    const expected = new Map(balances.map((b) => [lineKey(b.lotId, b.locationId), b]));
    const seen = new Set<string>();
    for (const [i, line] of input.lines.entries()) {
      const key = lineKey(line.lotId, line.locationId);
      if (seen.has(key)) throw invalidField(`lines.${i}`, 'counts the same lot at the same location twice');
      if (locationId && line.locationId !== locationId) throw invalidField(`lines.${i}.locationId`, 'must be the location being counted');
      seen.add(key);
    }
    const lotRows = new Map((await listLots(tx, { lotIds: [...new Set([...input.lines.map((l) => l.lotId), ...balances.map((b) => b.lotId)])] })).map((l) => [l.lot.id, l]));
    for (const [i, line] of input.lines.entries()) if (!lotRows.has(line.lotId)) throw invalidField(`lines.${i}.lotId`, 'is not a known lot');
    const missing = balances.filter((b) => b.stockCentiMl > 0 && !seen.has(lineKey(b.lotId, b.locationId)));
    if (missing.length > 0) {
      throw badRequest('Every lot the ledger holds at the counted location(s) must be counted (enter 0 if none is found).', missing.map((b) => ({
        field: 'lines',
        reason: `must include lot ${lotRows.get(b.lotId)!.lot.lotNumber} at ${b.locationName}`,
      })));
    }

    // countDiscrepancies keys lots by a label; one per lot and location, readable in its messages.
    const locations = new Map((await listLocations(tx)).map((l) => [l.id, l.name]));
    const labelOf = (lotId: string, locId: string): string => `${lotRows.get(lotId)!.lot.lotNumber} at ${locations.get(locId) ?? 'unknown location'}`;
    const expectedBalances: LotBalance[] = balances.map((b) => ({ lotId: labelOf(b.lotId, b.locationId), stockMl: fromCenti(b.stockCentiMl), drawnUnaccountedMl: fromCenti(b.drawnCentiMl) }));
    const findings = countDiscrepancies(expectedBalances, input.lines.map((l) => ({ lotId: labelOf(l.lotId, l.locationId), countedMl: l.countedMl })), ctx.rules.ledger);

    const count = await insertCount(tx, {
      kind: input.kind,
      locationId,
      countedAt: ctx.now,
      countedOn: ctx.today,
      countedBy: ctx.actor.userId,
      signedAt: ctx.now,
      notes: input.notes ?? null,
    });
    await insertCountLines(tx, input.lines.map((l) => ({
      countId: count.id,
      lotId: l.lotId,
      locationId: l.locationId,
      expectedCentiMl: expected.get(lineKey(l.lotId, l.locationId))?.stockCentiMl ?? 0,
      countedCentiMl: toCenti(l.countedMl),
    })));
    let investigationId: string | null = null;
    if (findings.length > 0) {
      investigationId = (await insertInvestigation(tx, { countId: count.id, openedAt: ctx.now, findings })).id;
    }
    await recordAudit(tx, actor, {
      action: `inventory.count.${input.kind}`,
      resourceType: 'inventory-count',
      resourceId: count.id,
      details: { locationId, lines: input.lines.length, discrepancies: findings.length, investigationId },
    }, ctx.now);
    return (await countViews(tx, [count]))[0]!;
  });
}

export async function getCounts(deps: InventoryDeps, limit = 100): Promise<InventoryCount[]> {
  const { db } = deps.database;
  return countViews(db, await listCounts(db, { limit }));
}

export async function getCount(deps: InventoryDeps, id: string): Promise<InventoryCount> {
  const { db } = deps.database;
  const [count] = await listCounts(db, { ids: [id] });
  if (!count) throw notFound('Count');
  return (await countViews(db, [count]))[0]!;
}

export async function investigationViews(tx: DbOrTx, filter: { ids?: readonly string[]; open?: boolean }): Promise<Investigation[]> {
  const rows = await listInvestigations(tx, filter);
  const counts = await countViews(tx, await listCounts(tx, { ids: rows.map((r) => r.investigation.countId) }));
  const users = await usersByIds(tx, rows.flatMap((r) => (r.resolution ? [r.resolution.resolvedBy] : [])));
  return rows.map(({ investigation: i, resolution: r }) => {
    const count = counts.find((c) => c.id === i.countId)!;
    return {
      id: i.id,
      countId: i.countId,
      openedAt: i.openedAt.toISOString(),
      findings: i.findings as Finding[],
      status: r ? 'resolved' : 'open',
      resolution: r
        ? { outcome: r.outcome as NonNullable<Investigation['resolution']>['outcome'], explanation: r.explanation, resolvedBy: toLedgerUser(users, r.resolvedBy), resolvedAt: r.resolvedAt.toISOString(), lossReportId: r.lossReportId }
        : null,
      count: { kind: count.kind, locationName: count.locationName, countedAt: count.countedAt, countedBy: count.countedBy },
      lines: count.lines,
    };
  });
}

export async function getInvestigations(deps: InventoryDeps, open: boolean | undefined): Promise<Investigation[]> {
  return investigationViews(deps.database.db, open === undefined ? {} : { open });
}

/**
 * The medical director resolves an investigation, signing with their password.
 * adjust-ledger: an adjustment entry per differing line brings the ledger to the
 * count. theft / significant-loss: each shortage becomes a loss entry under a new
 * rule 38 report (discovered when the count was signed); overages are adjusted.
 */
export async function resolveInvestigation(deps: InventoryDeps, actor: AuditActor, investigationId: string, input: InvestigationResolve): Promise<Investigation> {
  await reauthenticate(deps, actor, actor.userId!, input.signature, 'inventory.investigation.resolve');
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const [row] = await listInvestigations(tx, { ids: [investigationId] });
    if (!row) throw notFound('Investigation');
    if (row.resolution) throw conflict('This investigation is already resolved.');
    const [count] = await listCounts(tx, { ids: [row.investigation.countId] });
    const lines = (await linesOfCounts(tx, [count!.id])).filter((l) => l.countedCentiMl !== l.expectedCentiMl);
    let lossReportId: string | null = null;
    if (input.outcome === 'theft' || input.outcome === 'significant-loss') {
      if (!lines.some((l) => l.countedCentiMl < l.expectedCentiMl)) throw invalidField('outcome', 'is a loss, but the count found no shortage');
      lossReportId = await openLossReport(tx, ctx, { kind: input.outcome, discoveredAt: count!.countedAt, description: input.explanation, investigationId });
    }
    if (input.outcome !== 'count-error') await applyCountLines(tx, ctx, lines, { investigationId, lossReportId, reason: input.explanation });
    await insertResolution(tx, { investigationId, outcome: input.outcome, explanation: input.explanation, resolvedBy: ctx.actor.userId, resolvedAt: ctx.now, lossReportId });
    await recordAudit(tx, actor, { action: 'inventory.investigation.resolve', resourceType: 'discrepancy-investigation', resourceId: investigationId, details: { outcome: input.outcome, lossReportId } }, ctx.now);
    return (await investigationViews(tx, { ids: [investigationId] }))[0]!;
  });
}

async function applyCountLines(
  tx: DbOrTx,
  ctx: LedgerContext,
  lines: Awaited<ReturnType<typeof linesOfCounts>>,
  ref: { investigationId: string; lossReportId: string | null; reason: string },
): Promise<void> {
  const lots = new Map((await listLots(tx, { lotIds: [...new Set(lines.map((l) => l.lotId))] })).map((l) => [l.lot.id, l]));
  for (const line of lines) {
    const conc = lots.get(line.lotId)!.product.concentrationMgPerMl;
    const difference = line.countedCentiMl - line.expectedCentiMl;
    const asLoss = ref.lossReportId !== null && difference < 0;
    const quantity = asLoss ? -difference : difference;
    await lockBalances(tx, line.lotId, [line.locationId]);
    await insertEntry(tx, {
      lotId: line.lotId,
      locationId: line.locationId,
      kind: asLoss ? 'loss' : 'adjustment',
      quantityCentiMl: quantity,
      quantityCentiMg: centiMgOf(quantity, conc),
      occurredAt: ctx.now,
      recordedAt: ctx.now,
      userId: ctx.actor.userId,
      investigationId: ref.investigationId,
      lossReportId: asLoss ? ref.lossReportId : null,
      reason: ref.reason,
      details: { countLineId: line.id },
    });
  }
}
