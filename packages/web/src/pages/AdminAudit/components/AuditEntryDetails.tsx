import type { AuditEntry } from '@glia/contracts';
import { Code, DataList, Modal } from '@mantine/core';
import { formatInstant } from '../../../lib/clinic-time.ts';

interface AuditEntryDetailsProps {
  entry: AuditEntry | null;
  timeZone: string;
  onClose: () => void;
}

/** Everything recorded for one entry, including the hash that chains it to the one before. */
export function AuditEntryDetails({ entry, timeZone, onClose }: AuditEntryDetailsProps): React.JSX.Element {
  return (
    <Modal opened={entry !== null} onClose={onClose} title={entry ? `Audit entry ${entry.seq}` : 'Audit entry'} size="xl">
      {entry && (
        <DataList labelWidth={140} gap="xs">
          {[
            ['Time', `${formatInstant(entry.occurredAt, timeZone, { withSeconds: true })} · ${entry.occurredAt}`],
            ['User', entry.userEmail ? `${entry.userEmail} (${entry.userId ?? 'no id'})` : (entry.userId ?? 'System')],
            ['Action', entry.action],
            ['Resource', `${entry.resourceType}${entry.resourceId ? ` ${entry.resourceId}` : ''}`],
            ['Patient', entry.patientId ?? '—'],
            ['Outcome', entry.outcome],
            ['Client address', entry.clientIp ?? '—'],
            ['Request id', entry.requestId ?? '—'],
            ['Hash', entry.hash],
          ].map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue style={{ wordBreak: 'break-all' }}>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
          <DataList.Item>
            <DataList.ItemLabel>Details</DataList.ItemLabel>
            <DataList.ItemValue>
              <Code block>{JSON.stringify(entry.details, null, 2)}</Code>
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
      )}
    </Modal>
  );
}
