import { Alert, Button, Group, Stack, Text } from '@mantine/core';

export interface WriteErrorProps {
  /** What failed (`failureOf(error)` in api/api-error.ts): its kind decides the words, its message is shown. */
  failure: { kind: string; message: string };
  /** "save the changes", "create the ticket", "close the ticket" */
  doing: string;
  onRetry?: () => void;
  retrying?: boolean;
  /** Said after a network failure, before `Retry` (a create whose answer was lost may have happened). */
  retryNote?: string;
}

/**
 * Why a write failed (a form's submit, a dialog's action), beside what was typed, in words; what was typed
 * stays whatever the failure. 403: which permission is missing (the server's message); 400: the server's
 * message; no answer or a server error: `Retry`. Server text is rendered as text (it is untrusted). A 401 never
 * gets here: the session asks to sign in and the client sends again.
 */
export function WriteError({ failure, doing, onRetry, retrying = false, retryNote }: WriteErrorProps) {
  const { kind, message: serverMessage } = failure;
  let title: string;
  let message: string;
  let canRetry = false;
  switch (kind) {
    case 'forbidden':
      title = `You do not have permission to ${doing}`;
      message = `${serverMessage} Ask your Track-It! administrator for it; until then this action is turned off.`;
      break;
    case 'bad-request':
      title = `The server did not accept this`;
      message = serverMessage;
      break;
    case 'network':
      title = `Could not ${doing}: the server did not answer`;
      message = `${serverMessage} Everything you typed is still here. Check the connection and try again.${retryNote ? ` ${retryNote}` : ''}`;
      canRetry = true;
      break;
    case 'not-found':
      title = 'This ticket no longer exists';
      message = serverMessage;
      break;
    default:
      title = `The server could not ${doing}`;
      message = `${serverMessage} Everything you typed is still here.`;
      canRetry = true;
  }
  return (
    <Alert color={kind === 'network' ? 'orange' : 'red'} variant="light" title={title} role="alert">
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {message}
        </Text>
        {canRetry && onRetry ? (
          <Group>
            <Button size="xs" variant="default" onClick={onRetry} loading={retrying}>
              Retry
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
