import type { FieldMap } from '../../api/field-map.ts';
import { useOpenedAfterMount } from '../../ui/opened-after-mount.ts';
import { ChangeStatusDialog } from './change-status-dialog.tsx';
import { CloseTicketDialog } from './close-ticket-dialog.tsx';
import { DeleteTicketDialog } from './delete-ticket-dialog.tsx';

export type TicketActionDialog = 'status' | 'close' | 'delete';

export interface TicketActionDialogsProps {
  ticketId: number;
  summary: string | null;
  status: string | null;
  notes: readonly FieldMap[];
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
  notes,
  owner,
  dialog: asked,
  onClose,
  onDeleted,
}: TicketActionDialogsProps) {
  const dialog = useOpenedAfterMount(asked !== null) ? asked : null;
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
