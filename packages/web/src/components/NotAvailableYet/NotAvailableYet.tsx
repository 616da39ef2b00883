import { Badge, EmptyState } from '@mantine/core';
import type { TablerIcon } from '@tabler/icons-react';

interface NotAvailableYetProps {
  icon: TablerIcon;
  /** What will come here, in a sentence. */
  description: string;
  title?: string;
  /** Heading level of the title, so it fits the page's outline. */
  order?: 2 | 3;
}

/** A part of Glia that is planned but not built yet. Shows no placeholder data. */
export function NotAvailableYet({ icon: Icon, description, title = 'Not available yet', order = 2 }: NotAvailableYetProps): React.JSX.Element {
  return (
    <EmptyState py="xl" icon={<Icon size={32} aria-hidden />} withIndicatorBackground>
      <EmptyState.Title order={order}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      <EmptyState.Actions>
        <Badge variant="light" color="gray" size="lg" tt="none">Coming in a later version of Glia</Badge>
      </EmptyState.Actions>
    </EmptyState>
  );
}
