import { Group, Stack, Switch, Text } from '@mantine/core';
import { memo, useMemo, type ReactNode } from 'react';
import type { FieldMap } from '../../api/field-map.ts';
import { NoteCard } from './note-card.tsx';
import { sortNotesNewestFirst, toNoteView } from './note-view.ts';

export interface NotesTimelineProps {
  notes: readonly FieldMap[];
  /** The server's Count (all linked notes of the kinds asked for). */
  count: number;
  showSystemNotes: boolean;
  onShowSystemNotesChange: (show: boolean) => void;
  /** config display.noteMaxContentLength: the limit the list was fetched with. */
  maxContentLength: number;
  /** True while the list is re-read (e.g. after the system-notes switch). */
  refreshing?: boolean;
  /** Notes on their way to the server (`<li>` items), shown first. */
  pending?: ReactNode;
  /** How many of those there are (the list shows even when the server has no notes yet). */
  pendingCount?: number;
}

/** One timeline of a ticket's notes, newest first; system notes only on request. */
export const NotesTimeline = memo(function NotesTimeline({
  notes,
  count,
  showSystemNotes,
  onShowSystemNotesChange,
  maxContentLength,
  refreshing = false,
  pending = null,
  pendingCount = 0,
}: NotesTimelineProps) {
  const views = useMemo(() => sortNotesNewestFirst(notes.map(toNoteView)), [notes]);
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed" aria-live="polite">
          {refreshing ? 'Updating notes…' : `${count} ${count === 1 ? 'note' : 'notes'}, newest first`}
        </Text>
        <Switch
          label="Show system notes"
          checked={showSystemNotes}
          onChange={(event) => onShowSystemNotesChange(event.currentTarget.checked)}
          size="sm"
        />
      </Group>
      {views.length === 0 && pendingCount === 0 ? (
        <Text size="sm" c="dimmed">
          {showSystemNotes
            ? 'This ticket has no notes.'
            : 'This ticket has no notes. System notes are hidden.'}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ol"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label="Notes, newest first"
        >
          {pending}
          {views.map((note, index) => (
            <li key={note.id ?? `index-${index}`}>
              <NoteCard note={note} maxContentLength={maxContentLength} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
});
