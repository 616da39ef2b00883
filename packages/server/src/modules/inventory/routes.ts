/**
 * The controlled-substance ledger API (/api/inventory). Handlers are thin: the
 * services open the transactions, call the clinical core and audit.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdministrationCreate,
  AdministrationRecord,
  CountCreate,
  CountParams,
  CountSheet,
  CountSheetQuery,
  DrawCreate,
  DrawCreated,
  DrugProduct,
  DrugProductCreate,
  InventoryCount,
  InventoryOverview,
  InventoryReport,
  Investigation,
  InvestigationResolve,
  LedgerEntry,
  LossCreate,
  LossCreated,
  LossReport,
  LossReportParams,
  Lot,
  LotDetail,
  LotDrawParams,
  LotEntryParams,
  LotIdParams,
  LotListQuery,
  LotReceive,
  LotVerify,
  MilestoneCreate,
  OverdrawProblem,
  PendingWaste,
  PendingWasteParams,
  Problem,
  ReportExportQuery,
  ReportParams,
  ReportQuery,
  ReturnCreate,
  ReversalCreate,
  ReversalResult,
  StorageLocation,
  StorageLocationCreate,
  TransferCreate,
  WasteCreate,
  WasteRecorded,
  WitnessSign,
} from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { allow } from '../../security/access.ts';
import { getCount, getCounts, getCountSheet, getInvestigations, resolveInvestigation, submitCount } from './count-service.ts';
import { INVENTORY_OVERSIGHT, INVENTORY_STAFF } from './inventory-access.ts';
import {
  cancelPendingWaste,
  closeAdministrationRecord,
  drawForSession,
  getAdministrationRecord,
  listOpenPendingWastes,
  recordAdministration,
  recordLoss,
  recordWaste,
  returnStock,
  reverseEntry,
  transferStock,
  witnessPendingWaste,
} from './ledger-service.ts';
import { getLossReports, recordMilestone } from './loss-service.ts';
import { createLocation, createProduct, getLocations, getLotDetail, getLots, getProducts, receiveLot, verifyLot } from './lot-service.ts';
import { getOverview } from './overview-service.ts';
import { renderCsv, renderPdf, reportFileName } from './report-render.ts';
import { exportReport, getReport } from './report-service.ts';

const tags = ['inventory'];

export async function inventoryRoutes(app: FastifyInstance, opts: { deps: AppDeps }): Promise<void> {
  const { deps } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = allow(...INVENTORY_STAFF);
  const oversight = allow(...INVENTORY_OVERSIGHT);

  r.get('/api/inventory/overview', {
    config: staff,
    schema: { tags, summary: 'Stock by lot and location, expiring lots, next full inventory (rule 37), open investigations and DEA deadlines (rule 38), wastes waiting for a witness', response: { 200: InventoryOverview } },
  }, async (request) => getOverview(deps, request.actor()));

  // ── Set-up ──
  r.get('/api/inventory/products', { config: staff, schema: { tags, summary: 'Drug products (NDC, mg/mL, vial size, schedule)', response: { 200: z.array(DrugProduct) } } }, async () => getProducts(deps));
  r.post('/api/inventory/products', {
    config: oversight,
    schema: { tags, summary: 'Add a drug product. Products are never changed once added (records refer to them).', body: DrugProductCreate, response: { 201: DrugProduct, 409: Problem } },
  }, async (request, reply) => reply.status(201).send(await createProduct(deps, request.actor(), request.body)));
  r.get('/api/inventory/locations', { config: staff, schema: { tags, summary: 'Storage locations (safes and locked cabinets)', response: { 200: z.array(StorageLocation) } } }, async () => getLocations(deps));
  r.post('/api/inventory/locations', {
    config: oversight,
    schema: { tags, summary: 'Add a storage location', body: StorageLocationCreate, response: { 201: StorageLocation, 409: Problem } },
  }, async (request, reply) => reply.status(201).send(await createLocation(deps, request.actor(), request.body)));

  // ── Lots ──
  r.get('/api/inventory/lots', {
    config: staff,
    schema: { tags, summary: 'Lots with their balance in mg and mL (all locations and per location), expiry status and the first-expiry-first-out suggestion', querystring: LotListQuery, response: { 200: z.array(Lot) } },
  }, async (request) => getLots(deps, request.actor(), request.query));

  r.post('/api/inventory/lots', {
    config: staff,
    schema: {
      tags,
      summary: 'Receive a lot (invoice or packing slip). A second clinical user verifies the shipment: with e-mail and password in this request (`verifier`), or later on their own device (POST …/verification).',
      body: LotReceive,
      response: { 201: Lot, 403: Problem, 409: Problem },
    },
  }, async (request, reply) => {
    const lot = await receiveLot(deps, request.actor(), request.body);
    return reply.status(201).header('location', `/api/inventory/lots/${lot.id}`).send(lot);
  });

  r.post('/api/inventory/lots/:id/verification', {
    config: staff,
    schema: {
      tags,
      summary: 'Verify a receipt someone else recorded: the signed-in clinical user checked the vials against the invoice and signs with their password',
      params: LotIdParams,
      body: LotVerify,
      response: { 201: Lot, 400: Problem, 403: Problem, 409: Problem },
    },
  }, async (request, reply) => reply.status(201).send(await verifyLot(deps, request.actor(), request.params.id, request.body)));

  r.get('/api/inventory/lots/:id', {
    config: staff,
    schema: { tags, summary: "A lot: its balance in mg and mL and every ledger entry, with a book check of the balances against the entries", params: LotIdParams, response: { 200: LotDetail } },
  }, async (request) => getLotDetail(deps, request.actor(), request.params.id));

  r.post('/api/inventory/lots/:id/draws', {
    config: staff,
    schema: {
      tags,
      summary: 'Draw a dose (mg or mL) for a session. 409 when the stock cannot cover it (the database serializes concurrent draws); 422 for an expired lot (rule 39).',
      params: LotIdParams,
      body: DrawCreate,
      response: { 201: DrawCreated, 409: OverdrawProblem, 422: Problem },
    },
  }, async (request, reply) => reply.status(201).send(await drawForSession(deps, request.actor(), { ...request.body, lotId: request.params.id })));

  r.get('/api/inventory/lots/:id/draws/:drawId', {
    config: staff,
    schema: { tags, summary: 'The administration record of a draw (rule 34): patient, drawn, given, wasted, clinicians, witness, status', params: LotDrawParams, response: { 200: AdministrationRecord } },
  }, async (request) => getAdministrationRecord(deps, request.actor(), request.params.id, request.params.drawId));

  r.post('/api/inventory/lots/:id/draws/:drawId/administrations', {
    config: staff,
    schema: { tags, summary: 'Record what was given to the patient from a draw (rule 34)', params: LotDrawParams, body: AdministrationCreate, response: { 201: AdministrationRecord, 409: Problem, 422: Problem } },
  }, async (request, reply) => reply.status(201).send(await recordAdministration(deps, request.actor(), { ...request.body, lotId: request.params.id, drawId: request.params.drawId })));

  r.post('/api/inventory/lots/:id/draws/:drawId/wastes', {
    config: staff,
    schema: {
      tags,
      summary: 'Waste what is left of a draw. With `witness` (a second licensed user typing e-mail and password on this device) it is recorded at once (201); without, it waits for a witness on a second device (202). Rule 35.',
      params: LotDrawParams,
      body: WasteCreate,
      response: { 201: WasteRecorded, 202: WasteRecorded, 403: Problem, 422: Problem },
    },
  }, async (request, reply) => {
    const result = await recordWaste(deps, request.actor(), { ...request.body, lotId: request.params.id, drawId: request.params.drawId });
    return reply.status(result.entry ? 201 : 202).send(result);
  });

  r.post('/api/inventory/lots/:id/draws/:drawId/close', {
    config: staff,
    schema: { tags, summary: 'Close the administration record: refused (422, rule 34) unless drawn = given + wasted', params: LotDrawParams, response: { 200: AdministrationRecord, 409: Problem, 422: Problem } },
  }, async (request) => closeAdministrationRecord(deps, request.actor(), request.params.id, request.params.drawId));

  r.post('/api/inventory/lots/:id/transfers', {
    config: staff,
    schema: { tags, summary: 'Move stock of a lot between locations', params: LotIdParams, body: TransferCreate, response: { 201: z.array(LedgerEntry), 409: Problem } },
  }, async (request, reply) => reply.status(201).send(await transferStock(deps, request.actor(), request.params.id, request.body)));

  r.post('/api/inventory/lots/:id/returns', {
    config: staff,
    schema: {
      tags,
      summary: 'Return stock to a reverse distributor or supplier, or record its destruction on DEA Form 41. Expired, unwanted or recalled stock never leaves through the waste log (rule 39).',
      params: LotIdParams,
      body: ReturnCreate,
      response: { 201: LedgerEntry, 409: Problem, 422: Problem },
    },
  }, async (request, reply) => reply.status(201).send(await returnStock(deps, request.actor(), request.params.id, request.body)));

  r.post('/api/inventory/lots/:id/losses', {
    config: staff,
    schema: {
      tags,
      summary: 'Record a loss. A theft or significant loss starts the DEA deadlines (rule 38); a breakage needs a witness.',
      params: LotIdParams,
      body: LossCreate,
      response: { 201: LossCreated, 403: Problem, 409: Problem },
    },
  }, async (request, reply) => reply.status(201).send(await recordLoss(deps, request.actor(), request.params.id, request.body)));

  r.post('/api/inventory/lots/:id/entries/:entryId/reversals', {
    config: staff,
    schema: {
      tags,
      summary: 'Correct a mistake with a reversing entry and a reason (nothing is ever changed or deleted). A transfer is reversed as a whole.',
      params: LotEntryParams,
      body: ReversalCreate,
      response: { 201: ReversalResult, 409: Problem, 422: Problem },
    },
  }, async (request, reply) => reply.status(201).send({ entries: await reverseEntry(deps, request.actor(), request.params.id, request.params.entryId, request.body) }));

  // ── Witnessing on a second device (rule 35) ──
  r.get('/api/inventory/pending-wastes', {
    config: staff,
    schema: { tags, summary: 'Wastes waiting for a witness', response: { 200: z.array(PendingWaste) } },
  }, async (request) => listOpenPendingWastes(deps, request.actor()));

  r.post('/api/inventory/pending-wastes/:id/witness', {
    config: staff,
    schema: {
      tags,
      summary: 'Witness a pending waste: the signed-in user (licensed, not the one who wasted, within the shift) signs with their password. Rule 35.',
      params: PendingWasteParams,
      body: WitnessSign,
      response: { 201: LedgerEntry, 403: Problem, 409: Problem, 422: Problem },
    },
  }, async (request, reply) => reply.status(201).send(await witnessPendingWaste(deps, request.actor(), request.params.id, request.body)));

  r.post('/api/inventory/pending-wastes/:id/cancel', {
    config: staff,
    schema: { tags, summary: 'Withdraw a pending waste (the person who recorded it or the medical director)', params: PendingWasteParams, response: { 204: z.null(), 409: Problem } },
  }, async (request, reply) => {
    await cancelPendingWaste(deps, { ...request.actor(), roles: request.user?.roles ?? [] }, request.params.id);
    return reply.status(204).send(null);
  });

  // ── Counts and investigations (rule 37) ──
  r.get('/api/inventory/count-sheet', {
    config: staff,
    schema: { tags, summary: 'What to count at a location (or everywhere, for a full inventory). Blind: no expected quantities.', querystring: CountSheetQuery, response: { 200: CountSheet } },
  }, async (request) => getCountSheet(deps, request.query.locationId));

  r.get('/api/inventory/counts', { config: staff, schema: { tags, summary: 'Counts, newest first', response: { 200: z.array(InventoryCount) } } }, async () => getCounts(deps));

  r.post('/api/inventory/counts', {
    config: staff,
    schema: {
      tags,
      summary: 'Record a signed count (shift, daily, initial or biennial inventory). A difference beyond the tolerance opens an investigation (rule 37).',
      body: CountCreate,
      response: { 201: InventoryCount, 403: Problem, 409: Problem },
    },
  }, async (request, reply) => reply.status(201).send(await submitCount(deps, request.actor(), request.body)));

  r.get('/api/inventory/counts/:id', { config: staff, schema: { tags, summary: 'One count', params: CountParams, response: { 200: InventoryCount } } }, async (request) => getCount(deps, request.params.id));

  r.get('/api/inventory/investigations', {
    config: staff,
    schema: { tags, summary: 'Count discrepancy investigations', querystring: z.strictObject({ open: z.enum(['true', 'false']).optional() }), response: { 200: z.array(Investigation) } },
  }, async (request) => getInvestigations(deps, request.query.open === undefined ? undefined : request.query.open === 'true'));

  r.post('/api/inventory/investigations/:id/resolution', {
    config: oversight,
    schema: {
      tags,
      summary: 'The medical director resolves an investigation, signing with their password: count error, ledger adjustment, or theft / significant loss (rule 38 deadlines)',
      params: CountParams,
      body: InvestigationResolve,
      response: { 201: Investigation, 403: Problem, 409: Problem },
    },
  }, async (request, reply) => reply.status(201).send(await resolveInvestigation(deps, request.actor(), request.params.id, request.body)));

  // ── Loss reports (rule 38) ──
  r.get('/api/inventory/loss-reports', {
    config: staff,
    schema: { tags, summary: 'Theft and significant-loss reports with their DEA deadlines (written notice, Form 106)', response: { 200: z.array(LossReport) } },
  }, async (request) => getLossReports(deps, request.actor()));

  r.post('/api/inventory/loss-reports/:id/milestones', {
    config: oversight,
    schema: { tags, summary: 'Mark the written notice sent or Form 106 filed', params: LossReportParams, body: MilestoneCreate, response: { 201: LossReport, 409: Problem } },
  }, async (request, reply) => reply.status(201).send(await recordMilestone(deps, request.actor(), request.params.id, request.body)));

  // ── Reports (rule 36) ──
  r.get('/api/inventory/reports/:kind', {
    config: staff,
    schema: { tags, summary: 'A report for a date range (clinic time): dispensing, receipts, lot-history, inventory or discrepancies; schedule=III for Schedule III records only', params: ReportParams, querystring: ReportQuery, response: { 200: InventoryReport } },
  }, async (request) => getReport(deps, request.actor(), request.params.kind, request.query));

  r.get('/api/inventory/reports/:kind/export', {
    config: staff,
    schema: {
      tags,
      summary: 'The same report as a CSV or PDF download (text/csv or application/pdf). A download naming patients is recorded as a disclosure for each.',
      params: ReportParams,
      querystring: ReportExportQuery,
    },
  }, async (request, reply) => {
    const { format, ...query } = request.query;
    const { report, body } = await exportReport(deps, request.actor(), request.params.kind, query, format, format === 'csv' ? renderCsv : renderPdf);
    return reply
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf')
      .header('content-disposition', `attachment; filename="${reportFileName(report, format)}"`)
      .send(body);
  });
}
