/**
 * Renders an inventory report as CSV (csv-stringify) or PDF (pdfkit): the same
 * columns, rows and totals as on screen, numbers with two decimals.
 */
import PDFDocument from 'pdfkit';
import { stringify } from 'csv-stringify/sync';
import type { InventoryReport } from '@glia/contracts';

type Cell = InventoryReport['rows'][number][string];

/** A cell as text: numbers of numeric columns with two decimals (vials and entry numbers as integers). */
export function cellText(value: Cell | undefined, numeric: boolean, key: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && numeric) return key === 'vials' || key === 'seq' ? String(value) : value.toFixed(2);
  return String(value);
}

export function reportFileName(report: InventoryReport, format: 'csv' | 'pdf'): string {
  return `glia-${report.kind}${report.schedule ? `-schedule-${report.schedule}` : ''}-${report.from}-to-${report.to}.${format}`;
}

export async function renderCsv(report: InventoryReport): Promise<Buffer> {
  const header = report.columns.map((c) => c.label);
  const rows = report.rows.map((r) => report.columns.map((c) => cellText(r[c.key], c.numeric, c.key)));
  const totals = report.totals ? [report.columns.map((c) => cellText(report.totals![c.key], c.numeric, c.key))] : [];
  return Buffer.from(stringify([header, ...rows, ...totals]), 'utf8');
}

function clinicTimeText(iso: string, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(iso))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const MARGIN = 30;
const FONT_SIZE = 6.5;
const CELL_PAD = 2;

/**
 * Column widths: every column at least as wide as its longest word (so NDCs, lot
 * numbers and dates never break), the rest of the page shared in proportion to
 * how much wider each column would like to be.
 */
function columnWidths(report: InventoryReport, doc: PDFKit.PDFDocument, available: number): number[] {
  doc.font('Helvetica-Bold').fontSize(FONT_SIZE);
  const measured = report.columns.map((c) => {
    const texts = [...report.rows.slice(0, 300).map((r) => cellText(r[c.key], c.numeric, c.key)), cellText(report.totals?.[c.key], c.numeric, c.key)];
    const words = [...c.label.split(' '), ...texts.flatMap((t) => t.split(' '))];
    const min = Math.max(...words.map((w) => doc.widthOfString(w))) + 2 * CELL_PAD + 1;
    const want = Math.min(Math.max(min, ...texts.map((t) => doc.widthOfString(t) + 2 * CELL_PAD + 1)), 150);
    return { min, want: Math.max(want, min) };
  });
  const minTotal = measured.reduce((a, m) => a + m.min, 0);
  if (minTotal >= available) return measured.map((m) => (m.min * available) / minTotal);
  const extraWanted = measured.reduce((a, m) => a + (m.want - m.min), 0);
  const spare = available - minTotal;
  return measured.map((m) => m.min + (extraWanted > 0 ? Math.min(1, spare / extraWanted) * (m.want - m.min) : 0) + (extraWanted < spare ? (spare - extraWanted) / measured.length : 0));
}

export async function renderPdf(report: InventoryReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: report.title, Author: report.clinicName, Creator: 'Glia' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN - 14;
  const widths = columnWidths(report, doc, width);

  doc.font('Helvetica-Bold').fontSize(13).text(report.title, MARGIN, MARGIN, { width });
  doc.font('Helvetica').fontSize(8.5).text(
    `${report.clinicName} · ${report.from} to ${report.to} (clinic time, ${report.timeZone})${report.schedule ? ` · Schedule ${report.schedule} records only` : ' · all schedules'}`,
    { width },
  );
  doc.text(`Generated ${clinicTimeText(report.generatedAt, report.timeZone)} (clinic time) by ${report.generatedBy.displayName}${report.generatedBy.credentials ? `, ${report.generatedBy.credentials}` : ''}. Quantities in mL and mg to 0.01.`, { width });
  doc.moveDown(0.6);

  const rowHeight = (cells: string[], bold: boolean): number => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
    return Math.max(...cells.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD;
  };
  const drawRow = (cells: string[], y: number, opts: { bold?: boolean; shade?: boolean } = {}): number => {
    const h = rowHeight(cells, opts.bold ?? false);
    if (opts.shade) doc.save().rect(MARGIN, y, width, h).fill('#eef1f5').restore();
    let x = MARGIN;
    doc.font(opts.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE).fillColor('#000000');
    cells.forEach((text, i) => {
      const numeric = report.columns[i]!.numeric;
      doc.text(text, x + CELL_PAD, y + CELL_PAD, { width: widths[i]! - 2 * CELL_PAD, align: numeric ? 'right' : 'left' });
      x += widths[i]!;
    });
    doc.moveTo(MARGIN, y + h).lineTo(MARGIN + width, y + h).lineWidth(0.3).strokeColor('#9aa3ad').stroke();
    return y + h;
  };
  const header = report.columns.map((c) => c.label);
  let y = drawRow(header, doc.y, { bold: true, shade: true });

  const body = report.rows.map((r) => report.columns.map((c) => cellText(r[c.key], c.numeric, c.key)));
  const totals = report.totals ? report.columns.map((c) => cellText(report.totals![c.key], c.numeric, c.key)) : null;
  if (body.length === 0) {
    doc.font('Helvetica-Oblique').fontSize(8).text('No records in this period.', MARGIN, y + 4);
    y = doc.y;
  }
  for (const [i, cells] of [...body.map((c) => ({ c, bold: false })), ...(totals ? [{ c: totals, bold: true }] : [])].entries()) {
    if (y + rowHeight(cells.c, cells.bold) > bottom) {
      doc.addPage();
      y = drawRow(header, MARGIN, { bold: true, shade: true });
    }
    y = drawRow(cells.c, y, { bold: cells.bold, shade: cells.bold || i % 2 === 1 });
  }

  doc.x = MARGIN;
  doc.y = y + 8;
  doc.font('Helvetica').fontSize(7.5).fillColor('#000000');
  for (const note of [...report.notes, `Records retained at least until ${report.retainUntil} (21 CFR 1304.04, rule 36); Glia offers no deletion of controlled-substance records.`]) {
    if (doc.y > bottom - 10) doc.addPage();
    doc.text(note, MARGIN, doc.y, { width });
  }
  if (doc.y > bottom - 30) doc.addPage();
  doc.moveDown(1.5);
  doc.text('Reviewed by (signature, printed name, date): ______________________________________________', MARGIN, doc.y, { width });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7).fillColor('#555555');
    doc.text(`${report.title} · ${report.from} to ${report.to} · page ${i - range.start + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN - 8, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
