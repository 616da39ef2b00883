import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last resort when a screen crashes: say so plainly and offer a reload. No stack traces on screen. */
export function RouteErrorPage(): React.JSX.Element {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : null;
  return (
    <Center mih="60dvh" p="md" component="main">
      <Stack align="center" maw={520} gap="md" role="alert">
        <Title order={1}>Something went wrong on this screen</Title>
        <Text ta="center">
          Glia hit an unexpected problem showing this page{status ? ` (${status})` : ''}. Nothing you saved has been lost.
          Reload the page to continue; if it happens again, tell your administrator what you were doing.
        </Text>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
      </Stack>
    </Center>
  );
}
