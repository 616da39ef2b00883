/**
 * The demo clinic's fictional people. Phone numbers use the 555-01xx range
 * reserved for fiction, e-mails the example.org domain reserved by RFC 2606.
 */
import type { Role } from '@glia/contracts';

export const DEMO_PASSWORD = 'glia-demo';

export interface DemoStaff {
  email: string;
  displayName: string;
  roles: Role[];
  credentials: string | null;
}

/** One account per role (<role>@demo.glia.local), plus a second nurse and prescriber. */
export const DEMO_STAFF: DemoStaff[] = [
  { email: 'admin@demo.glia.local', displayName: 'Morgan Ellis', roles: ['admin'], credentials: null },
  { email: 'medical-director@demo.glia.local', displayName: 'Dr. Priya Raman', roles: ['medical-director', 'prescriber'], credentials: 'MD' },
  { email: 'prescriber@demo.glia.local', displayName: 'Dr. Samuel Okafor', roles: ['prescriber'], credentials: 'MD' },
  { email: 'nurse@demo.glia.local', displayName: 'Jamie Castillo', roles: ['nurse'], credentials: 'RN' },
  { email: 'front-desk@demo.glia.local', displayName: 'Taylor Brooks', roles: ['front-desk'], credentials: null },
  { email: 'billing@demo.glia.local', displayName: 'Chris Nguyen', roles: ['billing'], credentials: null },
  { email: 'nurse2@demo.glia.local', displayName: 'Avery Lindqvist', roles: ['nurse'], credentials: 'RN' },
  { email: 'np@demo.glia.local', displayName: 'Rosa Delgado', roles: ['prescriber'], credentials: 'PMHNP-BC' },
];

export const DEMO_CHAIRS = [
  { name: 'Chair 1', room: 'Suite A', equipmentNotes: 'Monitor MP-1, pump P-11' },
  { name: 'Chair 2', room: 'Suite A', equipmentNotes: 'Monitor MP-2, pump P-12' },
  { name: 'Chair 3', room: 'Suite B', equipmentNotes: 'Monitor MP-3, pump P-13' },
  { name: 'Chair 4', room: 'Suite B', equipmentNotes: 'Monitor MP-4, pump P-14' },
  { name: 'Chair 5', room: 'Suite C (quiet room)', equipmentNotes: 'Monitor MP-5, pump P-15, dimmable light' },
  { name: 'Chair 6', room: 'Suite C (quiet room)', equipmentNotes: 'Monitor MP-6, pump P-16' },
];

export interface DemoPatient {
  givenName: string;
  familyName: string;
  preferredName?: string;
  birthDate: string;
  sexAtBirth: 'female' | 'male' | 'intersex' | 'unknown';
  genderIdentity?: string;
  pronouns?: string;
  city: string;
  escort?: string;
  /** Index into the clinicians (0 medical director, 1 prescriber, 2 nurse practitioner). */
  clinician: 0 | 1 | 2;
}

export const DEMO_PATIENTS: DemoPatient[] = [
  { givenName: 'Ana', familyName: 'Rivera', birthDate: '1986-04-12', sexAtBirth: 'female', genderIdentity: 'woman', pronouns: 'she/her', city: 'Springfield', escort: 'Luis Rivera', clinician: 0 },
  { givenName: 'Benjamin', familyName: 'Hart', preferredName: 'Ben', birthDate: '1979-11-03', sexAtBirth: 'male', genderIdentity: 'man', pronouns: 'he/him', city: 'Riverton', escort: 'Claire Hart', clinician: 1 },
  { givenName: 'Chloe', familyName: 'Nakamura', birthDate: '1994-07-21', sexAtBirth: 'female', genderIdentity: 'woman', pronouns: 'she/her', city: 'Springfield', escort: 'Kenji Nakamura', clinician: 2 },
  { givenName: 'Darnell', familyName: 'Washington', birthDate: '1968-02-09', sexAtBirth: 'male', genderIdentity: 'man', pronouns: 'he/him', city: 'Oak Hollow', escort: 'Tanya Washington', clinician: 0 },
  { givenName: 'Elena', familyName: 'Petrova', birthDate: '1990-09-30', sexAtBirth: 'female', genderIdentity: 'woman', pronouns: 'she/her', city: 'Riverton', escort: 'Ivan Petrov', clinician: 1 },
  { givenName: 'Farah', familyName: 'Haddad', birthDate: '1998-01-17', sexAtBirth: 'female', genderIdentity: 'woman', pronouns: 'she/her', city: 'Springfield', escort: 'Omar Haddad', clinician: 2 },
  { givenName: 'Gabriel', familyName: 'Souza', preferredName: 'Gabe', birthDate: '1983-06-05', sexAtBirth: 'male', genderIdentity: 'man', pronouns: 'he/him', city: 'Lakeside', escort: 'Marina Souza', clinician: 0 },
  { givenName: 'Hannah', familyName: 'Whitaker', birthDate: '1975-12-24', sexAtBirth: 'female', genderIdentity: 'woman', pronouns: 'she/her', city: 'Oak Hollow', escort: 'Paul Whitaker', clinician: 1 },
  { givenName: 'Isaiah', familyName: 'Bennett', birthDate: '2001-03-14', sexAtBirth: 'male', genderIdentity: 'man', pronouns: 'he/him', city: 'Springfield', escort: 'Denise Bennett', clinician: 2 },
  { givenName: 'Jordan', familyName: 'Kowalski', birthDate: '1992-08-08', sexAtBirth: 'female', genderIdentity: 'non-binary', pronouns: 'they/them', city: 'Lakeside', escort: 'Sam Kowalski', clinician: 0 },
  { givenName: 'Keisha', familyName: 'Morrison', birthDate: '1988-05-19', sexAtBirth: 'female', genderIdentity: 'woman', pronouns: 'she/her', city: 'Riverton', escort: 'Andre Morrison', clinician: 1 },
  { givenName: 'Liam', familyName: "O'Connell", birthDate: '1971-10-02', sexAtBirth: 'male', genderIdentity: 'man', pronouns: 'he/him', city: 'Springfield', escort: "Maeve O'Connell", clinician: 2 },
  { givenName: 'Maya', familyName: 'Goldberg', birthDate: '1996-02-27', sexAtBirth: 'female', genderIdentity: 'woman', pronouns: 'she/her', city: 'Oak Hollow', escort: 'Rachel Goldberg', clinician: 0 },
  { givenName: 'Nathaniel', familyName: 'Price', preferredName: 'Nate', birthDate: '1964-07-15', sexAtBirth: 'male', genderIdentity: 'man', pronouns: 'he/him', city: 'Lakeside', escort: 'Grace Price', clinician: 1 },
  { givenName: 'Olivia', familyName: 'Chen', birthDate: '1985-11-11', sexAtBirth: 'female', genderIdentity: 'woman', pronouns: 'she/her', city: 'Springfield', escort: 'Michael Chen', clinician: 2 },
  { givenName: 'Parker', familyName: 'Reyes', birthDate: '1999-04-04', sexAtBirth: 'male', genderIdentity: 'transgender woman', pronouns: 'she/her', preferredName: 'Paloma', city: 'Riverton', escort: 'Inez Reyes', clinician: 0 },
  { givenName: 'Quinn', familyName: 'Abernathy', birthDate: '1981-01-29', sexAtBirth: 'female', genderIdentity: 'woman', pronouns: 'she/her', city: 'Oak Hollow', escort: 'Tom Abernathy', clinician: 1 },
  { givenName: 'Rashid', familyName: 'Karimi', birthDate: '1973-09-09', sexAtBirth: 'male', genderIdentity: 'man', pronouns: 'he/him', city: 'Springfield', escort: 'Leila Karimi', clinician: 2 },
  { givenName: 'Sofia', familyName: 'Lindgren', birthDate: '1993-06-18', sexAtBirth: 'female', genderIdentity: 'woman', pronouns: 'she/her', city: 'Lakeside', escort: 'Erik Lindgren', clinician: 0 },
  { givenName: 'Theodore', familyName: 'Grant', preferredName: 'Teddy', birthDate: '1959-03-22', sexAtBirth: 'male', genderIdentity: 'man', pronouns: 'he/him', city: 'Riverton', escort: 'Helen Grant', clinician: 1 },
];
