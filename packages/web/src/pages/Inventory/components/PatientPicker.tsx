import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { usePatientSearch } from '../../../api/patients/patient-queries.ts';

interface PatientPickerProps {
  value: string;
  onChange: (patientId: string) => void;
  error?: string | undefined;
  /** A patient already chosen elsewhere (e.g. the patient of the draw), shown when the search is empty. */
  initialLabel?: string | null;
}

/** Find a patient by name or MRN and choose them. */
export function PatientPicker({ value, onChange, error, initialLabel }: PatientPickerProps): React.JSX.Element {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const results = usePatientSearch(debounced, 20);
  const options = (results.data ?? []).map((p) => ({ value: p.id, label: `${p.familyName}, ${p.givenName} (${p.mrn})` }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      label="Patient"
      placeholder="Type a name or MRN"
      searchable
      required
      data={options}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No patient found'}
      filter={({ options: all }) => all}
      error={error}
    />
  );
}
