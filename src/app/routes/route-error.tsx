import { Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Last resort for an error no screen caught, e.g. a code chunk that no longer exists after the site installed a
 * new version: say so and offer a reload instead of a blank page.
 */
export function RouteError() {
  const error = useRouteError();
  const chunkMissing =
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Center mih="100dvh" p="md" component="main">
      <Stack maw={560} gap="md">
        <Title order={1} fz="h2">
          {chunkMissing ? 'The help desk was updated' : 'Something went wrong'}
        </Title>
        <Text>
          {chunkMissing
            ? 'A newer version was installed while this page was open. Reload to load it.'
            : 'This page hit an unexpected problem. Reloading usually helps; if it keeps happening, tell your administrator what is shown below.'}
        </Text>
        {chunkMissing ? null : <Code block>{describe(error)}</Code>}
        <div>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </div>
      </Stack>
    </Center>
  );
}
