import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { isApiError } from '../../api/api-error.ts';

export interface ActionErrorProps {
  error: unknown;
  /** "change the status", "close the ticket", "delete the ticket" */
  doing: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/**
 * Why a dialog's write failed, inside the dialog, in words; what was typed stays. 403: which permission is
 * missing (the server's message); 400: the server's message; no answer: `Retry`. Server text is rendered as
 * text (it is untrusted). A 401 never gets here: the session asks to sign in and the client sends again.
 */
export function ActionError({ error, doing, onRetry, retrying = false }: ActionErrorProps) {
  const kind = isApiError(error) ? error.kind : 'unknown';
  const serverMessage = error instanceof Error ? error.message : String(error);
  let title: string;
  let message: string;
  let canRetry = false;
  switch (kind) {
    case 'forbidden':
      title = `You do not have permission to ${doing}`;
      message = `${serverMessage} Ask your Track-It! administrator for it; until then this action is turned off.`;
      break;
    case 'bad-request':
      title = 'The server did not accept this';
      message = serverMessage;
      break;
    case 'not-found':
      title = 'This ticket no longer exists';
      message = serverMessage;
      break;
    case 'network':
      title = `Could not ${doing}: the server did not answer`;
      message = `${serverMessage} Everything you typed is still here. Check the connection and try again.`;
      canRetry = true;
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
