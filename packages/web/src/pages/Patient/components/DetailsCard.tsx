import { DataList, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';

export interface DetailItem {
  label: string;
  value: ReactNode;
}

interface DetailsCardProps {
  title: string;
  items: DetailItem[];
  /** Said when the whole section is empty, e.g. "No emergency contact recorded". */
  emptyText?: string;
  children?: ReactNode;
}

const NOT_RECORDED = (
  <Text span c="dimmed" inherit>
    Not recorded
  </Text>
);

/** One section of the chart as label/value pairs; a missing value says so rather than staying blank. */
export function DetailsCard({ title, items, emptyText, children }: DetailsCardProps): React.JSX.Element {
  const headingId = useId();
  const empty = emptyText !== undefined && items.every((i) => i.value === null || i.value === undefined || i.value === '');
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="lg">
      <Title order={2} id={headingId} fz="h3" mb="sm">
        {title}
      </Title>
      {children}
      {empty ? (
        <Text c="dimmed">{emptyText}</Text>
      ) : (
        <DataList size="md" labelWidth={170} gap="xs">
          {items.map((item) => (
            <DataList.Item key={item.label}>
              <DataList.ItemLabel>{item.label}</DataList.ItemLabel>
              <DataList.ItemValue>{item.value === null || item.value === undefined || item.value === '' ? NOT_RECORDED : item.value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      )}
    </Paper>
  );
}
