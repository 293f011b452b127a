import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { LockIcon } from '../../ui/note-icons.tsx';
import {
  discardPendingNote,
  retryNote,
  usePendingNotes,
  type NoteSender,
  type PendingNote,
} from './note-composer-pending.ts';
import { useNoteSender } from './note-sender.ts';
import { NoteText } from './note-text.tsx';
import noteClasses from './notes.module.css';
import classes from './note-composer.module.css';

function pendingStatus(note: PendingNote): { label: string; detail: string | null } {
  switch (note.state) {
    case 'sending':
      return { label: 'Sending…', detail: null };
    case 'checking':
      return {
        label: 'Checking whether it arrived…',
        detail: 'The answer was lost; looking for the note on the server.',
      };
    case 'failed': {
      const message = note.error?.message ?? 'It was not sent.';
      if (note.error?.kind === 'forbidden')
        return { label: 'Not sent: no permission', detail: `${message} Your text is kept here.` };
      if (note.error?.kind === 'bad-request')
        return { label: 'Not sent: the server refused it', detail: message };
      if (note.maybeWritten)
        return {
          label: 'Not sent yet',
          detail: `${message} Retry looks for it on the server first, so it is never sent twice.`,
        };
      return { label: 'Not sent', detail: `${message} Your text is kept here.` };
    }
  }
}

function PendingNoteCard({ note, sender }: { note: PendingNote; sender: NoteSender }) {
  const status = pendingStatus(note);
  const busy = note.state !== 'failed';
  const canRetry =
    note.state === 'failed' && note.error?.kind !== 'forbidden' && note.error?.kind !== 'bad-request';
  return (
    <article
      className={`${noteClasses.note} ${classes.pending}`}
      data-private={note.input.private || undefined}
      data-state={note.state}
      aria-label={`Your note, ${status.label}`}
      aria-busy={busy || undefined}
      data-testid="pending-note"
    >
      <div className={noteClasses.meta}>
        {note.input.private ? (
          <span className={noteClasses.privateLabel}>
            <LockIcon size={12} strokeWidth={2} />
            Private
          </span>
        ) : null}
        <span className={noteClasses.author}>{sender.technician.name}</span>
        <span className={classes.state} role="status" data-state={note.state}>
          {busy ? <Loader size={12} aria-hidden="true" /> : null}
          {status.label}
        </span>
      </div>
      <dl className={noteClasses.facts}>
        <div>
          <dt>Type</dt>
          <dd>{note.input.noteType}</dd>
        </div>
        <div>
          <dt>Activity</dt>
          <dd>{note.input.activityCode}</dd>
        </div>
      </dl>
      <div className={noteClasses.body}>
        <NoteText text={note.input.note} />
      </div>
      {note.state === 'failed' ? (
        <Stack gap={6} mt="xs">
          {status.detail ? (
            <Text
              size="sm"
              c={note.error?.kind === 'network' ? undefined : 'red'}
              style={{ overflowWrap: 'anywhere' }}
            >
              {status.detail}
            </Text>
          ) : null}
          <Group gap="xs">
            {canRetry ? (
              <Button size="xs" variant="default" onClick={() => void retryNote(sender, note.localId)}>
                Retry
              </Button>
            ) : null}
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              onClick={() => discardPendingNote(sender.scope, note.localId)}
            >
              Discard
            </Button>
          </Group>
        </Stack>
      ) : null}
    </article>
  );
}

/** The ticket's notes on their way (newest first), as timeline items: put them at the top of the list. */
export function PendingNoteItems({
  ticketId,
  onForbidden,
}: {
  ticketId: number;
  onForbidden: (message: string) => void;
}) {
  const { sender, pendingKey } = useNoteSender(ticketId, onForbidden);
  const pending = usePendingNotes(pendingKey);
  if (!sender || pending.length === 0) return null;
  return (
    <>
      {[...pending].reverse().map((note) => (
        <li key={note.localId}>
          <PendingNoteCard note={note} sender={sender} />
        </li>
      ))}
    </>
  );
}

/** How many of the ticket's notes are on their way (the timeline shows its list even when the server's is empty). */
export function usePendingNoteCount(ticketId: number): number {
  const { pendingKey } = useNoteSender(ticketId);
  return usePendingNotes(pendingKey).length;
}
