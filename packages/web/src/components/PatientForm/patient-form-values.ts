import { PatientCreate } from '@glia/contracts';
import type { Patient, PatientUpdate } from '@glia/contracts';
import { optionalText, requiredText, schemaFormErrors } from '../../lib/forms/schema-errors.ts';

/** What the patient form holds: text everywhere, "" for "not given". Paths match the API body. */
export interface PatientFormValues {
  givenName: string;
  familyName: string;
  preferredName: string;
  birthDate: string;
  sexAtBirth: string;
  genderIdentity: string;
  pronouns: string;
  phone: string;
  email: string;
  address: { line1: string; line2: string; city: string; region: string; postalCode: string; country: string };
  emergencyContact: { name: string; relationship: string; phone: string };
  usualEscort: { name: string; phone: string };
  primaryClinicianId: string;
}

export const DEFAULT_COUNTRY = 'US';

export const emptyPatientFormValues: PatientFormValues = {
  givenName: '',
  familyName: '',
  preferredName: '',
  birthDate: '',
  sexAtBirth: '',
  genderIdentity: '',
  pronouns: '',
  phone: '',
  email: '',
  address: { line1: '', line2: '', city: '', region: '', postalCode: '', country: DEFAULT_COUNTRY },
  emergencyContact: { name: '', relationship: '', phone: '' },
  usualEscort: { name: '', phone: '' },
  primaryClinicianId: '',
};

export function patientToFormValues(p: Patient): PatientFormValues {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    preferredName: p.preferredName ?? '',
    birthDate: p.birthDate,
    sexAtBirth: p.sexAtBirth,
    genderIdentity: p.genderIdentity ?? '',
    pronouns: p.pronouns ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    address: {
      line1: p.address?.line1 ?? '',
      line2: p.address?.line2 ?? '',
      city: p.address?.city ?? '',
      region: p.address?.region ?? '',
      postalCode: p.address?.postalCode ?? '',
      country: p.address?.country ?? DEFAULT_COUNTRY,
    },
    emergencyContact: {
      name: p.emergencyContact?.name ?? '',
      relationship: p.emergencyContact?.relationship ?? '',
      phone: p.emergencyContact?.phone ?? '',
    },
    usualEscort: { name: p.usualEscort?.name ?? '', phone: p.usualEscort?.phone ?? '' },
    primaryClinicianId: p.primaryClinician?.id ?? '',
  };
}

const blank = (...values: string[]): boolean => values.every((v) => v.trim() === '');

type PatientFields = Omit<PatientCreate, 'confirmDuplicate'>;

/** The body before validation: missing required text is undefined, cleared optional text is null. */
interface PatientDraft {
  givenName?: string;
  familyName?: string;
  preferredName: string | null;
  birthDate?: string;
  sexAtBirth?: string;
  genderIdentity: string | null;
  pronouns: string | null;
  phone: string | null;
  email: string | null;
  address: { line1?: string; line2: string | null; city?: string; region?: string; postalCode?: string; country: string } | null;
  emergencyContact: { name?: string; relationship: string | null; phone?: string } | null;
  usualEscort: { name?: string; phone?: string } | null;
  primaryClinicianId: string | null;
}

/**
 * A group (address, emergency contact, escort) left entirely blank is null; a group partly
 * filled is kept, so its missing parts are reported on their own fields.
 */
function toDraft(v: PatientFormValues): PatientDraft {
  const a = v.address;
  const ec = v.emergencyContact;
  const esc = v.usualEscort;
  return {
    givenName: requiredText(v.givenName),
    familyName: requiredText(v.familyName),
    preferredName: optionalText(v.preferredName),
    birthDate: requiredText(v.birthDate),
    sexAtBirth: requiredText(v.sexAtBirth),
    genderIdentity: optionalText(v.genderIdentity),
    pronouns: optionalText(v.pronouns),
    phone: optionalText(v.phone),
    email: optionalText(v.email),
    address: blank(a.line1, a.line2, a.city, a.region, a.postalCode)
      ? null
      : {
          line1: requiredText(a.line1),
          line2: optionalText(a.line2),
          city: requiredText(a.city),
          region: requiredText(a.region),
          postalCode: requiredText(a.postalCode),
          country: (requiredText(a.country) ?? DEFAULT_COUNTRY).toUpperCase(),
        },
    emergencyContact: blank(ec.name, ec.relationship, ec.phone)
      ? null
      : { name: requiredText(ec.name), relationship: optionalText(ec.relationship), phone: requiredText(ec.phone) },
    usualEscort: blank(esc.name, esc.phone) ? null : { name: requiredText(esc.name), phone: requiredText(esc.phone) },
    primaryClinicianId: optionalText(v.primaryClinicianId),
  };
}

/** Field errors for the whole form, from the same Zod schema the server applies. */
export function validatePatientForm(values: PatientFormValues): Record<string, string> {
  return schemaFormErrors(PatientCreate, toDraft(values));
}

/** The request body for valid values (trimmed, defaults applied), or null while any field is invalid. */
export function patientFormToBody(values: PatientFormValues): PatientFields | null {
  const parsed = PatientCreate.safeParse(toDraft(values));
  if (!parsed.success) return null;
  const { confirmDuplicate: _ignored, ...fields } = parsed.data;
  return fields;
}

/** Only the top-level fields that differ, for a PATCH that touches nothing else. */
export function changedPatientFields(before: PatientFormValues, after: PatientFormValues): Omit<PatientUpdate, 'version'> {
  const body = patientFormToBody(after);
  if (!body) return {};
  const a = toDraft(before);
  const b = toDraft(after);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(b) as (keyof PatientDraft)[]) {
    if (JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null)) changes[key] = body[key];
  }
  return changes as Omit<PatientUpdate, 'version'>;
}
