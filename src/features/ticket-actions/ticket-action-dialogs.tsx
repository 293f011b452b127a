import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '../../api/api-context.ts';
import type { FieldMap } from '../../api/field-map.ts';
import { ticketQueries, timelineNotes } from '../../api/queries.ts';
import { useConfig } from '../../config/config-context.ts';
import { useOpenedAfterMount } from '../../ui/opened-after-mount.ts';
import { ChangeStatusDialog } from './change-status-dialog.tsx';
import { CloseTicketDialog } from './close-ticket-dialog.tsx';
import { DeleteTicketDialog } from './delete-ticket-dialog.tsx';

const NO_NOTES: readonly FieldMap[] = [];

export type TicketActionDialog = 'status' | 'close' | 'delete';

export interface TicketActionDialogsProps {
  ticketId: number;
  summary: string | null;
  status: string | null;
  owner: string | null;
  dialog: TicketActionDialog | null;
  onClose: () => void;
  onDeleted: (ticketId: number) => void;
}

/**
 * The three dialogs of ticket-actions.tsx, in a chunk of their own fetched when one is first asked for: the
 * detail view loads only the buttons (issue 3 budget).
 */
export function TicketActionDialogs({
  ticketId,
  summary,
  status,
  owner,
  dialog: asked,
  onClose,
  onDeleted,
}: TicketActionDialogsProps) {
  const dialog = useOpenedAfterMount(asked !== null) ? asked : null;
  // The ticket's notes (the timeline's first list, already cached): their note types and activity codes are
  // offered in the dialogs' note inputs. Read here, so that the detail view's buttons do not re-render for them.
  const client = useApiClient();
  const config = useConfig();
  const notes =
    useQuery(ticketQueries.notes(client, ticketId, timelineNotes(config.display))).data?.records ?? NO_NOTES;
  return (
    <>
      <ChangeStatusDialog
        ticketId={ticketId}
        currentStatus={status}
        notes={notes}
        owner={owner}
        opened={dialog === 'status'}
        onClose={onClose}
      />
      <CloseTicketDialog
        ticketId={ticketId}
        notes={notes}
        owner={owner}
        opened={dialog === 'close'}
        onClose={onClose}
      />
      <DeleteTicketDialog
        ticketId={ticketId}
        summary={summary}
        owner={owner}
        opened={dialog === 'delete'}
        onClose={onClose}
        onDeleted={onDeleted}
      />
    </>
  );
}
