import type { FieldMap, Seq, WireValue } from '../../api/field-map.ts';
import { formatDateTime, parseWireDate, wireText } from '../../fields/codecs.ts';
import { formCodecs, toFormValues, type FieldFormValues, type FormValue } from '../../fields/form-codecs.ts';
import { fieldLabel } from '../../fields/record-view.ts';
import { ticketCatalog, TicketSeq } from '../../fields/ticket-fields.ts';

// The pure part of the edit and create forms: what changed, what a colleague changed meanwhile, and how the
// three conflict choices rebuild the form. Kept apart from React so each rule is tested on its own.

function definitionOf(seq: Seq) {
  const definition = ticketCatalog[seq as keyof typeof ticketCatalog];
  if (!definition) throw new Error(`Field ${seq} is not in the ticket catalog.`);
  return definition;
}

/** The wire value of a form value, for comparing (so `1:30` and `01:30:00` are the same duration). */
function wireOf(seq: Seq, values: FieldFormValues): WireValue | undefined {
  const definition = definitionOf(seq);
  return formCodecs[definition.kind].toWire(values[definition.key] ?? null);
}

/** Whether two form values of `seq` mean the same thing on the wire. Unconvertible values compare as typed. */
export function sameFieldValue(seq: Seq, a: FieldFormValues, b: FieldFormValues): boolean {
  const left = wireOf(seq, a);
  const right = wireOf(seq, b);
  if (left === undefined || right === undefined) {
    const key = definitionOf(seq).key;
    return (a[key] ?? null) === (b[key] ?? null);
  }
  return left === right;
}

/** Seqs whose value in `current` differs from `initial` (including values that do not convert yet). */
export function changedSeqs(initial: FieldFormValues, current: FieldFormValues, seqs: readonly Seq[]): Seq[] {
  return seqs.filter((seq) => !sameFieldValue(seq, initial, current));
}

/** The record's Last Modified (seq 2) as the server wrote it: compared as text, never parsed (no rounding). */
export function lastModifiedOf(record: FieldMap): string | null {
  return wireText(record.get(TicketSeq.lastModified)?.value ?? null);
}

export interface FieldConflict {
  seq: Seq;
  key: string;
  label: string;
  /** The value when the form opened. */
  original: FormValue;
  /** The value on the server now. */
  theirs: FormValue;
  /** The value in the form. */
  mine: FormValue;
}

export interface TicketConflict {
  /** Last User (seq 3) of the fresh record, or null when the server did not say. */
  changedBy: string | null;
  /** Last Modified (seq 2) of the fresh record. */
  changedAt: Date | null;
  /** The fresh record's Last Modified as sent (the new base once the conflict is settled). */
  lastModified: string | null;
  /** Fields both of us changed, to different values: the technician must choose. */
  conflicts: FieldConflict[];
  /** Fields only they changed: the form takes their values (we never send those fields). */
  theirChanges: FieldConflict[];
  /** Fields only I changed: sent as they are whatever the choice. */
  myChanges: Seq[];
  /** The fresh record, for labels and the new base. */
  fresh: FieldMap;
}

/**
 * Compares the form with the record the server has now. Returns null when Last Modified has not moved since
 * the form opened (protocol-notes: the API has no ETags, so Last Modified is the only version we have).
 */
export function detectConflict(
  openedLastModified: string | null,
  original: FieldFormValues,
  mine: FieldFormValues,
  fresh: FieldMap,
  seqs: readonly Seq[],
): TicketConflict | null {
  const freshLastModified = lastModifiedOf(fresh);
  if (freshLastModified === openedLastModified) return null;
  const theirs = toFormValues(fresh, seqs, ticketCatalog);
  const conflicts: FieldConflict[] = [];
  const theirChanges: FieldConflict[] = [];
  const myChanges: Seq[] = [];
  for (const seq of seqs) {
    const definition = definitionOf(seq);
    const iChanged = !sameFieldValue(seq, original, mine);
    const theyChanged = !sameFieldValue(seq, original, theirs);
    const entry: FieldConflict = {
      seq,
      key: definition.key,
      label: fieldLabel(fresh, seq, ticketCatalog),
      original: original[definition.key] ?? null,
      theirs: theirs[definition.key] ?? null,
      mine: mine[definition.key] ?? null,
    };
    if (iChanged && theyChanged) {
      if (sameFieldValue(seq, mine, theirs)) continue;
      conflicts.push(entry);
    } else if (theyChanged) {
      theirChanges.push(entry);
    } else if (iChanged) {
      myChanges.push(seq);
    }
  }
  return {
    changedBy: wireText(fresh.get(TicketSeq.lastUser)?.value ?? null),
    changedAt: parseWireDate(fresh.get(TicketSeq.lastModified)?.value ?? null),
    lastModified: freshLastModified,
    conflicts,
    theirChanges,
    myChanges,
    fresh,
  };
}

export interface RebasedForm {
  /** The new "original": the server's values now. */
  initial: FieldFormValues;
  /** What the form holds after the choice. */
  values: FieldFormValues;
  /** The new base Last Modified. */
  lastModified: string | null;
}

/**
 * `Keep mine`: my values win in the conflicting fields; their other changes are taken; my other changes stay.
 * Against the fresh record as the new original, everything I changed is still a change, so it is all sent.
 */
export function keepMine(conflict: TicketConflict, mine: FieldFormValues, seqs: readonly Seq[]): RebasedForm {
  const initial = toFormValues(conflict.fresh, seqs, ticketCatalog);
  const values: FieldFormValues = { ...initial };
  for (const seq of [...conflict.myChanges, ...conflict.conflicts.map((entry) => entry.seq)]) {
    const key = definitionOf(seq).key;
    values[key] = mine[key] ?? null;
  }
  return { initial, values, lastModified: conflict.lastModified };
}

/**
 * `Take theirs`: the conflicting fields take the server's values (my edits there are dropped), and my
 * non-conflicting changes stay in the form, unsaved, for the technician to look over and save.
 */
export function takeTheirs(
  conflict: TicketConflict,
  mine: FieldFormValues,
  seqs: readonly Seq[],
): RebasedForm {
  const initial = toFormValues(conflict.fresh, seqs, ticketCatalog);
  const values: FieldFormValues = { ...initial };
  for (const seq of conflict.myChanges) {
    const key = definitionOf(seq).key;
    values[key] = mine[key] ?? null;
  }
  return { initial, values, lastModified: conflict.lastModified };
}

/** A form value as a technician reads it in the conflict table. */
export function describeFormValue(seq: Seq, value: FormValue): string {
  if (value === null || value === '') return '(empty)';
  const definition = definitionOf(seq);
  if (definition.kind === 'boolean') return value === true ? 'Yes' : 'No';
  if (definition.kind === 'date-time' && typeof value === 'string') {
    const wire = formCodecs['date-time'].toWire(value);
    const date = typeof wire === 'string' ? parseWireDate(wire) : null;
    return date ? formatDateTime(date) : value;
  }
  return String(value);
}

/**
 * The server's 400 message names the field by its display name ("The Location 'Nowhere' was not found."):
 * find the changed field it names, so the message can also sit under that input.
 */
export function fieldNamedIn(message: string, seqs: readonly Seq[], record: FieldMap | null): Seq | null {
  const text = message.toLowerCase();
  let best: { seq: Seq; length: number } | null = null;
  for (const seq of seqs) {
    const names = [definitionOf(seq).name, record ? fieldLabel(record, seq, ticketCatalog) : null];
    for (const name of names) {
      if (!name) continue;
      const lower = name.toLowerCase();
      // The longest name wins: "Requestor" must not claim a message about "Requestor Phone".
      if (new RegExp(`\\b${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text)) {
        if (!best || lower.length > best.length) best = { seq, length: lower.length };
      }
    }
  }
  return best?.seq ?? null;
}
