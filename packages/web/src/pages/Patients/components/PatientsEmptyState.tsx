import { Button, EmptyState } from '@mantine/core';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';

interface PatientsEmptyStateProps {
  query: string;
  canRegister: boolean;
  onClear: () => void;
}

export function PatientsEmptyState({ query, canRegister, onClear }: PatientsEmptyStateProps): React.JSX.Element {
  if (query) {
    return (
      <EmptyState py="xl" icon={<IconSearch size={32} aria-hidden />} withIndicatorBackground>
        <EmptyState.Title order={2}>No patient matches “{query}”</EmptyState.Title>
        <EmptyState.Description>
          Check the spelling, try the family name only, or search by date of birth (YYYY-MM-DD) or MRN.
        </EmptyState.Description>
        <EmptyState.Actions>
          <Button variant="default" onClick={onClear}>Clear search</Button>
          {canRegister && <Button component={Link} to="/patients/new">Register a new patient</Button>}
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  return (
    <EmptyState py="xl" icon={<IconUsers size={32} aria-hidden />} withIndicatorBackground>
      <EmptyState.Title order={2}>No patients yet</EmptyState.Title>
      <EmptyState.Description>
        {canRegister ? 'Patients you register appear here.' : 'Patients appear here once the front desk or clinical staff register them.'}
      </EmptyState.Description>
      {canRegister && (
        <EmptyState.Actions>
          <Button component={Link} to="/patients/new">Register the first patient</Button>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}
