import { Group, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import classes from './DemoBanner.module.css';

/** Shown on every screen while the demo clinic is loaded, so nobody mistakes it for real care. */
export function DemoBanner({ mfaRequired }: { mfaRequired: boolean }): React.JSX.Element {
  return (
    <Group component="div" role="note" aria-label="Demo clinic" className={classes.banner} gap="xs" justify="center" wrap="nowrap">
      <IconFlask size={18} aria-hidden />
      <Text size="sm" fw={700} className={classes.text}>
        DEMO — Demo clinic: all patients are fictional{mfaRequired ? '' : ' · MFA sign-in is off for the demo logins (a real clinic requires it)'}
      </Text>
    </Group>
  );
}
