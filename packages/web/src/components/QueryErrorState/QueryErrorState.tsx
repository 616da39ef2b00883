import { Button, EmptyState } from '@mantine/core';
import { IconRefresh, IconSearch } from '@tabler/icons-react';
import { isApiError } from '../../api/api-error.ts';
import { NoAccess } from '../NoAccess/NoAccess.tsx';
import { ProblemAlert } from '../ProblemAlert/ProblemAlert.tsx';

interface QueryErrorStateProps {
  error: unknown;
  /** What failed to load, e.g. "this patient"; used in the 403 and 404 messages. */
  what: string;
  onRetry?: () => void;
}

/** A failed load: no access (403), not found (404), or the server's message with a retry. */
export function QueryErrorState({ error, what, onRetry }: QueryErrorStateProps): React.JSX.Element {
  if (isApiError(error) && error.status === 403) return <NoAccess what={what} />;
  if (isApiError(error) && error.status === 404) {
    return (
      <EmptyState py="xl" icon={<IconSearch size={32} aria-hidden />} withIndicatorBackground>
        <EmptyState.Title order={2}>Not found</EmptyState.Title>
        <EmptyState.Description>We could not find {what}. It may have been removed, or the link is wrong.</EmptyState.Description>
      </EmptyState>
    );
  }
  return (
    <ProblemAlert error={error} title={`Could not load ${what}`}>
      {onRetry && (
        <Button mt="sm" size="sm" variant="white" color="red" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRetry}>
          Try again
        </Button>
      )}
    </ProblemAlert>
  );
}
