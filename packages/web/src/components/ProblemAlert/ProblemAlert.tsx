import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { FieldError } from '@glia/contracts';
import type { ReactNode } from 'react';
import { isApiError } from '../../api/api-error.ts';

interface ProblemAlertProps {
  error: unknown;
  /** Heading; defaults to the server's problem title. */
  title?: string;
  /** The field errors to list; defaults to all of the problem's. Pass those not shown next to an input. */
  fields?: readonly FieldError[];
  children?: ReactNode;
}

/** An error from the server, in the server's own words, with its request id for support. */
export function ProblemAlert({ error, title, fields, children }: ProblemAlertProps): React.JSX.Element {
  const problem = isApiError(error) ? error.problem : null;
  const detail = problem ? (problem.detail ?? (title ? problem.title : null)) : error instanceof Error ? error.message : 'Something went wrong.';
  const listed = fields ?? problem?.errors ?? [];
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title ?? problem?.title ?? 'Something went wrong'}>
      {detail && <Text size="sm">{detail}</Text>}
      {listed.length > 0 && (
        <List size="sm" mt="xs">
          {listed.map((e) => (
            <List.Item key={`${e.field}:${e.reason}`}>
              <Text span fw={600} size="sm">{e.field}</Text>: {e.reason}
            </List.Item>
          ))}
        </List>
      )}
      {problem?.rule !== undefined && (
        <Text size="sm" mt="xs">Clinical rule {problem.rule}</Text>
      )}
      {children}
      {problem?.requestId && (
        <Text size="xs" c="dimmed" mt="xs">Reference for support: {problem.requestId}</Text>
      )}
    </Alert>
  );
}
