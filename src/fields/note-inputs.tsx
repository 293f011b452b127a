import { Box, Group, Select, SimpleGrid, Switch, Text } from '@mantine/core';
import { useId } from 'react';
import type { FieldMap } from '../api/field-map.ts';
import type { Vocabulary } from '../config/config-schema.ts';
import { parseDurationInput } from './codecs.ts';
import { lookupOptions } from './lookup-options.ts';
import { GlobeIcon, LockIcon } from '../ui/note-icons.tsx';
import { NoteSeq } from './note-fields.ts';

// The inputs a note is written with (AddNote, and the optional note of ChangeStatus and Close): Note Type,
// Activity Code and Private. Shared by the note composer (features/notes) and the status dialogs
// (features/ticket-actions), which may not import each other.

/** Note types and activity codes to offer: config.json's vocabulary first, then values seen on loaded notes. */
export function noteLookupOptions(
  vocabulary: Vocabulary,
  notes: readonly FieldMap[] = [],
): { noteTypes: string[]; activityCodes: string[] } {
  const types = new Set<string>();
  const codes = new Set<string>();
  for (const note of notes) {
    // System notes carry the system note type, which AddNote refuses (emulator: "was not found").
    const system = note.get(NoteSeq.systemActivity)?.value;
    if (typeof system === 'string' && system.trim() !== '') continue;
    const type = note.get(NoteSeq.noteType)?.value;
    const code = note.get(NoteSeq.activityCode)?.value;
    if (typeof type === 'string' && type.trim() !== '') types.add(type.trim());
    if (typeof code === 'string' && code.trim() !== '') codes.add(code.trim());
  }
  return {
    noteTypes: lookupOptions('note-type', vocabulary, types),
    activityCodes: lookupOptions('activity-code', vocabulary, codes),
  };
}

/** The default of a select: config's value when the list has it (case-insensitively), else none. */
export function defaultFrom(options: readonly string[], wanted: string | undefined): string | null {
  if (!wanted) return null;
  const lower = wanted.trim().toLowerCase();
  return options.find((option) => option.toLowerCase() === lower) ?? null;
}

/** Why a duration box is wrong, or null when it is empty or reads as `h:mm`. */
export function durationError(text: string): string | null {
  if (text.trim() === '') return null;
  return parseDurationInput(text) === null ? 'Type the time spent as h:mm, for example 0:15 or 1:30' : null;
}

export interface NoteMetaErrors {
  noteType?: string | null;
  activityCode?: string | null;
}

export interface NoteMetaInputsProps {
  noteType: string | null;
  activityCode: string | null;
  onNoteTypeChange: (value: string | null) => void;
  onActivityCodeChange: (value: string | null) => void;
  options: { noteTypes: string[]; activityCodes: string[] };
  errors?: NoteMetaErrors;
  /** Shown as required (`*`): always for AddNote, once a note is written for ChangeStatus and Close. */
  required: boolean;
  disabled?: boolean;
}

/** Note Type and Activity Code, side by side (stacked on a phone). */
export function NoteMetaInputs({
  noteType,
  activityCode,
  onNoteTypeChange,
  onActivityCodeChange,
  options,
  errors = {},
  required,
  disabled = false,
}: NoteMetaInputsProps) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
      <Select
        label="Note Type"
        data={options.noteTypes}
        value={noteType}
        onChange={onNoteTypeChange}
        searchable
        withAsterisk={required}
        error={errors.noteType ?? undefined}
        disabled={disabled}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label="Activity Code"
        data={options.activityCodes}
        value={activityCode}
        onChange={onActivityCodeChange}
        searchable
        withAsterisk={required}
        error={errors.activityCode ?? undefined}
        disabled={disabled}
        comboboxProps={{ withinPortal: true }}
      />
    </SimpleGrid>
  );
}

export interface PrivateSwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/**
 * `Private`: its state is told three ways, never by colour alone (WCAG 1.4.1): the words beside it ("Private —
 * only technicians see this" or "Public"), an icon (a lock or a globe), and a tinted, edged box when private.
 * The switch's accessible name stays "Private" so its checked state reads the same to a screen reader.
 */
export function PrivateSwitch({ checked, onChange, disabled = false }: PrivateSwitchProps) {
  const stateId = useId();
  return (
    <Box
      data-private={checked || undefined}
      px="sm"
      py={6}
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        border: `1px solid ${checked ? 'var(--mantine-color-orange-outline)' : 'var(--mantine-color-default-border)'}`,
        borderInlineStartWidth: checked ? 5 : 1,
        background: checked ? 'var(--mantine-color-orange-light)' : 'transparent',
      }}
    >
      <Group gap="sm" wrap="wrap" style={{ rowGap: 2 }}>
        <Switch
          label="Private"
          aria-describedby={stateId}
          checked={checked}
          onChange={(event) => onChange(event.currentTarget.checked)}
          disabled={disabled}
          color="orange"
          styles={{ label: { fontWeight: 600 } }}
        />
        <Text
          id={stateId}
          size="sm"
          component="span"
          style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}
        >
          {checked ? <LockIcon size={14} strokeWidth={2} /> : <GlobeIcon size={14} strokeWidth={2} />}
          {checked ? 'Private — only technicians see this' : 'Public'}
        </Text>
      </Group>
    </Box>
  );
}
