import { Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context.ts';
import { failureOf, isApiError } from '../../api/api-error.ts';
import { WriteError } from '../../ui/write-error.tsx';
import type { FieldMap } from '../../api/field-map.ts';
import { ticketKeys } from '../../api/queries.ts';
import { closeTicket, type CloseInput } from '../../api/tickets-api.ts';
import { useConfig } from '../../config/config-context.ts';
import { ActionDialog } from './action-dialog.tsx';
import { afterStatusWrite } from './change-status-dialog.tsx';
import { markForbidden } from '../../api/forbidden-actions.ts';
import { StatusNoteInputs, useStatusNote } from './status-note.tsx';

export interface CloseTicketDialogProps {
  ticketId: number;
  notes: readonly FieldMap[];
  owner: string | null;
  opened: boolean;
  onClose: () => void;
}

/** `Close ticket` (issue 4): an optional closing note; the server picks its default closed status. */
export function CloseTicketDialog({ ticketId, notes, owner, opened, onClose }: CloseTicketDialogProps) {
  const client = useApiClient();
  const config = useConfig();
  const queryClient = useQueryClient();
  const note = useStatusNote(ticketId, 'close-note', notes);
  // protocol-notes §5 #23: Close sets the site's default closed status.
  const closedStatus =
    config.vocabulary.statuses.find((status) => status.isDefaultClosed)?.name ??
    config.vocabulary.statuses.find((status) => status.type === 'closed')?.name ??
    null;

  const mutation = useMutation({
    mutationFn: async (input: CloseInput) => {
      const result = await closeTicket(client, ticketId, input);
      queryClient.setQueryData(ticketKeys.detail(ticketId), result.ticket);
      return result;
    },
    meta: { invalidates: afterStatusWrite(ticketId) },
    onError: (error) => {
      if (isApiError(error) && error.kind === 'forbidden' && owner)
        markForbidden(owner, 'close', error.message);
    },
    onSuccess: () => {
      note.draft.clear();
      onClose();
    },
  });

  function submit() {
    const noteInput = note.validate();
    if (noteInput === null) return;
    mutation.mutate(noteInput ? { note: noteInput } : {});
  }

  return (
    <ActionDialog
      opened={opened}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
      title={`Close ticket ${ticketId}`}
      submitLabel={`Close ticket ${ticketId}`}
      onSubmit={submit}
      pending={mutation.isPending}
    >
      <Text size="sm">
        {closedStatus
          ? `The ticket gets the status ${closedStatus}. You can add a closing note.`
          : "The ticket gets the site's default closed status. You can add a closing note."}
      </Text>
      <StatusNoteInputs state={note} label="Closing note" />
      {mutation.isError ? (
        <WriteError
          failure={failureOf(mutation.error)}
          doing="close the ticket"
          onRetry={submit}
          retrying={mutation.isPending}
        />
      ) : null}
    </ActionDialog>
  );
}
