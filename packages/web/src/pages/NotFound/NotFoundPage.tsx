import { Button, EmptyState } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';

export function NotFoundPage(): React.JSX.Element {
  useDocumentTitle('Page not found · Glia');
  return (
    <EmptyState py="xl" icon={<IconSearch size={32} aria-hidden />} withIndicatorBackground>
      <EmptyState.Title order={1}>Page not found</EmptyState.Title>
      <EmptyState.Description>There is no page at this address in Glia. The link may be mistyped or out of date.</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/">Go to the start page</Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
