/**
 * Appointment reminders as outbox messages with the pre-visit instructions
 * (fasting rule 18, an escort, no driving afterwards, rule 29). A job sends due
 * messages through the configured transports (SMTP e-mail via nodemailer, an SMS
 * provider); without a transport a message is held and stays on the outbox screen.
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { appointments } from '../../db/schema/index.ts';
import { outboxMessages, patients } from '../../db/schema/index.ts';
import type { ClinicRuleConfig } from '@glia/clinical';
import { getClinicRuleConfig } from '../clinic-rules/clinic-rule-config.ts';
import type { Resources } from './resources.ts';

const HOUR_MS = 3_600_000;

function fastingText(rule: { solidsFastMin: number; liquidsFastMin: number } | null, liquidsWord: string): string {
  if (!rule) return 'Eat lightly before your visit.';
  return `Do not eat for ${rule.solidsFastMin / 60} hours before your appointment, and drink no ${liquidsWord} for ${rule.liquidsFastMin} minutes before it.`;
}

/** Queues one reminder per appointment and channel the patient can be reached on. */
export async function queueReminders(
  tx: DbOrTx, res: Resources, patientId: string, rows: readonly (typeof appointments.$inferSelect)[], now: Date, ruleConfig?: ClinicRuleConfig,
): Promise<void> {
  if (rows.length === 0) return;
  const [patient] = await tx.select({ email: patients.email, phone: patients.phone, given: patients.givenName, preferred: patients.preferredName }).from(patients).where(eq(patients.id, patientId));
  if (!patient || (!patient.email && !patient.phone)) return;
  const clinic = { name: res.clinicName, phone: res.clinicPhone };
  const config = ruleConfig ?? (await getClinicRuleConfig(tx));
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: res.timeZone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  const values: (typeof outboxMessages.$inferInsert)[] = [];
  for (const a of rows) {
    const when = fmt.format(a.startsAt);
    const fasting = a.appointmentType === 'esketamine' ? fastingText(config.session.fasting.esketamine, 'liquids') : fastingText(config.session.fasting.ivKetamine, 'clear liquids');
    const body = [
      `Hello ${patient.preferred ?? patient.given},`,
      `this is a reminder of your ${a.appointmentType === 'esketamine' ? 'esketamine session' : 'infusion'} at ${clinic?.name ?? 'the clinic'} on ${when}.`,
      fasting,
      'Bring an adult escort who will drive you home. Do not drive, cycle or operate machinery until the next day after a night\'s sleep.',
      clinic?.phone ? `To change the appointment call ${clinic.phone}.` : '',
    ].filter(Boolean).join('\n');
    const sendAfter = new Date(Math.max(now.getTime(), a.startsAt.getTime() - res.rules.reminderHoursBefore * HOUR_MS));
    const base = { patientId, appointmentId: a.id, subject: `Your appointment on ${when}`, body, status: 'queued', sendAfter, createdAt: now };
    if (patient.email) values.push({ ...base, channel: 'email', recipient: patient.email });
    if (patient.phone) values.push({ ...base, channel: 'sms', recipient: patient.phone });
  }
  if (values.length) await tx.insert(outboxMessages).values(values);
}

/** Reminders of cancelled or moved appointments that have not gone out are withdrawn. */
export async function withdrawReminders(tx: DbOrTx, appointmentIds: readonly string[]): Promise<void> {
  if (appointmentIds.length === 0) return;
  await tx.update(outboxMessages).set({ status: 'cancelled' }).where(and(inArray(outboxMessages.appointmentId, [...appointmentIds]), inArray(outboxMessages.status, ['queued', 'held'])));
}

export interface OutgoingMessage {
  recipient: string;
  subject: string;
  body: string;
}

/** A way out: e-mail (SMTP through nodemailer) or an SMS provider. */
export interface MessageTransport {
  channel: 'email' | 'sms';
  send(message: OutgoingMessage): Promise<{ providerMessageId: string | null }>;
}

/** SMS providers implement this (Twilio, Vonage …); none ships enabled. */
export interface SmsProvider {
  sendSms(to: string, text: string): Promise<{ id: string }>;
}

export function smsTransport(provider: SmsProvider): MessageTransport {
  return { channel: 'sms', send: async (m) => ({ providerMessageId: (await provider.sendSms(m.recipient, m.body)).id }) };
}

/** E-mail through SMTP (GLIA_SMTP_URL, e.g. smtp://user:pass@host:587) with nodemailer. */
export async function smtpTransport(url: string, from: string): Promise<MessageTransport> {
  const nodemailer = await import('nodemailer');
  const transporter = nodemailer.createTransport(url);
  return {
    channel: 'email',
    send: async (m) => {
      const info = await transporter.sendMail({ from, to: m.recipient, subject: m.subject, text: m.body });
      return { providerMessageId: info.messageId ?? null };
    },
  };
}

/**
 * Sends the messages that are due. A channel without a transport holds its
 * messages (status 'held', visible on the outbox screen). Returns counts.
 */
export async function dispatchDueMessages(db: DbOrTx, transports: readonly MessageTransport[], now: Date, limit = 100): Promise<{ sent: number; held: number; failed: number }> {
  const due = await db.select().from(outboxMessages).where(and(eq(outboxMessages.status, 'queued'), lte(outboxMessages.sendAfter, now))).orderBy(asc(outboxMessages.sendAfter)).limit(limit);
  const counts = { sent: 0, held: 0, failed: 0 };
  for (const m of due) {
    const transport = transports.find((t) => t.channel === m.channel);
    if (!transport) {
      await db.update(outboxMessages).set({ status: 'held' }).where(eq(outboxMessages.id, m.id));
      counts.held++;
      continue;
    }
    try {
      const { providerMessageId } = await transport.send({ recipient: m.recipient, subject: m.subject, body: m.body });
      await db.update(outboxMessages).set({ status: 'sent', sentAt: now, attempts: m.attempts + 1, providerMessageId, lastError: null }).where(eq(outboxMessages.id, m.id));
      counts.sent++;
    } catch (error) {
      const attempts = m.attempts + 1;
      await db.update(outboxMessages).set({ status: attempts >= 5 ? 'failed' : 'queued', attempts, lastError: error instanceof Error ? error.message.slice(0, 500) : 'send failed' }).where(eq(outboxMessages.id, m.id));
      counts.failed++;
    }
  }
  return counts;
}
