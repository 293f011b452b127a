import { Button, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo, useId, useState } from 'react';
import { useApiClient } from '../../api/api-context.ts';
import { isApiError } from '../../api/api-error.ts';
import { ticketQueries } from '../../api/queries.ts';
import { formatDateTime, formatDuration } from '../../fields/codecs.ts';
import { ErrorState } from '../../ui/status-states.tsx';
import { GearIcon, LockIcon } from '../../ui/note-icons.tsx';
import { NoteText } from './note-text.tsx';
import { mayBeCut, toNoteView, type NoteView } from './note-view.ts';
import classes from './notes.module.css';

export interface NoteCardProps {
  note: NoteView;
  /** The limit the list was fetched with; a text this long may have been cut by the server. */
  maxContentLength: number;
}

// The timeline renders dozens of these at once (issue 3 bench: response to paint within 50 ms), so a card is
// plain elements styled by class, and only a cut note carries a query (for its full text).

/** The whole text of a cut note: GET /tickets/Note/{id} (ticketQueries.note), asked for by `Show full note`. */
function FullNoteText({ noteId, text, onLess }: { noteId: number; text: string; onLess: () => void }) {
  const client = useApiClient();
  const full = useQuery(ticketQueries.note(client, noteId));
  const fullText = full.data ? toNoteView(full.data).text : null;
  return (
    <>
      <NoteText text={fullText ?? text} />
      <Group gap="xs" mt={6}>
        <Button
          variant="subtle"
          size="compact-sm"
          loading={full.isFetching && !full.data}
          onClick={onLess}
          aria-expanded={fullText !== null}
        >
          {fullText !== null ? 'Show less' : 'Show full note'}
        </Button>
      </Group>
      {full.isError ? (
        <ErrorState
          title="The full note could not be loaded"
          message={isApiError(full.error) ? full.error.message : 'Something went wrong.'}
          onRetry={() => void full.refetch()}
          retrying={full.isFetching}
        />
      ) : null}
    </>
  );
}

/**
 * The text of a note the server may have cut, with `Show full note`. The full text's query exists only once it
 * is asked for: a timeline of thirty notes renders no query observer for the cut ones (issue 3 bench).
 */
function ExpandableNoteText({ noteId, text }: { noteId: number; text: string }) {
  const [showFull, setShowFull] = useState(false);
  if (showFull) return <FullNoteText noteId={noteId} text={text} onLess={() => setShowFull(false)} />;
  return (
    <>
      <NoteText text={text} />
      {/* A plain button styled like Mantine's subtle compact one: a timeline paints several of these at once. */}
      <button type="button" className={classes.more} onClick={() => setShowFull(true)} aria-expanded={false}>
        Show full note
      </button>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** One note of the timeline: who, when, what kind, and its text, which can be fetched in full. */
export const NoteCard = memo(function NoteCard({ note, maxContentLength }: NoteCardProps) {
  const headingId = useId();
  const system = note.systemActivity !== null;
  const canExpand = note.id !== null && mayBeCut(note.text, maxContentLength);

  return (
    <article
      className={classes.note}
      data-private={note.isPrivate || undefined}
      data-system={system || undefined}
      aria-labelledby={headingId}
      data-testid="note"
    >
      <div className={classes.meta}>
        {note.isPrivate ? (
          <span className={classes.privateLabel}>
            <LockIcon size={12} strokeWidth={2} />
            Private
          </span>
        ) : null}
        {system ? (
          <span className={classes.systemLabel}>
            <GearIcon size={12} strokeWidth={2} />
            System
          </span>
        ) : null}
        <span className={classes.author} id={headingId}>
          {note.technician ?? note.requestor ?? 'Unknown author'}
        </span>
        <span className={classes.when}>
          {note.date ? (
            <time dateTime={note.date.toISOString()}>{formatDateTime(note.date)}</time>
          ) : (
            'No date'
          )}
        </span>
      </div>
      <dl className={classes.facts}>
        {note.noteType ? <Fact label="Type" value={note.noteType} /> : null}
        {note.activityCode ? <Fact label="Activity" value={note.activityCode} /> : null}
        {note.durationSeconds !== null && note.durationSeconds > 0 ? (
          <Fact label="Duration" value={formatDuration(note.durationSeconds)} />
        ) : null}
        {note.systemActivity ? <Fact label="System activity" value={note.systemActivity} /> : null}
        {note.emailToFrom ? <Fact label="E-mail" value={note.emailToFrom} /> : null}
      </dl>
      <div className={classes.body}>
        {canExpand && note.id !== null ? (
          <ExpandableNoteText noteId={note.id} text={note.text} />
        ) : (
          <NoteText text={note.text} />
        )}
      </div>
    </article>
  );
});
