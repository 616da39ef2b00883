import { EmptyState } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';

export function AuditEmptyState({ filtered }: { filtered: boolean }): React.JSX.Element {
  return (
    <EmptyState py="xl" icon={<IconListDetails size={32} aria-hidden />} withIndicatorBackground>
      <EmptyState.Title order={2}>{filtered ? 'No entries match these filters' : 'No audit entries yet'}</EmptyState.Title>
      <EmptyState.Description>
        {filtered ? 'Widen the dates or clear a filter.' : 'Entries appear here as staff sign in and work with records.'}
      </EmptyState.Description>
    </EmptyState>
  );
}
