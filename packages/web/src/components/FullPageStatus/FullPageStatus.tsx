import { Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface FullPageStatusProps {
  /** Said to everyone, sighted or not, e.g. "Loading Glia…". */
  label: string;
  loading?: boolean;
  children?: ReactNode;
}

/** Whole-screen loading or failure state, before the app shell exists. */
export function FullPageStatus({ label, loading = false, children }: FullPageStatusProps): React.JSX.Element {
  return (
    <Center mih="100dvh" p="md">
      <Stack align="center" gap="md" maw={480} role="status" aria-live="polite">
        {loading && <Loader aria-hidden />}
        <Text size="lg">{label}</Text>
        {children}
      </Stack>
    </Center>
  );
}
