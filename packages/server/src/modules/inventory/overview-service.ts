/**
 * The inventory overview: stock by lot and location, lots expiring soon, the
 * next full inventory (rule 37), open investigations, open DEA deadlines
 * (rule 38) and wastes waiting for a witness (rule 35).
 */
import { inventoryDueFinding, nextInventoryDueOn } from '@glia/clinical';
import type { InventoryOverview } from '@glia/contracts';
import type { AuditActor } from '../audit/audit-service.ts';
import { investigationViews } from './count-service.ts';
import { balancesOf, lastCountPerLocation, lastFullInventory, listLocations, listLots, listPendingWastes, listProducts, usersByIds } from './inventory-repo.ts';
import { toLedgerUser, toLocation, toProduct } from './inventory-views.ts';
import { inLedgerTransaction, type InventoryDeps } from './ledger-context.ts';
import { lossReportViews } from './loss-service.ts';
import { lotViews } from './lot-service.ts';

export async function getOverview(deps: InventoryDeps, actor: AuditActor): Promise<InventoryOverview> {
  return inLedgerTransaction(deps, actor, async (tx, ctx) => {
    const balances = await balancesOf(tx);
    const held = new Set(balances.filter((b) => b.stockCentiMl > 0 || b.drawnCentiMl > 0).map((b) => b.lotId));
    const lots = await lotViews(tx, ctx, (await listLots(tx)).filter((l) => held.has(l.lot.id)), balances);
    const last = await lastFullInventory(tx);
    const locations = await listLocations(tx);
    const lastCounts = await lastCountPerLocation(tx);
    const counters = await usersByIds(tx, lastCounts.map((c) => c.countedBy));
    const lossReports = (await lossReportViews(tx, ctx)).filter((r) => r.open);
    return {
      today: ctx.today,
      lots,
      expiringSoon: lots.filter((l) => l.expiryStatus !== 'in-date' && l.balanceMl > 0),
      inventoryDue: {
        lastInventoryOn: last?.countedOn ?? null,
        lastInventoryKind: (last?.kind as InventoryOverview['inventoryDue']['lastInventoryKind']) ?? null,
        dueOn: last ? nextInventoryDueOn(last.countedOn, ctx.rules.ledger) : null,
        finding: inventoryDueFinding(last?.countedOn ?? null, ctx.today, ctx.rules.ledger),
      },
      openInvestigations: await investigationViews(tx, { open: true }),
      openLossReports: lossReports,
      pendingWasteCount: (await listPendingWastes(tx, { status: 'pending' })).length,
      lastCounts: locations.map((l) => {
        const c = lastCounts.find((x) => x.locationId === l.id);
        return { locationId: l.id, locationName: l.name, countedAt: c?.countedAt.toISOString() ?? null, countedBy: c ? toLedgerUser(counters, c.countedBy) : null };
      }),
      locations: locations.map(toLocation),
      products: (await listProducts(tx)).map(toProduct),
    };
  });
}
