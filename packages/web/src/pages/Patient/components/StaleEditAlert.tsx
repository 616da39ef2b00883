import type { Patient } from '@glia/contracts';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRefresh, IconUsers } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useClinicTimeZone } from '../../../auth/session-context.ts';
import { formatInstant } from '../../../lib/clinic-time.ts';

interface StaleEditAlertProps {
  latest: Patient;
  onLoadLatest: () => void;
  onCancel: () => void;
}

/** Someone else saved this patient after the edit began; nothing of this edit was saved. */
export function StaleEditAlert({ latest, onLoadLatest, onCancel }: StaleEditAlertProps): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center' });
  }, []);
  return (
    <Alert ref={ref} role="alert" color="orange" variant="light" icon={<IconUsers aria-hidden />} title="Someone else changed this patient">
      <Text size="sm">
        While you were editing, these details were changed by someone else (saved {formatInstant(latest.updatedAt, timeZone)}).
        Your changes have not been saved. Load the latest version, then make your changes again.
      </Text>
      <Group gap="sm" mt="sm">
        <Button size="sm" color="orange" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onLoadLatest}>
          Load the latest version
        </Button>
        <Button size="sm" variant="default" onClick={onCancel}>
          Stop editing
        </Button>
      </Group>
    </Alert>
  );
}
