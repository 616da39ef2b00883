import { CloseButton, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

interface PatientSearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
}

export function PatientSearchBox({ value, onChange, maxLength }: PatientSearchBoxProps): React.JSX.Element {
  return (
    <TextInput
      label="Search patients"
      description="Name, MRN, phone, or date of birth as YYYY-MM-DD or MM/DD/YYYY"
      type="search"
      autoFocus
      autoComplete="off"
      spellCheck={false}
      maxLength={maxLength}
      maw={560}
      mb="sm"
      leftSection={<IconSearch size={18} aria-hidden />}
      rightSection={value ? <CloseButton aria-label="Clear search" onClick={() => onChange('')} /> : null}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && value) onChange('');
      }}
    />
  );
}
