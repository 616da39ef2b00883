import { BreakGlassBody, BreakGlassGrant } from '@glia/contracts';
import { Alert, Button, Stack, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError } from '../../api/api-error.ts';
import { errorMessage } from '../../api/api-error.ts';
import { apiRequest } from '../../api/http.ts';

/** Shown instead of a chart outside the user's care team: emergency access with a reason, recorded for the medical director. */
export function BreakGlassForm({ patientId, message }: { patientId: string; message: string }): React.JSX.Element {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const open = useMutation<BreakGlassGrant, ApiError, string>({
    mutationFn: (text) => apiRequest('POST', `/api/patients/${patientId}/break-glass`, { body: { reason: text }, schema: BreakGlassGrant }),
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  const check = BreakGlassBody.safeParse({ reason });
  const reasonError = reason && !check.success ? check.error.issues[0]?.message : undefined;
  return (
    <form
      aria-label="Emergency access"
      onSubmit={(e) => {
        e.preventDefault();
        if (check.success) open.mutate(check.data.reason);
      }}
    >
      <Stack gap="sm" maw={640}>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Not on this patient's care team">
          {message}
        </Alert>
        <Textarea
          label="Reason for emergency access"
          description="Shown to the medical director with your name and the time. Access lasts 4 hours."
          autosize
          minRows={2}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError ? `Reason ${reasonError}` : undefined}
        />
        {open.isError && <Alert color="red" role="alert">{errorMessage(open.error)}</Alert>}
        <Button type="submit" color="orange" disabled={!check.success} loading={open.isPending} leftSection={<IconLockOpen size={18} aria-hidden />} w="fit-content">
          Break the glass and open the chart
        </Button>
      </Stack>
    </form>
  );
}
