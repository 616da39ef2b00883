import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';

interface TableSkeletonProps {
  rows?: number;
  /** Announced to screen readers while loading, e.g. "Loading patients". */
  label: string;
}

/** Placeholder rows while a table loads. */
export function TableSkeleton({ rows = 6, label }: TableSkeletonProps): React.JSX.Element {
  return (
    <Stack gap="xs" role="status" aria-live="polite">
      <VisuallyHidden>{label}</VisuallyHidden>
      <Skeleton height={36} radius="sm" />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={44} radius="sm" opacity={1 - i * 0.1} />
      ))}
    </Stack>
  );
}
