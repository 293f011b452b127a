import { Alert, Button, Group, Kbd, Loader, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useApiClient, useSessionState } from '../../api/api-context.ts';
import type { FieldMap } from '../../api/field-map.ts';
import { useConfig } from '../../config/config-context.ts';
import { formatDateTime, parseDurationInput, toWireDuration } from '../../fields/codecs.ts';
import {
  defaultFrom,
  durationError,
  NoteMetaInputs,
  noteLookupOptions,
  PrivateSwitch,
} from '../../fields/note-inputs.tsx';
import { draftKey, useDraft } from '../../ui/drafts.ts';
import { LockIcon } from './icons.tsx';
import {
  discardPendingNote,
  retryNote,
  sendNote,
  usePendingNotes,
  type NoteSender,
  type PendingNote,
} from './note-composer-pending.ts';
import { NoteText } from './note-text.tsx';
import noteClasses from './notes.module.css';
import classes from './note-composer.module.css';

/** What the composer keeps in its draft (per ticket and technician, ui/drafts.ts). */
export interface NoteDraft {
  text: string;
  noteType: string | null;
  activityCode: string | null;
  /** As typed, `h:mm`. */
  duration: string;
  isPrivate: boolean;
}

function isSubmitShortcut(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
}

/** The sender of the signed-in technician for a ticket, and the storage keys of its draft and pending notes. */
export function useNoteSender(
  ticketId: number,
  onForbidden?: (message: string) => void,
): { sender: NoteSender | null; draftKey: string | null; pendingKey: string | null } {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { technician } = useSessionState();
  const onForbiddenRef = useRef(onForbidden);
  onForbiddenRef.current = onForbidden;
  return useMemo(() => {
    if (!technician) return { sender: null, draftKey: null, pendingKey: null };
    const scope = {
      server: client.baseUrl,
      technician: `${technician.group}\\${technician.login}`,
      ticket: ticketId,
    };
    const pendingKey = draftKey({ ...scope, form: 'pending-notes' });
    const name = `${technician.firstName} ${technician.lastName}`.trim();
    return {
      sender: {
        queryClient,
        client,
        ticketId,
        scope: pendingKey,
        technician: { login: technician.login, name: name === '' ? technician.login : name },
        onForbidden: (message: string) => onForbiddenRef.current?.(message),
      },
      draftKey: draftKey({ ...scope, form: 'note' }),
      pendingKey,
    };
  }, [client, queryClient, technician, ticketId]);
}

export interface AddNoteButtonProps {
  onOpen: () => void;
  /** The 403 learnt this session: the button stays, disabled, and says why. */
  forbidden: string | null;
  ref?: Ref<HTMLButtonElement>;
}

/** `Add note` (key `n`, ignored while typing in a field). */
export function AddNoteButton({ onOpen, forbidden, ref }: AddNoteButtonProps) {
  useHotkeys([['n', () => forbidden === null && onOpen()]]);
  if (forbidden !== null) {
    return (
      <Tooltip label={forbidden} multiline w={260}>
        <Button
          size="xs"
          variant="default"
          data-disabled
          aria-disabled
          onClick={(event) => event.preventDefault()}
        >
          Add note
        </Button>
      </Tooltip>
    );
  }
  return (
    <Button ref={ref} size="xs" variant="default" onClick={onOpen} aria-keyshortcuts="n">
      Add note
    </Button>
  );
}

export interface NoteComposerProps {
  ticketId: number;
  /** The notes loaded for the ticket: their note types and activity codes are offered too. */
  notes: readonly FieldMap[];
  opened: boolean;
  /** `Continue draft` on the line that stands for a closed composer's draft. */
  onOpen: () => void;
  /** Cancel or Escape (the draft stays), and after a send. */
  onClose: () => void;
  forbidden: string | null;
  onForbidden: (message: string) => void;
}

interface ComposerErrors {
  text?: string | null;
  noteType?: string | null;
  activityCode?: string | null;
  duration?: string | null;
}

/**
 * The note composer of the detail view (issue 4, Add note): Note Type, Activity Code, Duration (h:mm), Private
 * and the text. What is typed is kept as a draft per ticket; a sent note shows at once in the timeline.
 */
export function NoteComposer({
  ticketId,
  notes,
  opened,
  onOpen,
  onClose,
  forbidden,
  onForbidden,
}: NoteComposerProps) {
  const config = useConfig();
  const { sender, draftKey: key } = useNoteSender(ticketId, onForbidden);
  const options = useMemo(() => noteLookupOptions(config.vocabulary, notes), [config.vocabulary, notes]);
  const initial = useMemo<NoteDraft>(
    () => ({
      text: '',
      noteType: defaultFrom(options.noteTypes, config.display.defaultNoteType),
      activityCode: defaultFrom(options.activityCodes, config.display.defaultActivityCode),
      duration: '',
      isPrivate: config.display.defaultNotePrivate,
    }),
    [options, config.display],
  );
  const draft = useDraft<NoteDraft>(key, initial, {
    isEmpty: (value) => value.text.trim() === '' && value.duration.trim() === '',
  });
  const [errors, setErrors] = useState<ComposerErrors>({});
  const textRef = useRef<HTMLTextAreaElement>(null);
  const value = draft.value;
  const hasDraft = value.text.trim() !== '' || value.duration.trim() !== '';

  useEffect(() => {
    if (opened) textRef.current?.focus();
  }, [opened]);

  if (!opened) {
    if (!hasDraft) return null;
    // A closed composer with a draft: one line says so, so the typed text is never forgotten.
    return (
      <Group className={classes.draftLine} justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm" style={{ minWidth: 0 }} truncate="end">
          <Text span fw={600}>
            Unsent note draft:
          </Text>{' '}
          {value.text.trim() === '' ? `duration ${value.duration}` : value.text}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={onOpen}>
            Continue draft
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={() => draft.clear()}>
            Discard draft
          </Button>
        </Group>
      </Group>
    );
  }

  function set(patch: Partial<NoteDraft>) {
    draft.setValue((previous) => ({ ...previous, ...patch }));
    setErrors((previous) =>
      Object.fromEntries(Object.entries(previous).filter(([name]) => !(name in patch))),
    );
  }

  function submit() {
    if (!sender || forbidden !== null) return;
    const found: ComposerErrors = {};
    if (value.text.trim() === '') found.text = 'Type the note';
    if (!value.noteType) found.noteType = 'Choose a note type';
    if (!value.activityCode) found.activityCode = 'Choose an activity code';
    const durationProblem = durationError(value.duration);
    if (durationProblem) found.duration = durationProblem;
    setErrors(found);
    if (Object.keys(found).length > 0 || !value.noteType || !value.activityCode) return;
    const seconds = parseDurationInput(value.duration);
    sendNote(sender, {
      noteType: value.noteType,
      activityCode: value.activityCode,
      note: value.text,
      duration: toWireDuration(seconds ?? 0),
      private: value.isPrivate,
    });
    // The text lives on in the pending note (kept until the server has it), so the draft can go.
    draft.clear();
    onClose();
  }

  return (
    <form
      className={classes.composer}
      data-private={value.isPrivate || undefined}
      aria-label={`New note on ticket ${ticketId}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (isSubmitShortcut(event)) {
          event.preventDefault();
          submit();
        } else if (
          event.key === 'Escape' &&
          !(event.target instanceof HTMLElement && event.target.getAttribute('aria-expanded') === 'true')
        ) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <Stack gap="sm">
        {draft.restoredAt !== null && hasDraft ? (
          <Text size="xs" c="dimmed">
            Draft saved {formatDateTime(new Date(draft.restoredAt))}
          </Text>
        ) : null}
        {forbidden !== null ? (
          <Alert variant="light" color="red" title="You cannot add notes" role="alert">
            <Text size="sm">{forbidden} Ask your Track-It! administrator for it; your text stays here.</Text>
          </Alert>
        ) : null}
        <Textarea
          ref={textRef}
          label="Note"
          withAsterisk
          value={value.text}
          onChange={(event) => set({ text: event.currentTarget.value })}
          error={errors.text ?? undefined}
          rows={4}
          resize="vertical"
          dir="auto"
        />
        <NoteMetaInputs
          noteType={value.noteType}
          activityCode={value.activityCode}
          onNoteTypeChange={(noteType) => set({ noteType })}
          onActivityCodeChange={(activityCode) => set({ activityCode })}
          options={options}
          errors={errors}
          required
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label="Duration"
            description="Time spent, h:mm"
            placeholder="0:15"
            value={value.duration}
            onChange={(event) => set({ duration: event.currentTarget.value })}
            onBlur={() => setErrors((previous) => ({ ...previous, duration: durationError(value.duration) }))}
            error={errors.duration ?? undefined}
            inputMode="numeric"
            autoComplete="off"
            w={140}
          />
          <div style={{ flex: 1, minWidth: 220, paddingTop: 4 }}>
            <PrivateSwitch checked={value.isPrivate} onChange={(isPrivate) => set({ isPrivate })} />
          </div>
        </Group>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="xs" c="dimmed" visibleFrom="sm">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> sends, <Kbd size="xs">Esc</Kbd> closes (the
            draft is kept)
          </Text>
          <Group gap="sm" ml="auto">
            {hasDraft ? (
              <Button variant="subtle" color="gray" onClick={() => draft.clear()}>
                Discard draft
              </Button>
            ) : null}
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={forbidden !== null || !sender}>
              Send note
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

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
            <LockIcon size={12} />
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
