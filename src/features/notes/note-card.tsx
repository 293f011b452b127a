import { Button, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useApiClient } from '../../api/api-context.ts';
import { isApiError } from '../../api/api-error.ts';
import { ticketQueries } from '../../api/queries.ts';
import { formatDateTime, formatDuration } from '../../fields/codecs.ts';
import { ErrorState } from '../../ui/status-states.tsx';
import { GearIcon, LockIcon } from './icons.tsx';
import { NoteText } from './note-text.tsx';
import { mayBeCut, toNoteView, type NoteView } from './note-view.ts';
import classes from './notes.module.css';

export interface NoteCardProps {
  note: NoteView;
  /** The limit the list was fetched with; a text this long may have been cut by the server. */
  maxContentLength: number;
}

/** One note of the timeline: who, when, what kind, and its text, which can be fetched in full. */
export function NoteCard({ note, maxContentLength }: NoteCardProps) {
  const client = useApiClient();
  const headingId = useId();
  const [showFull, setShowFull] = useState(false);
  const canExpand = note.id !== null && mayBeCut(note.text, maxContentLength);
  const full = useQuery({
    ...ticketQueries.note(client, note.id ?? 0),
    enabled: showFull && canExpand,
  });
  const fullText = showFull && full.data ? toNoteView(full.data).text : null;
  const system = note.systemActivity !== null;

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
            <LockIcon size={12} />
            Private
          </span>
        ) : null}
        {system ? (
          <span className={classes.systemLabel}>
            <GearIcon size={12} />
            System
          </span>
        ) : null}
        <Text span fw={600} size="sm" id={headingId}>
          {note.technician ?? note.requestor ?? 'Unknown author'}
        </Text>
        <Text span size="sm" c="dimmed">
          {note.date ? (
            <time dateTime={note.date.toISOString()}>{formatDateTime(note.date)}</time>
          ) : (
            'No date'
          )}
        </Text>
      </div>
      <dl className={classes.facts}>
        {note.noteType ? (
          <div>
            <dt>Type</dt>
            <dd>{note.noteType}</dd>
          </div>
        ) : null}
        {note.activityCode ? (
          <div>
            <dt>Activity</dt>
            <dd>{note.activityCode}</dd>
          </div>
        ) : null}
        {note.durationSeconds !== null && note.durationSeconds > 0 ? (
          <div>
            <dt>Duration</dt>
            <dd>{formatDuration(note.durationSeconds)}</dd>
          </div>
        ) : null}
        {note.systemActivity ? (
          <div>
            <dt>System activity</dt>
            <dd>{note.systemActivity}</dd>
          </div>
        ) : null}
        {note.emailToFrom ? (
          <div>
            <dt>E-mail</dt>
            <dd>{note.emailToFrom}</dd>
          </div>
        ) : null}
      </dl>
      <div style={{ marginTop: 6 }}>
        <NoteText text={fullText ?? note.text} />
      </div>
      {canExpand ? (
        <Group gap="xs" mt={6}>
          <Button
            variant="subtle"
            size="compact-sm"
            loading={showFull && full.isFetching && !full.data}
            onClick={() => setShowFull((value) => !value)}
            aria-expanded={fullText !== null}
          >
            {fullText !== null ? 'Show less' : 'Show full note'}
          </Button>
        </Group>
      ) : null}
      {canExpand && showFull && full.isError ? (
        <ErrorState
          title="The full note could not be loaded"
          message={isApiError(full.error) ? full.error.message : 'Something went wrong.'}
          onRetry={() => void full.refetch()}
          retrying={full.isFetching}
        />
      ) : null}
    </article>
  );
}
