/**
 * The rule 29 discharge instructions as a PDF for the patient and escort, with
 * every "until" time in the clinic's zone.
 */
import PDFDocument from 'pdfkit';
import type { DischargeInstructions } from '@glia/clinical';

export interface DischargePdfInput {
  clinicName: string;
  timeZone: string;
  patientName: string;
  mrn: string;
  escortName: string | null;
  treatmentEndedAt: Date;
  printedAt: Date;
  instructions: DischargeInstructions;
}

function clinicTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(instant);
}

export function renderDischargePdf(input: DischargePdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 56,
    info: { Title: input.instructions.title, Author: input.clinicName, Subject: 'Discharge instructions (rule 29)', Creator: 'Glia', CreationDate: input.printedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text(input.instructions.title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#444')
    .text(`${input.clinicName} · ${input.patientName} · MRN ${input.mrn}`)
    .text(`Treatment ended ${clinicTime(input.treatmentEndedAt, input.timeZone)}${input.escortName ? ` · Going home with ${input.escortName}` : ''}`);
  doc.moveDown(1).fillColor('#000');
  for (const item of input.instructions.items) {
    doc.font('Helvetica-Bold').fontSize(12).text(item.heading);
    doc.font('Helvetica').fontSize(11).text(item.text, { lineGap: 2 });
    if (item.untilAt) doc.fontSize(10).fillColor('#444').text(`Until at least ${clinicTime(item.untilAt, input.timeZone)}`).fillColor('#000');
    doc.moveDown(0.6);
  }
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).text(`Emergency: call ${input.instructions.emergencyServicesNumber}`);
  doc.font('Helvetica').fontSize(11).text(`${input.instructions.emergencyContact.label}: ${input.instructions.emergencyContact.phone}`);
  doc.moveDown(1).fontSize(8).fillColor('#666').text(`Printed ${clinicTime(input.printedAt, input.timeZone)} by Glia.`);
  doc.end();
  return done;
}
