import { SimpleGrid, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

export function PatientPageSkeleton(): React.JSX.Element {
  return (
    <Stack gap="lg" role="status" aria-live="polite">
      <VisuallyHidden>Loading patient</VisuallyHidden>
      <Skeleton height={34} width="40%" />
      <Skeleton height={22} width="60%" />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={160} radius="md" />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
