/**
 * Shared steps of the inventory integration tests: find the demo products and
 * locations, receive a lot through the API with a verifier signing.
 */
import type { DrugProduct, Lot, StorageLocation } from '@glia/contracts';
import { DEMO_PASSWORD } from '../../seed/demo-people.ts';
import type { TestApp } from '../../testing/index.ts';

export interface DemoCatalog {
  k50: DrugProduct;
  k100: DrugProduct;
  safe: StorageLocation;
  cabinet: StorageLocation;
}

export async function demoCatalog(t: TestApp, cookie: string): Promise<DemoCatalog> {
  const products = (await t.request({ method: 'GET', url: '/api/inventory/products', cookie })).json() as DrugProduct[];
  const locations = (await t.request({ method: 'GET', url: '/api/inventory/locations', cookie })).json() as StorageLocation[];
  return {
    k50: products.find((p) => p.concentrationMgPerMl === 50)!,
    k100: products.find((p) => p.concentrationMgPerMl === 100)!,
    safe: locations.find((l) => l.kind === 'safe')!,
    cabinet: locations.find((l) => l.kind === 'cabinet')!,
  };
}

export const signerOf = (role: string, password = DEMO_PASSWORD): { email: string; signature: { password: string } } => ({ email: `${role}@demo.glia.local`, signature: { password } });

/** Receives `vials` of a product into a location as `cookie`'s user, verified by the medical director. */
export async function receiveLot(
  t: TestApp,
  cookie: string,
  input: { productId: string; locationId: string; vials: number; lotNumber?: string; expiresOn?: string; verifier?: string },
): Promise<Lot> {
  const res = await t.request({
    method: 'POST',
    url: '/api/inventory/lots',
    cookie,
    payload: {
      productId: input.productId,
      locationId: input.locationId,
      vials: input.vials,
      lotNumber: input.lotNumber ?? `T-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      expiresOn: input.expiresOn ?? '2028-06-30',
      supplier: 'Test Supply',
      invoiceNumber: `INV-${Math.random().toString(36).slice(2, 8)}`,
      verifier: signerOf(input.verifier ?? 'medical-director'),
    },
  });
  if (res.statusCode !== 201) throw new Error(`receive failed: ${res.statusCode} ${res.body}`);
  return res.json() as Lot;
}
