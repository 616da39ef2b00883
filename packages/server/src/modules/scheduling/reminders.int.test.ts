import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { embeddedQueue, pgBossQueue, REMINDER_JOB, startReminderJobs, type JobQueue } from './jobs.ts';
import { dispatchDueMessages, type MessageTransport, type OutgoingMessage } from './reminders.ts';

describe('appointment reminders in the outbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('queues e-mail and SMS reminders with the pre-visit instructions for each booked infusion', async () => {
    const rows = await t.testDb.database.db.select().from(outboxMessages);
    expect(rows).toHaveLength(12); // 6 demo infusions × e-mail and SMS
    const first = rows.find((r) => r.channel === 'email')!;
    expect(first.body).toMatch(/Do not eat for 6 hours/);
    expect(first.body).toMatch(/clear liquids for 120 minutes/);
    expect(first.body).toMatch(/adult escort/);
    expect(first.body).toMatch(/Do not drive/);
    expect(rows.every((r) => r.status === 'queued')).toBe(true);
  });

  it('sends due messages through a transport, and holds those of a channel without one on the outbox screen', async () => {
    const sent: OutgoingMessage[] = [];
    const email: MessageTransport = { channel: 'email', send: async (m) => { sent.push(m); return { providerMessageId: `m-${sent.length}` }; } };
    const counts = await dispatchDueMessages(t.testDb.database.db, [email], t.clock.now());
    // Due now: the reminders of today's and tomorrow's infusions (48 h before, or at once when later than that).
    expect(counts.sent).toBeGreaterThan(0);
    expect(counts.held).toBe(counts.sent);
    expect(sent[0]!.recipient).toMatch(/@example\.org$/);
    const held = await t.testDb.database.db.select().from(outboxMessages).where(eq(outboxMessages.status, 'held'));
    expect(held.every((m) => m.channel === 'sms')).toBe(true);
    const desk = await t.loginAs('front-desk');
    const outbox = (await t.request({ method: 'GET', url: '/api/outbox', cookie: desk })).json() as { status: string }[];
    expect(outbox.filter((m) => m.status === 'held')).toHaveLength(held.length);
  });

  it(`runs the dispatcher as a job (${process.env.GLIA_TEST_DB === 'postgres' ? 'pg-boss' : 'embedded queue'})`, async () => {
    t.clock.advance(7 * 24 * 3_600_000);
    const sent: OutgoingMessage[] = [];
    const email: MessageTransport = { channel: 'email', send: async (m) => { sent.push(m); return { providerMessageId: null }; } };
    const queue: JobQueue & { runDue?: () => Promise<number> } = t.testDb.url ? pgBossQueue(t.testDb.url, 0.5) : embeddedQueue(t.testDb.database, t.clock.now, 60_000);
    const stop = await startReminderJobs(queue, t.testDb.database, [email], t.clock.now, 3_600_000);
    try {
      if (queue.runDue) expect(await queue.runDue()).toBe(1);
      for (let i = 0; i < 100 && sent.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(sent.length).toBeGreaterThan(0);
      expect(queue.kind).toBe(t.testDb.url ? 'pg-boss' : 'embedded');
      expect(REMINDER_JOB).toBe('reminders.dispatch');
    } finally {
      await stop();
    }
  });
});
