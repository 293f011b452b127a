import { Group, Loader, Text } from '@mantine/core';
import { Suspense, useMemo, useState } from 'react';
import { deferredComponent, usePreloadWhenIdle } from '../../ui/deferred.ts';
import { readDraft } from '../../ui/drafts.ts';
import type { NoteComposerProps } from './note-composer.tsx';
import { useNoteSender } from './note-sender.ts';

// The composer (Textarea, the note type and activity code pickers, their Combobox and floating-ui) is fetched
// once the detail view has painted and the browser is idle, so `n` finds it ready, but it stays out of the
// JavaScript the view loads before it shows (issue 3 budget).
const NoteComposer = deferredComponent(async () => (await import('./note-composer.tsx')).NoteComposer);

/**
 * Where the note composer goes: nothing until it is opened, or at once when the ticket has a note draft (the
 * composer then shows its "Unsent note draft" line, so typed text is never out of sight).
 */
export function NoteComposerSlot(props: NoteComposerProps) {
  const { draftKey } = useNoteSender(props.ticketId);
  const hasStoredDraft = useMemo(() => draftKey !== null && readDraft(draftKey) !== undefined, [draftKey]);
  const [asked, setAsked] = useState(false);
  if (props.opened && !asked) setAsked(true);
  usePreloadWhenIdle(NoteComposer.preload);
  if (!asked && !hasStoredDraft) return null;
  return (
    <Suspense
      fallback={
        props.opened ? (
          <Group gap="xs" role="status" py="sm">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm" c="dimmed">
              Opening the note composer…
            </Text>
          </Group>
        ) : null
      }
    >
      <NoteComposer.Component {...props} />
    </Suspense>
  );
}
