/**
 * npm run demo:monitor — feeds plausible readings to the demo clinic's chairs
 * through the API, as a bedside monitor would, so the chair board moves.
 *
 *   GLIA_URL=http://127.0.0.1:3000 npm run demo:monitor -- [--interval 20] [--once]
 *
 * Signs in as the demo nurse, reads today's board every interval and charts a
 * reading for every chair whose next reading is due (or half-way there), drifting
 * gently from the chair's last vitals. Only for the demo clinic: it refuses to run
 * against a clinic that is not flagged as demo.
 */
import { parseArgs } from 'node:util';

interface Vitals { systolicMmHg: number | null; diastolicMmHg: number | null; heartRateBpm: number | null; spo2Pct: number | null; respRatePerMin: number | null }
interface Summary { id: string; chair: { name: string }; phase: string; lastVitals: (Vitals & { takenAt: string }) | null; nextReadingDueAt: string | null }
interface Board { serverNow: string; sessions: Summary[] }

const { values } = parseArgs({ options: { interval: { type: 'string', default: '20' }, once: { type: 'boolean', default: false } } });
const base = (process.env.GLIA_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const intervalS = Math.max(2, Number(values.interval) || 20);

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(v)));
const drift = (v: number | null, fallback: number, step: number): number => (v ?? fallback) + (Math.random() * 2 - 1) * step;

async function signIn(): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nurse@demo.glia.local', password: 'glia-demo' }) });
  if (!res.ok) throw new Error(`sign-in failed (${res.status}): is Glia running at ${base} with the demo clinic?`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('glia_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  const me = await fetch(`${base}/api/auth/me`, { headers: { cookie: cookie.split(';')[0]! } });
  const body = (await me.json()) as { clinic?: { demo?: boolean } };
  if (body.clinic?.demo !== true) throw new Error('this clinic is not the demo clinic; demo:monitor feeds only demo chairs');
  return cookie.split(';')[0]!;
}

function reading(s: Summary, at: string): Record<string, unknown> {
  const v = s.lastVitals;
  const during = s.phase === 'infusing' || s.phase === 'paused';
  const sbp = clamp(drift(v?.systolicMmHg ?? null, 126, 5) + (during ? 1 : -1), 100, 165);
  return {
    takenAt: at,
    systolicMmHg: sbp,
    diastolicMmHg: clamp(Math.min(sbp - 30, drift(v?.diastolicMmHg ?? null, 80, 3)), 55, 100),
    heartRateBpm: clamp(drift(v?.heartRateBpm ?? null, 74, 3), 55, 105),
    spo2Pct: clamp(drift(v?.spo2Pct ?? null, 98, 1), 95, 100),
    respRatePerMin: clamp(drift(v?.respRatePerMin ?? null, 14, 1), 11, 20),
    moaasScore: during ? 4 : 5,
    dissociation: { scale: 'observer-0-4', score: during ? 1 + Math.round(Math.random()) : 0 },
    nausea: 'none',
    symptoms: [],
  };
}

async function tick(cookie: string): Promise<number> {
  const res = await fetch(`${base}/api/sessions`, { headers: { cookie } });
  if (!res.ok) throw new Error(`board read failed (${res.status})`);
  const board = (await res.json()) as Board;
  const now = new Date(board.serverNow).getTime();
  let charted = 0;
  for (const s of board.sessions) {
    if (!['infusing', 'paused', 'recovery', 'ready-for-discharge'].includes(s.phase)) continue;
    const due = s.nextReadingDueAt ? new Date(s.nextReadingDueAt).getTime() : now;
    const last = s.lastVitals ? new Date(s.lastVitals.takenAt).getTime() : 0;
    // Chart when due, or half-way to it, so the board visibly moves.
    if (now < last + (due - last) / 2) continue;
    const post = await fetch(`${base}/api/sessions/${s.id}/readings`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(reading(s, board.serverNow)) });
    if (post.ok) {
      charted += 1;
      const body = (await post.json()) as { reading: Vitals; alerts: { rule: number; severity: string }[] };
      console.log(`${new Date().toISOString()} ${s.chair.name}: ${body.reading.systolicMmHg}/${body.reading.diastolicMmHg} HR ${body.reading.heartRateBpm} SpO2 ${body.reading.spo2Pct}${body.alerts.length ? ` · alerts ${body.alerts.map((a) => `rule ${a.rule} ${a.severity}`).join(', ')}` : ''}`);
    } else {
      console.error(`${s.chair.name}: reading refused (${post.status})`);
    }
  }
  return charted;
}

const cookie = await signIn();
console.log(`demo:monitor → ${base}, every ${intervalS} s${values.once ? ' (once)' : ''}. Ctrl+C to stop.`);
await tick(cookie);
while (!values.once) {
  await new Promise((r) => setTimeout(r, intervalS * 1000));
  await tick(cookie);
}
