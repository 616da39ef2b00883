import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { errorMessage } from '../../../api/api-error.ts';
import type { AuditFilters } from '../../../api/audit/audit-keys.ts';
import { auditExportUrl, useVerifyAuditChain } from '../../../api/audit/audit-queries.ts';

/** Export the filtered trail as CSV, and check that no entry was altered or removed. */
export function AuditReportActions({ filters }: { filters: AuditFilters }): React.JSX.Element {
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <>
      <Group gap="sm">
        <Button component="a" href={auditExportUrl(filters)} download variant="default" leftSection={<IconDownload size={18} aria-hidden />}>
          Export CSV
        </Button>
        <Button variant="default" leftSection={<IconShieldCheck size={18} aria-hidden />} loading={verify.isPending} onClick={() => verify.mutate()}>
          Verify the trail
        </Button>
      </Group>
      {verify.isError && (
        <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Could not verify">
          {errorMessage(verify.error)}
        </Alert>
      )}
      {result && (
        result.ok ? (
          <Alert role="status" color="green" variant="light" icon={<IconShieldCheck aria-hidden />} title="The audit trail is intact">
            All {result.checked} entries link to each other and match their hashes: none was altered or removed.
          </Alert>
        ) : (
          <Alert role="alert" color="red" variant="filled" icon={<IconAlertTriangle aria-hidden />} title="The audit trail was tampered with">
            Entry {result.firstBroken?.seq} {result.firstBroken?.reason}. {result.checked} entries before it are intact. Tell your security officer.
          </Alert>
        )
      )}
    </>
  );
}
