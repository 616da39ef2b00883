import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';

export function ClinicSettingsSkeleton(): React.JSX.Element {
  return (
    <Stack gap="md" maw={640} role="status" aria-live="polite">
      <VisuallyHidden>Loading clinic settings</VisuallyHidden>
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={64} radius="md" />
      ))}
    </Stack>
  );
}
