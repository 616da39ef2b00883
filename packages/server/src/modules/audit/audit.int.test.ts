import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openPglite } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { initializeDatabase } from '../../seed/initialize.ts';
import { createTestApp, testDatabaseKind, TEST_SESSION_SECRET, type TestApp } from '../../testing/index.ts';
import { verifyAuditChain } from './audit-service.ts';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

let t: TestApp;
let medicalDirector: string;
beforeAll(async () => {
  t = await createTestApp();
  medicalDirector = await t.loginAs('medical-director');
});
afterAll(() => t.close());

describe('the audit trail', () => {
  it('verifies intact after seeding and activity', async () => {
    const frontDesk = await t.loginAs('front-desk');
    await t.request({ method: 'GET', url: '/api/patients?q=Rivera', cookie: frontDesk });
    const result = await verifyAuditChain(t.testDb.database.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(20);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const { db } = t.testDb.database;
    await expect(db.execute(sql`UPDATE audit_events SET action = 'x' WHERE seq = 1`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
  });

  it('lists entries for a patient to the medical director, and audits that read', async () => {
    const frontDesk = await t.loginAs('front-desk');
    const search = await t.request({ method: 'GET', url: '/api/patients?q=Nakamura', cookie: frontDesk });
    const patientId = search.json()[0].id as string;
    await t.request({ method: 'GET', url: `/api/patients/${patientId}`, cookie: frontDesk });
    const res = await t.request({ method: 'GET', url: `/api/audit?patientId=${patientId}`, cookie: medicalDirector });
    expect(res.statusCode).toBe(200);
    const entries = res.json() as { action: string; userEmail: string; patientId: string }[];
    expect(entries[0]).toMatchObject({ action: 'patient.read', userEmail: 'front-desk@demo.glia.local', patientId });
    const reads = await t.request({ method: 'GET', url: '/api/audit?action=audit.*', cookie: medicalDirector });
    expect(reads.json()[0]).toMatchObject({ action: 'audit.read', userEmail: 'medical-director@demo.glia.local' });
  });

  it('keeps the audit trail from nurses (403)', async () => {
    const nurse = await t.loginAs('nurse');
    expect((await t.request({ method: 'GET', url: '/api/audit', cookie: nurse })).statusCode).toBe(403);
  });

  it('detects a row altered directly in the database, naming the first broken entry', async () => {
    const { db } = t.testDb.database;
    // An attacker with the owner's rights can switch the trigger off; the chain still tells.
    await db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
    await db.execute(sql`UPDATE audit_events SET user_email = 'someone-else@demo.glia.local' WHERE seq = 5`);
    await db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete`);
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: 5 });
    expect(result.checked).toBe(4);
    const res = await t.request({ method: 'POST', url: '/api/audit/verify', cookie: medicalDirector });
    expect(res.json()).toMatchObject({ ok: false, firstBroken: { seq: 5 } });
  });

  it('detects a deleted row', async () => {
    const other = await createTestApp();
    try {
      const { db } = other.testDb.database;
      await db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
      await db.execute(sql`DELETE FROM audit_events WHERE seq = 3`);
      const result = await verifyAuditChain(db);
      expect(result).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
    } finally {
      await other.close();
    }
  });
});

describe('npm run audit:verify', () => {
  it('passes on an intact trail and fails, exit code 1, after a row is altered', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, GLIA_SESSION_SECRET: TEST_SESSION_SECRET };
    let cleanup: () => Promise<void>;
    if (testDatabaseKind() === 'postgres') {
      const fresh = await createTestApp();
      env.DATABASE_URL = fresh.testDb.url!;
      cleanup = () => fresh.close();
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'glia-audit-'));
      const database = await openPglite(path.join(dir, 'pglite'));
      await runMigrations(database);
      await initializeDatabase(database, { seedDemo: true, now: new Date() });
      await database.close();
      env.GLIA_DATA_DIR = dir;
      delete env.DATABASE_URL;
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    try {
      const ok = await run('npm', ['run', '-s', 'audit:verify'], { cwd: repoRoot, env });
      expect(ok.stdout).toMatch(/Audit trail intact: \d+ entries verified/);

      const alter = async (): Promise<void> => {
        const database = env.DATABASE_URL
          ? (await import('../../db/client.ts')).openPostgres(env.DATABASE_URL, 1)
          : await openPglite(path.join(env.GLIA_DATA_DIR!, 'pglite'));
        await database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`);
        await database.db.execute(sql`UPDATE audit_events SET outcome = 'failure' WHERE seq = 2`);
        await database.close();
      };
      await alter();
      const broken = await run('npm', ['run', '-s', 'audit:verify'], { cwd: repoRoot, env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(broken?.code).toBe(1);
      expect(broken?.stderr).toMatch(/BROKEN at entry 2/);
    } finally {
      await cleanup();
    }
  }, 60_000);
});
