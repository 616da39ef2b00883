import type { FieldError, Patient, PatientSummary, PatientUpdate } from '@glia/contracts';
import { Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ApiError } from '../../../api/api-error.ts';
import { useClinicians } from '../../../api/clinicians/clinician-queries.ts';
import { duplicatesInProblem, isStaleVersionConflict, useFindProbableDuplicates } from '../../../api/patients/patient-duplicates.ts';
import { patientKeys } from '../../../api/patients/patient-keys.ts';
import { useUpdatePatient } from '../../../api/patients/patient-mutations.ts';
import { fetchPatient } from '../../../api/patients/patient-queries.ts';
import { DuplicatePatientDialog } from '../../../components/DuplicatePatientDialog/DuplicatePatientDialog.tsx';
import { applyServerFieldErrors } from '../../../components/PatientForm/apply-server-errors.ts';
import { PatientFormFields } from '../../../components/PatientForm/PatientFormFields.tsx';
import { changedPatientFields, patientToFormValues } from '../../../components/PatientForm/patient-form-values.ts';
import type { PatientFormValues } from '../../../components/PatientForm/patient-form-values.ts';
import { usePatientForm } from '../../../components/PatientForm/use-patient-form.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { focusFirstError } from '../../../lib/forms/focus-first-error.ts';
import { StaleEditAlert } from './StaleEditAlert.tsx';

type Changes = Omit<PatientUpdate, 'version'>;

interface PatientEditFormProps {
  patient: Patient;
  onDone: () => void;
}

/**
 * Edits a patient's details. Sends only the fields that changed, with the version the edit
 * started from: if someone else saved in between, the server refuses (409) and the user is
 * told, instead of one edit silently overwriting the other.
 */
export function PatientEditForm({ patient, onDone }: PatientEditFormProps): React.JSX.Element {
  const formRef = useRef<HTMLFormElement>(null);
  const queryClient = useQueryClient();
  const [base, setBase] = useState<{ version: number; values: PatientFormValues }>(() => ({
    version: patient.version,
    values: patientToFormValues(patient),
  }));
  const form = usePatientForm(base.values);
  const clinicians = useClinicians();
  const update = useUpdatePatient(patient.id);
  const findDuplicates = useFindProbableDuplicates();
  const [stale, setStale] = useState<Patient | null>(null);
  const [duplicate, setDuplicate] = useState<{ changes: Changes; detail: string | null; matches: PatientSummary[] } | null>(null);
  const [pageError, setPageError] = useState<{ error: ApiError; fields: FieldError[] } | null>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const loadFresh = (): Promise<Patient | null> =>
    queryClient
      .fetchQuery({ queryKey: patientKeys.detail(patient.id), queryFn: ({ signal }) => fetchPatient(patient.id, signal), staleTime: 0 })
      .catch(() => null);

  /** Handles a 409: a stale version (someone else saved) or a probable duplicate. Returns false if neither. */
  const onConflict = async (changes: Changes, error: ApiError, confirmedDuplicate: boolean): Promise<boolean> => {
    const named = duplicatesInProblem(error);
    if (!named || isStaleVersionConflict(error)) {
      const fresh = await loadFresh();
      if (fresh && fresh.version !== base.version) {
        setStale(fresh);
        return true;
      }
    }
    if (confirmedDuplicate) return false;
    const v = form.values;
    const matches =
      named ??
      (await findDuplicates({ givenName: v.givenName, familyName: v.familyName, birthDate: v.birthDate, excludeId: patient.id }).catch(() => []));
    setDuplicate({ changes, detail: error.problem.detail ?? null, matches });
    return true;
  };

  const onError = async (error: ApiError, changes: Changes, confirmDuplicate: boolean): Promise<void> => {
    setDuplicate(null);
    if (error.status === 409 && (await onConflict(changes, error, confirmDuplicate))) return;
    const unmatched = applyServerFieldErrors(form, error);
    if (unmatched) focusFirstError(formRef.current);
    setPageError({ error, fields: unmatched ?? error.fieldErrors });
  };

  const send = (changes: Changes, confirmDuplicate = false): void => {
    setPageError(null);
    const body: PatientUpdate = { ...changes, version: base.version, ...(confirmDuplicate ? { confirmDuplicate: true } : {}) };
    update.mutate(body, {
      onSuccess: () => {
        setDuplicate(null);
        notifications.show({ color: 'green', title: 'Changes saved', message: 'The patient’s details are up to date.' });
        onDone();
      },
      onError: (error) => void onError(error, changes, confirmDuplicate),
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>): void =>
    form.onSubmit(
      (values) => {
        const changes = changedPatientFields(base.values, values);
        if (Object.keys(changes).length === 0) {
          notifications.show({ title: 'Nothing to save', message: 'No details were changed.' });
          onDone();
          return;
        }
        send(changes);
      },
      () => focusFirstError(formRef.current),
    )(event);

  const loadLatest = (): void => {
    if (!stale) return;
    const values = patientToFormValues(stale);
    setBase({ version: stale.version, values });
    form.setInitialValues(values);
    form.setValues(values);
    form.clearErrors();
    setStale(null);
  };

  return (
    <>
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Edit patient details">
        <Stack gap="lg" maw={1100}>
          {stale && <StaleEditAlert latest={stale} onLoadLatest={loadLatest} onCancel={onDone} />}
          {pageError && <ProblemAlert error={pageError.error} fields={pageError.fields} title="Your changes were not saved" />}
          <PatientFormFields
            form={form}
            clinicians={{
              options: clinicians.data ?? [],
              loading: clinicians.isPending,
              error: clinicians.isError ? 'Could not load the clinician list.' : null,
            }}
          />
          <Group gap="sm">
            <Button type="submit" loading={update.isPending && !duplicate} disabled={stale !== null}>
              Save changes
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
      <DuplicatePatientDialog
        opened={duplicate !== null}
        detail={duplicate?.detail ?? null}
        matches={duplicate?.matches ?? []}
        action="save"
        confirming={update.isPending}
        onClose={() => setDuplicate(null)}
        onConfirm={() => duplicate && send(duplicate.changes, true)}
      />
    </>
  );
}
