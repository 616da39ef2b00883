import type { InventoryOverview } from '@glia/contracts';
import { Alert, Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconEye, IconSignature, IconUserCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../../lib/clinic-time.ts';

/** What needs attention: DEA deadlines (rule 38), investigations (rule 37), wastes to witness (rule 35), the full inventory (rule 37). */
export function OverviewAlerts({ overview }: { overview: InventoryOverview }): React.JSX.Element | null {
  const deadlines = overview.openLossReports.flatMap((r) => r.deadlines.filter((d) => d.status !== 'done').map((d) => ({ report: r, deadline: d })));
  const due = overview.inventoryDue;
  const items: React.JSX.Element[] = [];
  if (deadlines.length > 0) {
    items.push(
      <Alert key="loss" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="DEA deadlines running (rule 38)">
        <Stack gap={2}>
          {deadlines.map(({ report, deadline }) => (
            <Text size="sm" key={`${report.id}:${deadline.milestone}`}>
              {deadline.milestone === 'written-notice' ? 'Written notice to the DEA Field Division' : 'DEA Form 106'} for the {report.kind.replace('-', ' ')} found {formatCalendarDate(report.discoveredOn)}: due {formatCalendarDate(deadline.dueOn)}
              {deadline.status === 'overdue' ? ` — overdue by ${-deadline.daysLeft} days` : deadline.daysLeft === 0 ? ' — today' : ` — ${deadline.daysLeft} days left`}
            </Text>
          ))}
          <Anchor component={Link} to="/inventory/losses" size="sm">Open loss reports</Anchor>
        </Stack>
      </Alert>,
    );
  }
  if (overview.openInvestigations.length > 0) {
    items.push(
      <Alert key="inv" color="orange" variant="light" icon={<IconEye aria-hidden />} title="Count discrepancies to investigate (rule 37)">
        <Text size="sm">{overview.openInvestigations.length} open; the medical director resolves each.</Text>
        <Anchor component={Link} to="/inventory/counts" size="sm">Open counts</Anchor>
      </Alert>,
    );
  }
  if (overview.pendingWasteCount > 0) {
    items.push(
      <Alert key="waste" color="orange" variant="light" icon={<IconSignature aria-hidden />} title="Wastes waiting for a witness (rule 35)">
        <Text size="sm">{overview.pendingWasteCount} waiting. A second licensed person signs within the shift.</Text>
        <Anchor component={Link} to="/inventory/wastes" size="sm">Witness wastes</Anchor>
      </Alert>,
    );
  }
  const unverified = overview.lots.filter((l) => l.verifiedBy === null);
  if (unverified.length > 0) {
    items.push(
      <Alert key="verify" color="orange" variant="light" icon={<IconUserCheck aria-hidden />} title="Receipts awaiting a second person's verification">
        <Stack gap={2}>
          {unverified.map((l) => (
            <Anchor key={l.id} component={Link} to={`/inventory/lots/${l.id}`} size="sm">Lot {l.lotNumber}, received by {l.receivedBy.displayName}</Anchor>
          ))}
        </Stack>
      </Alert>,
    );
  }
  if (due.finding) {
    items.push(
      <Alert key="due" color={due.finding.severity === 'warning' ? 'orange' : 'blue'} variant="light" icon={<IconCalendarDue aria-hidden />} title="Full inventory (rule 37)">
        <Text size="sm">{due.finding.message}</Text>
        <Anchor component={Link} to="/inventory/counts/new?kind=biennial" size="sm">Take the inventory</Anchor>
      </Alert>,
    );
  }
  if (items.length === 0) return null;
  return <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="lg">{items}</SimpleGrid>;
}
