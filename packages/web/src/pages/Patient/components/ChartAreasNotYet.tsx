import { Badge, List, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';

const LATER = [
  { name: 'Treatment plans', what: "the prescriber's plan and the doses it allows" },
  { name: 'Outcomes', what: 'symptom scores over the course of treatment' },
];

/** The parts of the chart later versions add, listed honestly instead of shown empty. */
export function ChartAreasNotYet(): React.JSX.Element {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="lg" bg="gray.0">
      <Title order={2} id={headingId} fz="h3" mb={4}>
        More of the chart{' '}
        <Badge variant="light" color="gray" ml={4} style={{ verticalAlign: 'middle' }}>
          Not available yet
        </Badge>
      </Title>
      <Text c="dimmed" mb="xs">
        These parts of the patient chart come in later versions of Glia:
      </Text>
      <List spacing={4}>
        {LATER.map((item) => (
          <List.Item key={item.name}>
            <Text span fw={600} inherit>{item.name}</Text>: {item.what}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
