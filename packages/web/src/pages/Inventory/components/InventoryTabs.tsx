import { Badge, Group, Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';

const SECTIONS = [
  { path: '/inventory', label: 'Stock' },
  { path: '/inventory/counts', label: 'Counts' },
  { path: '/inventory/wastes', label: 'Witness wastes' },
  { path: '/inventory/losses', label: 'Losses' },
  { path: '/inventory/reports', label: 'Reports' },
  { path: '/inventory/setup', label: 'Products and storage' },
] as const;

/** Sub-navigation of the inventory area. */
export function InventoryTabs({ pendingWastes }: { pendingWastes?: number }): React.JSX.Element {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = [...SECTIONS].reverse().find((s) => pathname === s.path || (s.path !== '/inventory' && pathname.startsWith(s.path)))?.path ?? '/inventory';
  return (
    <Tabs value={current} onChange={(value) => value && void navigate(value)} mb="lg" keepMounted={false}>
      <Tabs.List aria-label="Inventory sections">
        {SECTIONS.map((s) => (
          <Tabs.Tab key={s.path} value={s.path}>
            <Group gap={6} wrap="nowrap">
              {s.label}
              {s.path === '/inventory/wastes' && pendingWastes !== undefined && pendingWastes > 0 && (
                <Badge size="sm" color="orange" circle aria-label={`${pendingWastes} waiting`}>{pendingWastes}</Badge>
              )}
            </Group>
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
