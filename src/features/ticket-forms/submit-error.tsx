import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { isApiError } from '../../api/api-error.ts';

export interface SubmitErrorProps {
  error: unknown;
  /** "save the changes", "create the ticket" */
  doing: string;
  onRetry?: () => void;
  retrying?: boolean;
  /** Said after a network failure, before `Retry` (a create whose answer was lost may have happened). */
  retryNote?: string;
}

/**
 * Why a submit failed, next to the form, in words; the form keeps every value whatever the failure. Server
 * messages are rendered as text (they are untrusted).
 */
export function SubmitError({ error, doing, onRetry, retrying = false, retryNote }: SubmitErrorProps) {
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
