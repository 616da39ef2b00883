import { ROLES } from '@glia/contracts';
import { Badge, Button, Collapse, Group, Paper, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown } from '@tabler/icons-react';
import { useId } from 'react';
import { ROLE_LABELS } from '../../../auth/roles.ts';

const DEMO_PASSWORD = 'glia-demo';

/**
 * The demo clinic's logins. The page cannot know before login whether the demo clinic is
 * loaded, so this is a small, collapsed note, clearly labelled as demo-only.
 */
export function DemoLoginsNote(): React.JSX.Element {
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = useId();
  return (
    <Paper withBorder radius="lg" p="sm" bg="white">
      <Button
        variant="subtle"
        color="gray"
        fullWidth
        justify="space-between"
        rightSection={<IconChevronDown size={18} aria-hidden style={{ transform: opened ? 'rotate(180deg)' : undefined }} />}
        aria-expanded={opened}
        aria-controls={panelId}
        onClick={toggle}
      >
        <Group gap="xs">
          <Badge color="yellow" variant="filled" c="black">Demo</Badge>
          Demo clinic logins
        </Group>
      </Button>
      <Collapse expanded={opened} id={panelId}>
        <Text size="sm" mt="sm" px="xs">
          Only for the demo clinic, whose patients are all fictional. Every demo account uses the password{' '}
          <Text span ff="monospace" fw={600}>{DEMO_PASSWORD}</Text>. Real clinics have no such accounts.
        </Text>
        <Table.ScrollContainer minWidth={360} mt="xs">
          <Table fz="sm" verticalSpacing={6} horizontalSpacing="xs" aria-label="Demo clinic logins">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">E-mail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ROLES.map((role) => (
                <Table.Tr key={role}>
                  <Table.Td>{ROLE_LABELS[role]}</Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{role}@demo.glia.local</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </Paper>
  );
}
