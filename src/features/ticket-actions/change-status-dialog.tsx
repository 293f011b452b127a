import { Alert, Select, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useApiClient } from '../../api/api-context.ts';
import { failureOf, isApiError } from '../../api/api-error.ts';
import { WriteError } from '../../ui/write-error.tsx';
import type { FieldMap } from '../../api/field-map.ts';
import { ticketKeys } from '../../api/queries.ts';
import { changeTicketStatus, type ChangeStatusInput } from '../../api/tickets-api.ts';
import type { StatusType } from '../../config/config-schema.ts';
import { useConfig } from '../../config/config-context.ts';
import { ActionDialog } from './action-dialog.tsx';
import { markForbidden } from '../../api/forbidden-actions.ts';
import { StatusNoteInputs, useStatusNote } from './status-note.tsx';

// The words that mark a status's type in the list: closing and stop-the-clock statuses are told by text, not
// by colour alone (WCAG 1.4.1).
const typeSuffix: Record<StatusType, string> = {
  open: '',
  'stop-the-clock': ' — stops the clock',
  closed: ' — closes the ticket',
};

export interface StatusOption {
  value: string;
  label: string;
  type: StatusType | null;
}

/** The statuses to offer: config.json's, each marked by type; the current one is named as such. */
export function statusOptions(
  statuses: readonly { name: string; type: StatusType }[],
  current: string | null,
): StatusOption[] {
  const options: StatusOption[] = statuses.map((status) => ({
    value: status.name,
    label: `${status.name}${typeSuffix[status.type]}`,
    type: status.type,
  }));
  const wanted = current?.trim().toLowerCase();
  if (current && !options.some((option) => option.value.toLowerCase() === wanted)) {
    options.unshift({ value: current, label: current, type: null });
  }
  return options.map((option) =>
    option.value.toLowerCase() === wanted ? { ...option, label: `${option.label} (current)` } : option,
  );
}

/** Keys the write makes stale: the ticket's notes (new system notes) and search results (lists). */
export const afterStatusWrite = (ticketId: number) => [ticketKeys.allNotes(ticketId), ['tickets', 'search']];

export interface ChangeStatusDialogProps {
  ticketId: number;
  currentStatus: string | null;
  notes: readonly FieldMap[];
  owner: string | null;
  opened: boolean;
  onClose: () => void;
}

/** `Change status` (issue 4): the status, an optional note, Private. */
export function ChangeStatusDialog({
  ticketId,
  currentStatus,
  notes,
  owner,
  opened,
  onClose,
}: ChangeStatusDialogProps) {
  const client = useApiClient();
  const config = useConfig();
  const queryClient = useQueryClient();
  const note = useStatusNote(ticketId, 'status-note', notes);
  const [status, setStatus] = useState<string | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const options = useMemo(
    () => statusOptions(config.vocabulary.statuses, currentStatus),
    [config.vocabulary.statuses, currentStatus],
  );
  const chosen = options.find((option) => option.value === status) ?? null;

  const mutation = useMutation({
    mutationFn: async (input: ChangeStatusInput) => {
      const result = await changeTicketStatus(client, ticketId, input);
      // The answer is the whole ticket: the header shows the new status at once; the policy in
      // app/query-client.ts then re-reads the notes (the server wrote a "Status Changed" system note).
      queryClient.setQueryData(ticketKeys.detail(ticketId), result.ticket);
      return result;
    },
    meta: { invalidates: afterStatusWrite(ticketId) },
    onError: (error) => {
      if (isApiError(error) && error.kind === 'forbidden' && owner)
        markForbidden(owner, 'change-status', error.message);
    },
    onSuccess: () => {
      note.draft.clear();
      setStatus(null);
      onClose();
    },
  });

  function submit() {
    if (!status) {
      setStatusError('Choose a status');
      return;
    }
    const noteInput = note.validate();
    if (noteInput === null) return;
    mutation.mutate({ statusName: status, ...(noteInput ? { note: noteInput } : {}) });
  }

  return (
    <ActionDialog
      opened={opened}
      onClose={() => {
        mutation.reset();
        setStatusError(null);
        onClose();
      }}
      title={`Change status of ticket ${ticketId}`}
      submitLabel="Change status"
      submitColor={chosen?.type === 'closed' ? 'red.8' : undefined}
      onSubmit={submit}
      pending={mutation.isPending}
    >
      <Select
        label="Status"
        description={currentStatus ? `Now: ${currentStatus}` : undefined}
        data={options.map((option) => ({ value: option.value, label: option.label }))}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setStatusError(null);
        }}
        // Not searchable: a searchable Select opens its list on focus, and the dialog focuses it first.
        withAsterisk
        error={statusError ?? undefined}
        data-autofocus
        comboboxProps={{ withinPortal: true }}
      />
      {chosen?.type === 'closed' ? (
        <Alert variant="light" color="red" title={`This closes ticket ${ticketId}`}>
          <Text size="sm">{chosen.value} is a closing status: the ticket is closed when you confirm.</Text>
        </Alert>
      ) : null}
      {chosen?.type === 'stop-the-clock' ? (
        <Alert variant="light" color="yellow" title="This stops the clock">
          <Text size="sm">While the ticket is {chosen.value}, its time to resolve does not count.</Text>
        </Alert>
      ) : null}
      <StatusNoteInputs state={note} label="Note" />
      {mutation.isError ? (
        <WriteError
          failure={failureOf(mutation.error)}
          doing="change the status"
          onRetry={submit}
          retrying={mutation.isPending}
        />
      ) : null}
    </ActionDialog>
  );
}
