/**
 * Background jobs behind one interface: pg-boss on PostgreSQL, and on PGlite the
 * same interface backed by the embedded database's embedded_jobs table. The
 * reminder dispatcher runs on it.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import { PgBoss } from 'pg-boss';
import type { Database } from '../../db/client.ts';
import { embeddedJobs } from '../../db/schema/index.ts';
import { dispatchDueMessages, smtpTransport, type MessageTransport } from './reminders.ts';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface JobQueue {
  readonly kind: 'pg-boss' | 'embedded';
  start(): Promise<void>;
  send(name: string, data: Record<string, unknown>, opts?: { startAfter?: Date }): Promise<void>;
  work(name: string, handler: JobHandler): Promise<void>;
  stop(): Promise<void>;
}

/** pg-boss on PostgreSQL. */
export function pgBossQueue(url: string, pollingIntervalSeconds = 2): JobQueue {
  const boss = new PgBoss({ connectionString: url, application_name: 'glia-jobs' });
  boss.on('error', () => undefined);
  const queues = new Set<string>();
  const ensure = async (name: string): Promise<void> => {
    if (queues.has(name)) return;
    await boss.createQueue(name);
    queues.add(name);
  };
  return {
    kind: 'pg-boss',
    start: async () => {
      await boss.start();
    },
    send: async (name, data, opts) => {
      await ensure(name);
      await boss.send(name, data, opts?.startAfter ? { startAfter: opts.startAfter } : {});
    },
    work: async (name, handler) => {
      await ensure(name);
      await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}

/** The embedded queue: due jobs are claimed from embedded_jobs, run, and marked completed or failed (3 attempts). */
export function embeddedQueue(database: Database, now: () => Date, pollMs = 2_000): JobQueue & { runDue(): Promise<number> } {
  const handlers = new Map<string, JobHandler>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let running = false;
  const runDue = async (): Promise<number> => {
    if (running) return 0;
    running = true;
    let done = 0;
    try {
      const { db } = database;
      for (;;) {
        const [job] = await db.select().from(embeddedJobs).where(and(eq(embeddedJobs.state, 'created'), lte(embeddedJobs.runAfter, now()))).orderBy(asc(embeddedJobs.runAfter)).limit(1);
        if (!job) break;
        const handler = handlers.get(job.name);
        if (!handler) break;
        await db.update(embeddedJobs).set({ state: 'active', attempts: job.attempts + 1 }).where(eq(embeddedJobs.id, job.id));
        try {
          await handler(job.data);
          await db.update(embeddedJobs).set({ state: 'completed', completedAt: now() }).where(eq(embeddedJobs.id, job.id));
        } catch (error) {
          const failed = job.attempts + 1 >= 3;
          await db.update(embeddedJobs).set({ state: failed ? 'failed' : 'created', lastError: error instanceof Error ? error.message.slice(0, 500) : 'job failed', runAfter: new Date(now().getTime() + 30_000) }).where(eq(embeddedJobs.id, job.id));
        }
        done++;
      }
    } finally {
      running = false;
    }
    return done;
  };
  return {
    kind: 'embedded',
    runDue,
    start: async () => {
      timer = setInterval(() => void runDue().catch(() => undefined), pollMs);
      timer.unref();
    },
    send: async (name, data, opts) => {
      await database.db.insert(embeddedJobs).values({ name, data, runAfter: opts?.startAfter ?? now(), createdAt: now() });
    },
    work: async (name, handler) => {
      handlers.set(name, handler);
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export const REMINDER_JOB = 'reminders.dispatch';

/** E-mail through SMTP when GLIA_SMTP_URL is set; SMS has no provider configured by default (messages are held on the outbox screen). */
export async function reminderTransportsFromEnv(env: NodeJS.ProcessEnv): Promise<MessageTransport[]> {
  const url = env.GLIA_SMTP_URL;
  if (!url) return [];
  return [await smtpTransport(url, env.GLIA_SMTP_FROM ?? 'Glia clinic <no-reply@glia.local>')];
}

/** Registers the reminder dispatcher and queues one dispatch a minute. Returns a stop function. */
export async function startReminderJobs(queue: JobQueue, database: Database, transports: readonly MessageTransport[], now: () => Date, everyMs = 60_000): Promise<() => Promise<void>> {
  await queue.start();
  await queue.work(REMINDER_JOB, async () => {
    await dispatchDueMessages(database.db, transports, now());
  });
  await queue.send(REMINDER_JOB, {});
  const timer = setInterval(() => void queue.send(REMINDER_JOB, {}).catch(() => undefined), everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await queue.stop();
  };
}
