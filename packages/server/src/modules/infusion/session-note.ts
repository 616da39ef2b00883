/**
 * The generated session summary (issue 8 §9): dose, times, vital ranges, alerts,
 * adverse events and rescue drugs, the controlled-substance record and the
 * discharge, as plain text the clinician reviews, edits and signs.
 */
import type { AdministrationRecord } from '@glia/contracts';
import type { SessionEvaluation } from './session-evaluate.ts';
import type { AdverseRow, AlertRow, ReadingRow, RescueRow, SessionRow } from './session-repo.ts';

export interface NoteInput {
  session: SessionRow;
  evaluation: SessionEvaluation;
  readings: readonly ReadingRow[];
  alerts: readonly AlertRow[];
  adverse: readonly AdverseRow[];
  rescue: readonly RescueRow[];
  records: readonly AdministrationRecord[];
  patientName: string;
  chairName: string;
  timeZone: string;
}

function clock(d: Date | null, timeZone: string): string {
  if (!d) return '—';
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(d);
}

function range(values: (number | null)[]): string {
  const v = values.filter((x): x is number => x !== null);
  if (v.length === 0) return 'not recorded';
  return `${Math.min(...v)}-${Math.max(...v)}`;
}

export function generateSessionNote(input: NoteInput): { text: string } {
  const { session, evaluation: e, readings, timeZone } = input;
  const order = session.order;
  const r = e.replay;
  const lines: string[] = [];
  lines.push(`IV ketamine infusion session — ${input.patientName}, ${session.serviceDate}, ${input.chairName}.`);
  if (order) {
    lines.push(`Order: ${order.doseMgPerKg} mg/kg × ${order.weightKg} kg = ${order.doseMg} mg over ${order.durationMin} min (${order.volumeMl} mL of ${order.concentrationMgPerMl} mg/mL, lot ${order.lotNumber}, ${order.rateMlPerH} mL/h).`);
  }
  lines.push(`Infusion: started ${clock(r.infusionStartedAt, timeZone)}, ended ${clock(r.infusionEndedAt, timeZone)} (${r.endOutcome ?? 'not ended'}${r.endReason ? `: ${r.endReason}` : ''}); ran ${Math.round(r.runningMin)} min, paused ${Math.round(r.pausedMin)} min; given ${(Math.round(r.givenMg * 10) / 10).toFixed(1)} mg (${r.givenMl.toFixed(2)} mL).`);
  for (const p of r.pauses) lines.push(`  Paused ${clock(p.startedAt, timeZone)}–${clock(p.endedAt, timeZone)}: ${p.reason}.`);
  for (const c of r.rateChanges) lines.push(`  Rate ${c.fromRateMlPerH} → ${c.toRateMlPerH} mL/h at ${clock(c.at, timeZone)}: ${c.reason}.`);
  if (e.baseline) lines.push(`Baseline: BP ${e.baseline.systolicMmHg}/${e.baseline.diastolicMmHg}, HR ${e.baseline.heartRateBpm}, SpO2 ${e.baseline.spo2Pct} %.`);
  lines.push(`Vitals (${readings.length} readings): SBP ${range(readings.map((x) => x.systolicMmHg))}, DBP ${range(readings.map((x) => x.diastolicMmHg))}, HR ${range(readings.map((x) => x.heartRateBpm))}, SpO2 ${range(readings.map((x) => x.spo2Pct))} %, RR ${range(readings.map((x) => x.respRatePerMin))}.`);
  const moaas = readings.filter((x) => x.moaasScore !== null).map((x) => x.moaasScore);
  const diss = readings.filter((x) => x.dissociationScore !== null).map((x) => `${x.dissociationScore} (${x.dissociationScale})`);
  lines.push(`Sedation MOAA/S: ${moaas.length ? moaas.join(', ') : 'not recorded'}; dissociation: ${diss.length ? diss.join(', ') : 'not recorded'}.`);
  if (input.alerts.length === 0) lines.push('Alerts: none.');
  for (const a of input.alerts) lines.push(`Alert rule ${a.rule} (${a.severity}) at ${clock(a.raisedAt, timeZone)}: ${a.message}${a.acknowledgedAt ? ` Acknowledged ${clock(a.acknowledgedAt, timeZone)}.` : ''}`);
  if (input.adverse.length === 0) lines.push('Adverse events: none.');
  for (const ae of input.adverse) {
    lines.push(`Adverse event: ${ae.kind} (${ae.severity}) at ${clock(ae.occurredAt, timeZone)}${ae.actions ? `; ${ae.actions}` : ''}.`);
    for (const d of input.rescue.filter((x) => x.adverseEventId === ae.id)) lines.push(`  Rescue: ${d.drug} ${d.doseAmount} ${d.doseUnit} ${d.route} at ${clock(d.givenAt, timeZone)} for ${d.indication}.`);
  }
  for (const rec of input.records) lines.push(`Controlled substance: lot ${rec.lotNumber} drawn ${rec.drawnMl} mL, given ${rec.givenMl} mL, wasted ${rec.wastedMl} mL (${rec.status}).`);
  const d = e.discharge;
  lines.push(e.dischargedAt ? `Discharged ${clock(e.dischargedAt, timeZone)}${d.aldrete ? `, modified Aldrete ${d.aldrete.total}` : ''}, with escort; discharge instructions given (rule 29).` : 'Not yet discharged.');
  return { text: lines.join('\n') };
}
