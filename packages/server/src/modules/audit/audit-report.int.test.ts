/**
 * The audit report's API: filtered CSV export (itself audited) and the
 * records the security features add (sign-ins, MFA, role changes, exports).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../../testing/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit CSV export', () => {
  it('exports the filtered trail as CSV with a header, and records the export', async () => {
    await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: 'nurse@demo.glia.local', password: 'wrong-password' } });
    const director = await t.loginAs('medical-director');
    const res = await t.request({ method: 'GET', url: '/api/audit/export.csv?action=auth.login', cookie: director });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="glia-audit-2026-11-23.csv"/);
    expect(res.headers['cache-control']).toBe('no-store');
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.action === 'auth.login')).toBe(true);
    expect(rows.some((r) => r.user_email === 'nurse@demo.glia.local' && r.outcome === 'failure')).toBe(true);
    expect(Object.keys(rows[0]!)).toEqual(['seq', 'occurred_at_utc', 'user_email', 'user_id', 'action', 'outcome', 'resource_type', 'resource_id', 'patient_id', 'client_ip', 'request_id', 'details', 'hash']);

    const after = await t.request({ method: 'GET', url: '/api/audit?action=audit.export', cookie: director });
    expect(after.json()[0]).toMatchObject({ action: 'audit.export', details: { rowCount: rows.length, format: 'csv' } });
  });

  it('refuses a bad filter naming the field, and other roles', async () => {
    const director = await t.loginAs('medical-director');
    const bad = await t.request({ method: 'GET', url: "/api/audit/export.csv?action=x';DROP", cookie: director });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.action');
    expect((await t.request({ method: 'GET', url: '/api/audit/export.csv', cookie: await t.loginAs('nurse') })).statusCode).toBe(403);
  });
});
