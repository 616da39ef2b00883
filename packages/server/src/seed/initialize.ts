/**
 * First-start initialisation: the clinic settings row, and either the demo
 * clinic or a first admin account. Runs in one transaction; does nothing when
 * the database already holds a clinic.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { chairs, clinicSettings, patients, users } from '../db/schema/index.ts';
import { recordAudit } from '../modules/audit/audit-service.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { formatMrn } from '../modules/patients/mrn.ts';
import { nextMrnNumber } from '../modules/patients/patient-repo.ts';
import { DEMO_CHAIRS, DEMO_PASSWORD, DEMO_PATIENTS, DEMO_STAFF } from './demo-people.ts';
import { seedDemoIntake } from './demo-intake.ts';
import { seedDemoInventory } from './demo-inventory.ts';
import { seedDemoScheduling } from './demo-scheduling.ts';

export interface InitializeResult {
  /** 'existing' when the database was already initialised. */
  state: 'existing' | 'demo' | 'empty';
  demoLogins?: { email: string; roles: string[] }[];
  initialAdmin?: { email: string; password: string };
}

const SYSTEM_ACTOR = { userId: null, userEmail: 'system', clientIp: null, requestId: null };

/** The server's own zone, a sensible first guess for a new clinic. */
const serverTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export async function initializeDatabase(database: Database, opts: { seedDemo: boolean; now: Date }): Promise<InitializeResult> {
  const { db } = database;
  const existing = await db.select({ id: clinicSettings.id }).from(clinicSettings).limit(1);
  if (existing.length > 0) return { state: 'existing' };

  if (!opts.seedDemo) {
    const password = randomBytes(12).toString('base64url');
    const email = 'admin@glia.local';
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      await tx.insert(clinicSettings).values({ id: 1, name: 'Glia clinic', timeZone: serverTimeZone(), demo: false, updatedAt: opts.now });
      const [admin] = await tx.insert(users).values({ email, displayName: 'Administrator', roles: ['admin'], passwordHash }).returning();
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'system.initialize', resourceType: 'clinic', resourceId: '1', details: { initialAdmin: admin!.id } }, opts.now);
    });
    return { state: 'empty', initialAdmin: { email, password } };
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.insert(clinicSettings).values({ id: 1, name: 'Riverbend Ketamine Clinic (demo)', timeZone: 'America/Chicago', mrnPrefix: 'RB', phone: '(555) 010-0100', demo: true, mfaRequiredRoles: [], updatedAt: opts.now });
    const staff = await tx
      .insert(users)
      .values(DEMO_STAFF.map((s) => ({ email: s.email, displayName: s.displayName, roles: s.roles, credentials: s.credentials, passwordHash })))
      .returning();
    const byEmail = new Map(staff.map((s) => [s.email, s.id]));
    const clinicians = ['medical-director@demo.glia.local', 'prescriber@demo.glia.local', 'np@demo.glia.local'].map((e) => byEmail.get(e)!);
    const frontDesk = byEmail.get('front-desk@demo.glia.local')!;

    await tx.insert(chairs).values(DEMO_CHAIRS.map((c, i) => ({ ...c, sortOrder: i + 1 })));

    for (const [i, p] of DEMO_PATIENTS.entries()) {
      const n = String(i + 1).padStart(2, '0');
      const phone = `(555) 010-${String(1100 + i)}`;
      const escortPhone = `(555) 010-${String(1200 + i)}`;
      const mrn = formatMrn('RB', await nextMrnNumber(tx));
      const [row] = await tx
        .insert(patients)
        .values({
          mrn,
          givenName: p.givenName,
          familyName: p.familyName,
          preferredName: p.preferredName ?? null,
          birthDate: p.birthDate,
          sexAtBirth: p.sexAtBirth,
          genderIdentity: p.genderIdentity ?? null,
          pronouns: p.pronouns ?? null,
          phone,
          phoneDigits: phone.replace(/\D/g, ''),
          email: `${p.givenName.toLowerCase()}.${p.familyName.toLowerCase().replace(/[^a-z]/g, '')}@example.org`,
          address: { line1: `${100 + i * 7} ${['Maple', 'Cedar', 'Willow', 'Birch', 'Elm'][i % 5]} Street`, line2: i % 4 === 0 ? `Apt ${n}` : null, city: p.city, region: 'IL', postalCode: `6270${i % 10}`, country: 'US' },
          emergencyContact: p.escort ? { name: p.escort, relationship: 'family', phone: escortPhone } : null,
          usualEscort: p.escort ? { name: p.escort, phone: escortPhone } : null,
          primaryClinicianId: clinicians[p.clinician],
          createdAt: opts.now,
          updatedAt: opts.now,
          createdBy: frontDesk,
          updatedBy: frontDesk,
        })
        .returning({ id: patients.id });
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'patient.create', resourceType: 'patient', resourceId: row!.id, patientId: row!.id, details: { mrn, source: 'demo-seed' } }, opts.now);
    }
    await seedDemoIntake(tx, opts.now);
    await seedDemoInventory(tx, opts.now, 'America/Chicago');
    await seedDemoScheduling(tx, opts.now, 'America/Chicago');
    await recordAudit(tx, SYSTEM_ACTOR, { action: 'system.seed-demo', resourceType: 'clinic', resourceId: '1', details: { staff: staff.length, patients: DEMO_PATIENTS.length, chairs: DEMO_CHAIRS.length } }, opts.now);
  });
  return { state: 'demo', demoLogins: DEMO_STAFF.map((s) => ({ email: s.email, roles: s.roles })) };
}
