import { describe, expect, it } from 'vitest';
import type { InventoryReport } from '@glia/contracts';
import { formatHundredths } from './quantities.ts';
import { cellText, renderCsv, renderPdf, reportFileName } from './report-render.ts';

const report: InventoryReport = {
  kind: 'receipts',
  title: 'Receipts log (Schedule III)',
  clinicName: 'Test clinic',
  from: '2026-11-01',
  to: '2026-11-23',
  schedule: 'III',
  timeZone: 'America/Chicago',
  generatedAt: '2026-11-23T15:00:00.000Z',
  generatedBy: { id: '5f0c7a3e-55b1-4d6f-9c0e-3f1b2a4c5d6e', displayName: 'Dr. Test', credentials: 'MD' },
  columns: [
    { key: 'drug', label: 'Drug', numeric: false },
    { key: 'vials', label: 'Vials', numeric: true },
    { key: 'ml', label: 'mL', numeric: true },
  ],
  rows: [{ drug: 'Ketamine 50 mg/mL, 10 mL vial', vials: 2, ml: 20 }, { drug: 'Ketamine "100"', vials: 1, ml: 5.1 }],
  totals: { drug: 'Total', vials: 3, ml: 25.1 },
  notes: ['A note.'],
  retainUntil: '2028-11-24',
};

describe('report rendering', () => {
  it.each([
    { centi: 0, text: '0.00' },
    { centi: 5, text: '0.05' },
    { centi: 1234, text: '12.34' },
    { centi: -250, text: '-2.50' },
  ])('writes $centi hundredths as $text', ({ centi, text }) => {
    expect(formatHundredths(centi)).toBe(text);
  });

  it('writes quantities with two decimals and counts as whole numbers', () => {
    expect(cellText(5.1, true, 'ml')).toBe('5.10');
    expect(cellText(3, true, 'vials')).toBe('3');
    expect(cellText(null, true, 'ml')).toBe('');
  });

  it('writes a CSV with the labels, quoted text and the totals last', async () => {
    const csv = (await renderCsv(report)).toString('utf8').trim().split('\n');
    expect(csv).toEqual(['Drug,Vials,mL', '"Ketamine 50 mg/mL, 10 mL vial",2,20.00', '"Ketamine ""100""",1,5.10', 'Total,3,25.10']);
  });

  it('writes a PDF and names the file by report, schedule and range', async () => {
    const pdf = await renderPdf(report);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(reportFileName(report, 'pdf')).toBe('glia-receipts-schedule-III-2026-11-01-to-2026-11-23.pdf');
  });
});
