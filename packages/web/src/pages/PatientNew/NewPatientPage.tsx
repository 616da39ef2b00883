import type { FieldError, PatientCreate, PatientSummary } from '@glia/contracts';
import { Button, Group, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ApiError } from '../../api/api-error.ts';
import { useClinicians } from '../../api/clinicians/clinician-queries.ts';
import { duplicatesInProblem, useFindProbableDuplicates } from '../../api/patients/patient-duplicates.ts';
import { useCreatePatient } from '../../api/patients/patient-mutations.ts';
import { DuplicatePatientDialog } from '../../components/DuplicatePatientDialog/DuplicatePatientDialog.tsx';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { applyServerFieldErrors } from '../../components/PatientForm/apply-server-errors.ts';
import { PatientFormFields } from '../../components/PatientForm/PatientFormFields.tsx';
import { emptyPatientFormValues, patientFormToBody } from '../../components/PatientForm/patient-form-values.ts';
import { usePatientForm } from '../../components/PatientForm/use-patient-form.ts';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert.tsx';
import { focusFirstError } from '../../lib/forms/focus-first-error.ts';

interface PendingDuplicate {
  body: PatientCreate;
  detail: string | null;
  matches: PatientSummary[];
}

export function NewPatientPage(): React.JSX.Element {
  useDocumentTitle('New patient · Glia');
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const form = usePatientForm(emptyPatientFormValues);
  const clinicians = useClinicians();
  const create = useCreatePatient();
  const findDuplicates = useFindProbableDuplicates();
  const [duplicate, setDuplicate] = useState<PendingDuplicate | null>(null);
  const [pageError, setPageError] = useState<{ error: ApiError; fields: FieldError[] } | null>(null);

  const onError = async (error: ApiError, body: PatientCreate): Promise<void> => {
    if (error.status === 409 && !body.confirmDuplicate) {
      const matches = duplicatesInProblem(error) ?? (await findDuplicates(body).catch(() => []));
      setDuplicate({ body, detail: error.problem.detail ?? null, matches });
      return;
    }
    setDuplicate(null);
    const unmatched = applyServerFieldErrors(form, error);
    if (unmatched) focusFirstError(formRef.current);
    setPageError({ error, fields: unmatched ?? error.fieldErrors });
  };

  const send = (body: PatientCreate): void => {
    setPageError(null);
    create.mutate(body, {
      onSuccess: (patient) => {
        setDuplicate(null);
        notifications.show({ color: 'green', title: 'Patient registered', message: `MRN ${patient.mrn}` });
        void navigate(`/patients/${patient.id}`, { replace: true });
      },
      onError: (error) => void onError(error, body),
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>): void =>
    form.onSubmit(
      (values) => {
        const body = patientFormToBody(values);
        if (body) send(body);
      },
      () => focusFirstError(formRef.current),
    )(event);

  return (
    <>
      <PageHeader title="New patient" description="Fields marked * are required. Everything else can be added later." />
      <form ref={formRef} onSubmit={submit} noValidate aria-label="New patient">
        <Stack gap="lg" maw={1100}>
          {pageError && (
            <ProblemAlert error={pageError.error} fields={pageError.fields} title="The patient was not registered" />
          )}
          <PatientFormFields
            form={form}
            clinicians={{
              options: clinicians.data ?? [],
              loading: clinicians.isPending,
              error: clinicians.isError ? 'Could not load the clinician list; you can choose one later.' : null,
            }}
          />
          <Group gap="sm">
            <Button type="submit" loading={create.isPending && !duplicate}>Register patient</Button>
            <Button variant="default" component={Link} to="/patients">Cancel</Button>
          </Group>
        </Stack>
      </form>
      <DuplicatePatientDialog
        opened={duplicate !== null}
        detail={duplicate?.detail ?? null}
        matches={duplicate?.matches ?? []}
        action="register"
        confirming={create.isPending}
        onClose={() => setDuplicate(null)}
        onConfirm={() => duplicate && send({ ...duplicate.body, confirmDuplicate: true })}
      />
    </>
  );
}
