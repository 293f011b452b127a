import { Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context.ts';
import { failureOf, isApiError } from '../../api/api-error.ts';
import { WriteError } from '../../ui/write-error.tsx';
import { ticketKeys } from '../../api/queries.ts';
import { deleteTicket } from '../../api/tickets-api.ts';
import { ActionDialog } from './action-dialog.tsx';
import { markForbidden } from '../../api/forbidden-actions.ts';

export interface DeleteTicketDialogProps {
  ticketId: number;
  summary: string | null;
  owner: string | null;
  opened: boolean;
  onClose: () => void;
  /** After the server deleted it: the route drops it from the index, recent and pinned lists, and leaves. */
  onDeleted: (ticketId: number) => void;
}

/** `Delete ticket`: a confirmation that names the ticket ("Delete ticket 101"). */
export function DeleteTicketDialog({
  ticketId,
  summary,
  owner,
  opened,
  onClose,
  onDeleted,
}: DeleteTicketDialogProps) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async () => {
      // Nothing may re-read the ticket while it goes (a refetch would answer 404 and flash an error).
      await queryClient.cancelQueries({ queryKey: ticketKeys.detail(ticketId) });
      await deleteTicket(client, ticketId);
    },
    meta: { removes: [ticketKeys.detail(ticketId)], invalidates: [['tickets', 'search']] },
    onError: (error) => {
      if (isApiError(error) && error.kind === 'forbidden' && owner)
        markForbidden(owner, 'delete', error.message);
    },
    onSuccess: () => onDeleted(ticketId),
  });

  return (
    <ActionDialog
      opened={opened}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      title={`Delete ticket ${ticketId}?`}
      submitLabel={`Delete ticket ${ticketId}`}
      submitColor="red.8"
      onSubmit={() => mutation.mutate()}
      pending={mutation.isPending}
    >
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        Ticket {ticketId}
        {summary ? ` “${summary}”` : ''} and its notes, attachments and assignments will be deleted on the
        server. This cannot be undone.
      </Text>
      {mutation.isError ? (
        <WriteError
          failure={failureOf(mutation.error)}
          doing="delete the ticket"
          onRetry={() => mutation.mutate()}
          retrying={mutation.isPending}
        />
      ) : null}
    </ActionDialog>
  );
}
