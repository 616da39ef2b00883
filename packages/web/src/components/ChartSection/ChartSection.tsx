import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';

interface ChartSectionProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** Heading level inside the page (the page has the h1). */
  order?: 2 | 3;
}

/** One labelled part of the chart: a bordered section whose heading names it for screen readers. */
export function ChartSection({ title, description, actions, children, order = 3 }: ChartSectionProps): React.JSX.Element {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="lg">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="sm">
        <div>
          <Title order={order} id={headingId} fz={order === 2 ? 'h3' : 'h4'}>
            {title}
          </Title>
          {description && <Text c="dimmed" size="sm">{description}</Text>}
        </div>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
