import type { ReactNode } from 'react';
import { isApiError } from '../../api/api-error.ts';
import { ErrorState } from '../../ui/status-states.tsx';
import type { ErrorDescription } from '../../ui/query-boundary.tsx';

/**
 * A load failure in words, by the ApiError's kind (never by one status: decisions.md says not to assume one
 * status for "not found"). `what` names the thing, e.g. "ticket 101" or "the notes".
 */
export function describeLoadError(error: unknown, what: string): ErrorDescription {
  if (!isApiError(error)) {
    return {
      title: `Could not show ${what}`,
      message: 'Something went wrong in the app. Try again.',
      retryable: true,
    };
  }
  switch (error.kind) {
    case 'not-found':
      return {
        title: `${capitalize(what)} was not found`,
        message:
          'It may have been deleted, the number may be wrong, or it belongs to a group you cannot see.',
        retryable: false,
      };
    case 'forbidden':
      return {
        title: `You do not have permission to view ${what}`,
        message: `Ask your Track-It! administrator for access. The server said: ${error.message}`,
        retryable: false,
      };
    case 'network':
      return {
        title: 'The Track-It! server cannot be reached',
        message: `Check your network connection, then try again. (${error.message})`,
        retryable: true,
      };
    case 'server':
      return {
        title: 'The Track-It! server had a problem',
        message: `It answered with an error${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message}`,
        retryable: true,
      };
    case 'malformed':
    case 'not-trackit':
      return {
        title: 'The server’s answer could not be read',
        message: `${capitalize(what)} came back in a shape this app does not understand: ${error.message}`,
        retryable: true,
      };
    case 'unauthorized':
    case 'invalid-credentials':
      return {
        title: 'Your session has ended',
        message: 'Sign in again to carry on.',
        retryable: true,
      };
    case 'bad-request':
      return {
        title: `The server refused to show ${what}`,
        message: error.message,
        retryable: false,
      };
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface TicketProblemProps {
  error: unknown;
  what: string;
  onRetry: () => void;
  retrying: boolean;
  /** A way out (e.g. a link home) for failures a retry will not fix. */
  actions?: ReactNode;
}

/** The state of a failed load, with Retry only where trying again can help. */
export function TicketProblem({ error, what, onRetry, retrying, actions }: TicketProblemProps) {
  const description = describeLoadError(error, what);
  return (
    <ErrorState
      title={description.title}
      message={description.message}
      onRetry={description.retryable ? onRetry : undefined}
      retrying={retrying}
      actions={description.retryable ? undefined : actions}
    />
  );
}

/** The URL's id is not a ticket number: said at once, without asking the server. */
export function MalformedTicketId({ raw, actions }: { raw: string; actions?: ReactNode }) {
  return (
    <ErrorState
      title="That is not a ticket number"
      message={`“${raw}” is not a ticket number. Ticket numbers are whole numbers above zero, such as 101.`}
      actions={actions}
    />
  );
}
