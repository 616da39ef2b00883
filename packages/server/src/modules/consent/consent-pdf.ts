/**
 * Renders the signed consent as a PDF: exactly the template text signed, its id,
 * version and SHA-256, the patient's typed name and drawn signature, the witness
 * and the clinician, with every time in the clinic's zone.
 */
import PDFDocument from 'pdfkit';

export interface ConsentPdfInput {
  clinicName: string;
  timeZone: string;
  consentId: string;
  patient: { name: string; mrn: string; birthDate: string };
  template: { id: string; key: string; version: number; title: string; body: string; sha256: string };
  patientTypedName: string;
  signaturePng: Buffer;
  signedAt: Date;
  witness: { name: string; credentials: string | null };
  clinician: { name: string; credentials: string | null };
}

function clinicTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short',
  }).format(instant);
}

const person = (p: { name: string; credentials: string | null }): string => (p.credentials ? `${p.name}, ${p.credentials}` : p.name);

export function renderConsentPdf(input: ConsentPdfInput): Promise<Buffer> {
  const at = clinicTime(input.signedAt, input.timeZone);
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 56,
    info: {
      Title: `${input.template.title} (version ${input.template.version})`,
      Author: input.clinicName,
      Subject: `Glia consent ${input.consentId}; template ${input.template.key} v${input.template.version}; template sha256 ${input.template.sha256}`,
      Creator: 'Glia',
      CreationDate: input.signedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(16).text(input.template.title);
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor('#444')
    .text(`${input.clinicName} · Template ${input.template.key}, version ${input.template.version} (id ${input.template.id})`)
    .text(`Template text SHA-256: ${input.template.sha256}`);
  doc.moveDown(0.5).fillColor('#000').fontSize(10)
    .text(`Patient: ${input.patient.name} · MRN ${input.patient.mrn} · Date of birth ${input.patient.birthDate}`);
  doc.moveDown(0.8).fontSize(11).text(input.template.body, { align: 'left', lineGap: 2 });

  // Keep the signature block (about 230 pt) on one page with its heading.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 230) doc.addPage();
  doc.moveDown(1.2).font('Helvetica-Bold').fontSize(11).text('Signatures');
  doc.moveDown(0.4).font('Helvetica').fontSize(10).text(`Patient (typed name): ${input.patientTypedName}`);
  doc.text(`Signed by the patient on ${at}`);
  doc.moveDown(0.3).image(input.signaturePng, { fit: [260, 90] });
  doc.moveDown(0.5);
  doc.text(`Witness: ${person(input.witness)}, signed electronically on ${at}`);
  doc.text(`Consent obtained by: ${person(input.clinician)}, signed electronically on ${at}`);
  doc.moveDown(1).fontSize(8).fillColor('#444').text(`Glia consent record ${input.consentId}. Times are in the clinic's time zone (${input.timeZone}).`);
  doc.end();
  return done;
}
