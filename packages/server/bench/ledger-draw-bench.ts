/**
 * How fast the ledger records draws, one lot, through the full API (session,
 * validation, transaction, balance lock, audit): N draws one after another,
 * then N fired at once. PGlite by default; PostgreSQL when TEST_DATABASE_URL is
 * set (GLIA_TEST_DB=postgres). Last line: ledger_draw_ms=<mean ms per draw, sequential>.
 */
import { performance } from 'node:perf_hooks';
import { createTestApp } from '../src/testing/index.ts';

const N = Number(process.env.GLIA_BENCH_DRAWS ?? 200);
const t = await createTestApp();
try {
  const nurse = await t.loginAs('nurse');
  const products = (await t.request({ method: 'GET', url: '/api/inventory/products', cookie: nurse })).json() as { id: string; concentrationMgPerMl: number }[];
  const locations = (await t.request({ method: 'GET', url: '/api/inventory/locations', cookie: nurse })).json() as { id: string; kind: string }[];
  const receive = async (): Promise<string> => {
    const res = await t.request({
      method: 'POST', url: '/api/inventory/lots', cookie: nurse,
      payload: { productId: products.find((p) => p.concentrationMgPerMl === 50)!.id, locationId: locations.find((l) => l.kind === 'cabinet')!.id, vials: 100, lotNumber: `BENCH-${Math.random().toString(36).slice(2, 8)}`, expiresOn: '2030-12-31', supplier: 'Bench', invoiceNumber: `B-${Math.random()}` },
    });
    return (res.json() as { id: string }).id;
  };
  const draw = (lotId: string): ReturnType<typeof t.request> => t.request({ method: 'POST', url: `/api/inventory/lots/${lotId}/draws`, cookie: nurse, payload: { mg: 25 } });

  const sequentialLot = await receive();
  const s0 = performance.now();
  for (let i = 0; i < N; i++) {
    t.clock.advance(1000);
    await draw(sequentialLot);
  }
  const sequentialMs = performance.now() - s0;

  const concurrentLot = await receive();
  const nurse2 = await t.loginAs('nurse');
  const c0 = performance.now();
  const results = await Promise.all(Array.from({ length: N }, () => t.request({ method: 'POST', url: `/api/inventory/lots/${concurrentLot}/draws`, cookie: nurse2, payload: { mg: 25 } })));
  const concurrentMs = performance.now() - c0;
  const ok = results.filter((r) => r.statusCode === 201).length;

  console.log(`database=${t.testDb.database.kind} draws=${N}`);
  console.log(`sequential: ${sequentialMs.toFixed(0)} ms total, ${(sequentialMs / N).toFixed(2)} ms per draw`);
  console.log(`concurrent: ${concurrentMs.toFixed(0)} ms total for ${ok} accepted draws, ${((N * 1000) / concurrentMs).toFixed(0)} draws/s`);
  console.log(`ledger_draw_ms=${(sequentialMs / N).toFixed(2)}`);
} finally {
  await t.close();
}
