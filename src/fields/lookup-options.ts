import type { FieldMap } from '../api/field-map.ts';
import type { Vocabulary } from '../config/config-schema.ts';
import type { FieldCatalog, LookupSource } from './field-kinds.ts';
import { ticketCatalog } from './ticket-fields.ts';

// Suggestions for lookup inputs. The WebApi has no lookup endpoints (protocol-notes §2.2), so they come from
// config.json's vocabulary first, then from values seen on loaded records (decisions.md, "Lookup values").

/** The vocabulary's values for a lookup source; sources config.json does not cover give none. */
export function vocabularyOptions(source: LookupSource, vocabulary: Vocabulary): string[] {
  switch (source) {
    case 'status':
      return vocabulary.statuses.map((status) => status.name);
    case 'priority':
      return [...vocabulary.priorities];
    case 'category':
      return [...vocabulary.categories];
    case 'note-type':
      return [...vocabulary.noteTypes];
    case 'activity-code':
      return [...vocabulary.activityCodes];
    case 'group':
      return [...vocabulary.groups];
    case 'technician':
      // Assigned To Technician takes the technician's login (protocol-notes §4, S9).
      return vocabulary.technicians.map((technician) => technician.login);
    default:
      return [];
  }
}

/** Values seen per lookup source in loaded records (trimmed, non-empty), for sources the vocabulary lacks. */
export function seenLookupValues(
  records: Iterable<FieldMap>,
  catalog: FieldCatalog = ticketCatalog,
): Map<LookupSource, Set<string>> {
  const seen = new Map<LookupSource, Set<string>>();
  const lookups = Object.entries(catalog).flatMap(([seq, definition]) =>
    definition.lookup ? [[Number(seq), definition.lookup] as const] : [],
  );
  for (const record of records) {
    for (const [seq, source] of lookups) {
      const value = record.get(seq)?.value;
      if (typeof value !== 'string' || value.trim() === '') continue;
      const set = seen.get(source) ?? new Set<string>();
      set.add(value.trim());
      seen.set(source, set);
    }
  }
  return seen;
}

/** Options for a lookup input: the vocabulary's order first, then other seen values sorted; no duplicates. */
export function lookupOptions(
  source: LookupSource,
  vocabulary: Vocabulary,
  seen: Iterable<string> = [],
): string[] {
  const options = vocabularyOptions(source, vocabulary);
  const known = new Set(options.map((option) => option.toLowerCase()));
  const extra = [...new Set(seen)]
    .filter((value) => !known.has(value.toLowerCase()))
    .sort((a, b) => a.localeCompare(b));
  return [...options, ...extra];
}

// Lookups the server resolves to a record (the emulator answers 400 "The Category '...' was not found."; the real
// server links these to tables too): typing a value outside the list only earns an error.
const resolvedLookups: ReadonlySet<LookupSource> = new Set([
  'status',
  'priority',
  'category',
  'technician',
  'group',
  'requestor',
  'location',
  'department',
  'sla',
  'note-type',
  'activity-code',
]);

/**
 * Whether a lookup input should take free text (an Autocomplete) rather than only the listed options (a Select).
 * Free text where the server accepts any value, and also where it resolves values but config.json gives no list
 * (requestors, locations, ...): the technician must still be able to type one, and a 400 explains a wrong one.
 */
export function lookupAllowsFreeText(source: LookupSource, vocabulary: Vocabulary): boolean {
  return !resolvedLookups.has(source) || vocabularyOptions(source, vocabulary).length === 0;
}
