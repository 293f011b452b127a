import { Stack, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useApiClient, useSessionState } from '../../api/api-context.ts';
import type { FieldMap } from '../../api/field-map.ts';
import type { StatusNoteInput } from '../../api/tickets-api.ts';
import { useConfig } from '../../config/config-context.ts';
import { defaultFrom, NoteMetaInputs, noteLookupOptions, PrivateSwitch } from '../../fields/note-inputs.tsx';
import { draftKey, useDraft, type DraftHandle } from '../../ui/drafts.ts';
import { technicianKey } from '../../api/technician-key.ts';

// The optional note of ChangeStatus and Close. The API takes it with Note Type and Activity Code, and refuses
// a note without them (protocol-notes §5 #21), so they are required once any text is written; an empty note
// is not sent at all. Kept as a draft per ticket while typed (issue 4, Never lose typed work).

export interface StatusNoteDraft {
  text: string;
  noteType: string | null;
  activityCode: string | null;
  isPrivate: boolean;
}

export interface StatusNoteErrors {
  noteType?: string | null;
  activityCode?: string | null;
}

export interface StatusNoteState {
  draft: DraftHandle<StatusNoteDraft>;
  errors: StatusNoteErrors;
  options: { noteTypes: string[]; activityCodes: string[] };
  set: (patch: Partial<StatusNoteDraft>) => void;
  /** Checks the note; the input to send (undefined = no note), or null when something is missing. */
  validate: () => StatusNoteInput | undefined | null;
}

export function useStatusNote(
  ticketId: number,
  form: 'status-note' | 'close-note',
  notes: readonly FieldMap[],
): StatusNoteState {
  const config = useConfig();
  const client = useApiClient();
  const { technician } = useSessionState();
  const options = useMemo(() => noteLookupOptions(config.vocabulary, notes), [config.vocabulary, notes]);
  const initial = useMemo<StatusNoteDraft>(
    () => ({
      text: '',
      noteType: defaultFrom(options.noteTypes, config.display.defaultNoteType),
      activityCode: defaultFrom(options.activityCodes, config.display.defaultActivityCode),
      isPrivate: config.display.defaultNotePrivate,
    }),
    [options, config.display],
  );
  const key = technician
    ? draftKey({
        server: client.baseUrl,
        technician: technicianKey(technician),
        ticket: ticketId,
        form,
      })
    : null;
  const draft = useDraft<StatusNoteDraft>(key, initial, { isEmpty: (value) => value.text.trim() === '' });
  const [errors, setErrors] = useState<StatusNoteErrors>({});

  return {
    draft,
    errors,
    options,
    set(patch) {
      draft.setValue((previous) => ({ ...previous, ...patch }));
      if ('noteType' in patch || 'activityCode' in patch || 'text' in patch) setErrors({});
    },
    validate() {
      const value = draft.value;
      if (value.text.trim() === '') {
        setErrors({});
        return undefined;
      }
      const found: StatusNoteErrors = {};
      if (!value.noteType) found.noteType = 'Choose a note type: the server needs one with a note';
      if (!value.activityCode)
        found.activityCode = 'Choose an activity code: the server needs one with a note';
      setErrors(found);
      if (!value.noteType || !value.activityCode) return null;
      return {
        noteType: value.noteType,
        activityCode: value.activityCode,
        note: value.text,
        private: value.isPrivate,
      };
    },
  };
}

/** The note part of a status dialog: text (optional), Note Type and Activity Code, Private. */
export function StatusNoteInputs({ state, label }: { state: StatusNoteState; label: string }) {
  const value = state.draft.value;
  const written = value.text.trim() !== '';
  return (
    <Stack gap="sm">
      <Textarea
        label={label}
        description="Optional. Note Type and Activity Code are needed once you write one."
        value={value.text}
        onChange={(event) => state.set({ text: event.currentTarget.value })}
        rows={3}
        resize="vertical"
        dir="auto"
      />
      <NoteMetaInputs
        noteType={value.noteType}
        activityCode={value.activityCode}
        onNoteTypeChange={(noteType) => state.set({ noteType })}
        onActivityCodeChange={(activityCode) => state.set({ activityCode })}
        options={state.options}
        errors={state.errors}
        required={written}
      />
      <PrivateSwitch checked={value.isPrivate} onChange={(isPrivate) => state.set({ isPrivate })} />
    </Stack>
  );
}
