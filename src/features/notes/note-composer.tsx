import { Alert, Button, Group, Kbd, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
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
import { useDraft } from '../../ui/drafts.ts';
import { sendNote } from './note-composer-pending.ts';
import { useNoteSender } from './note-sender.ts';
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
