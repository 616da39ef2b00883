/**
 * How long the eligibility panel takes to compute through the API on the demo
 * clinic (embedded PGlite, one patient with a full intake), and how long a consent
 * PDF takes to render. Prints one figure per line; the last line is the panel p50.
 */
import { performance } from 'node:perf_hooks';
import { renderConsentPdf } from '../src/modules/consent/consent-pdf.ts';
import { demoSignaturePng } from '../src/seed/demo-intake.ts';
import { createTestApp } from '../src/testing/index.ts';

const RUNS = 200;
const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const t = await createTestApp({ idleMinutes: 600 });
try {
  const cookie = await t.loginAs('prescriber');
  const [chloe] = (await t.request({ method: 'GET', url: '/api/patients?q=Nakamura', cookie })).json();
  const url = `/api/patients/${chloe.id}/eligibility`;
  for (let i = 0; i < 20; i++) await t.request({ method: 'GET', url, cookie });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const res = await t.request({ method: 'GET', url, cookie });
    times.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`eligibility: ${res.statusCode}`);
  }
  times.sort((a, b) => a - b);

  const png = demoSignaturePng(1);
  const pdfTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    await renderConsentPdf({
      clinicName: 'Bench clinic', timeZone: 'America/Chicago', consentId: '00000000-0000-4000-8000-000000000000', patient: { name: 'Bench Patient', mrn: 'RB-1', birthDate: '1980-01-01' },
      template: { id: 't', key: 'iv-ketamine-off-label', version: 1, title: 'Consent', body: 'Lorem ipsum dolor sit amet. '.repeat(300), sha256: '0'.repeat(64) },
      patientTypedName: 'Bench Patient', signaturePng: png, signedAt: new Date(), witness: { name: 'W', credentials: 'RN' }, clinician: { name: 'C', credentials: 'MD' },
    });
    pdfTimes.push(performance.now() - start);
  }
  pdfTimes.sort((a, b) => a - b);
  console.log(`eligibility_get_ms_p95=${quantile(times, 0.95).toFixed(2)}`);
  console.log(`consent_pdf_render_ms_p50=${quantile(pdfTimes, 0.5).toFixed(2)}`);
  console.log(`eligibility_get_ms_p50=${quantile(times, 0.5).toFixed(2)}`);
} finally {
  await t.close();
}
