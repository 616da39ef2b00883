import { Text } from '@mantine/core';

interface SearchResultStatusProps {
  query: string;
  count: number | null;
  limit: number;
  busy: boolean;
}

/** One line read out to screen readers as results change. */
export function SearchResultStatus({ query, count, limit, busy }: SearchResultStatusProps): React.JSX.Element {
  let text = '';
  if (busy) text = 'Searching…';
  else if (count !== null && count > 0) {
    const noun = count === 1 ? 'patient' : 'patients';
    const scope = query ? ` matching “${query}”` : '';
    text = count >= limit ? `Showing the first ${count} ${noun}${scope}. Type more to narrow the search.` : `${count} ${noun}${scope}`;
  }
  return (
    <Text size="sm" c="dimmed" mb="sm" mih="1.5em" role="status" aria-live="polite">
      {text}
    </Text>
  );
}
