import { Button } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { Suspense, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ForbiddenButton } from '../../ui/forbidden-button.tsx';
import { deferredComponent, usePreloadWhenIdle } from '../../ui/deferred.ts';
import { useForbiddenAction } from '../../api/forbidden-actions.ts';
import type { TicketActionDialog as Dialog } from './ticket-action-dialogs.tsx';

// The dialogs (Modal, the status picker, the note inputs) are fetched once the detail view has painted and the
// browser is idle, or when one is asked for first: the view's first load carries only the buttons (issue 3).
const TicketActionDialogs = deferredComponent(
  async () => (await import('./ticket-action-dialogs.tsx')).TicketActionDialogs,
);

export interface TicketActionsProps {
  ticketId: number;
  summary: string | null;
  status: string | null;
  /** Whether the status is of the closed type (Close ticket is then not offered). */
  closed: boolean;
  /** `GROUP\LOGIN`: 403s are remembered per technician for the session. */
  owner: string | null;
  onDeleted: (ticketId: number) => void;
}

function ActionButton({
  label,
  forbidden,
  onClick,
  buttonRef,
  shortcut,
  color,
}: {
  label: string;
  forbidden: string | null;
  onClick: () => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
  shortcut?: string;
  color?: string;
}): ReactNode {
  if (forbidden !== null) return <ForbiddenButton label={label} reason={forbidden} />;
  return (
    <Button
      ref={buttonRef}
      size="xs"
      variant="default"
      color={color}
      onClick={onClick}
      {...(shortcut ? { 'aria-keyshortcuts': shortcut } : {})}
    >
      {label}
    </Button>
  );
}

/**
 * The detail view's `Change status` (key `s`), `Close ticket` and `Delete ticket` buttons and their dialogs.
 * A dialog opened by its key still returns the focus to its button when it closes.
 */
export function TicketActions({ ticketId, summary, status, closed, owner, onDeleted }: TicketActionsProps) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [dialogsAsked, setDialogsAsked] = useState(false);
  if (dialog !== null && !dialogsAsked) setDialogsAsked(true);
  usePreloadWhenIdle(TicketActionDialogs.preload);
  const statusRef = useRef<HTMLButtonElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const statusForbidden = useForbiddenAction(owner, 'change-status')?.message ?? null;
  const closeForbidden = useForbiddenAction(owner, 'close')?.message ?? null;
  const deleteForbidden = useForbiddenAction(owner, 'delete')?.message ?? null;

  useHotkeys([
    [
      's',
      () => {
        if (statusForbidden !== null || dialog !== null) return;
        // Focus the button first: Mantine's Modal returns the focus to what had it when it opened.
        statusRef.current?.focus();
        setDialog('status');
      },
    ],
  ]);

  const close = () => setDialog(null);
  return (
    <>
      <ActionButton
        label="Change status"
        forbidden={statusForbidden}
        onClick={() => setDialog('status')}
        buttonRef={statusRef}
        shortcut="s"
      />
      {closed ? null : (
        <ActionButton
          label="Close ticket"
          forbidden={closeForbidden}
          onClick={() => setDialog('close')}
          buttonRef={closeRef}
        />
      )}
      <ActionButton
        label="Delete ticket"
        forbidden={deleteForbidden}
        onClick={() => setDialog('delete')}
        buttonRef={deleteRef}
        color="red"
      />
      {dialogsAsked ? (
        <Suspense fallback={null}>
          <TicketActionDialogs.Component
            ticketId={ticketId}
            summary={summary}
            status={status}
            owner={owner}
            dialog={dialog}
            onClose={close}
            onDeleted={onDeleted}
          />
        </Suspense>
      ) : null}
    </>
  );
}
