// The one in-memory shape of every Track-It! record: `{"<seq>": {"DisplayName": "...", "Value": ...}}` on the
// wire (protocol-notes §2.4) becomes a map keyed by sequence number. Display names are kept because admins
// rename fields and the server sends the new names; a missing sequence means null (the API omits nulls).

export type Seq = number;
export type WireValue = string | number | boolean | null;

export interface FieldEntry {
  displayName: string;
  value: WireValue;
}

export type FieldMap = ReadonlyMap<Seq, FieldEntry>;

/** The sequence of a note's text (protocol-notes §2.4 note table). */
const NOTE_TEXT_SEQ = 5;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toWireValue(raw: unknown): WireValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  // Nested objects or arrays are not part of the documented record shape; keep them visible as text rather
  // than dropping data the technician may need.
  try {
    return JSON.stringify(raw) ?? null;
  } catch {
    return null;
  }
}

/** Whether a string is a sequence key: a non-negative integer written plainly ("7", not "07" or "7.0"). */
function seqFromKey(key: string): Seq | null {
  if (!/^\d{1,9}$/.test(key)) return null;
  const seq = Number(key);
  return String(seq) === key ? seq : null;
}

/**
 * Normalises one wire record to a FieldMap. Tolerant by design: keys that are not sequence numbers and entries
 * that are not `{DisplayName, Value}` objects are skipped; anything that is not an object gives an empty map.
 */
export function toFieldMap(record: unknown): FieldMap {
  const map = new Map<Seq, FieldEntry>();
  if (!isPlainObject(record)) return map;
  for (const [key, entry] of Object.entries(record)) {
    const seq = seqFromKey(key);
    if (seq === null || !isPlainObject(entry)) continue;
    // protocol-notes §5 #9: the doc page shows " Ticket ID" with a leading space.
    const displayName = typeof entry.DisplayName === 'string' ? entry.DisplayName.trim() : '';
    const value = toWireValue(entry.Value);
    map.set(seq, { displayName, value });
  }
  return swapMisplacedNoteText(map);
}

/**
 * protocol-notes §5 #3: the Close example puts the note's text in DisplayName and "note" in Value for seq 5.
 * Only applied when the record looks like a note (Value is literally "note" and DisplayName is not "Note").
 */
function swapMisplacedNoteText(map: Map<Seq, FieldEntry>): Map<Seq, FieldEntry> {
  const entry = map.get(NOTE_TEXT_SEQ);
  if (
    entry &&
    typeof entry.value === 'string' &&
    entry.value.trim().toLowerCase() === 'note' &&
    entry.displayName.toLowerCase() !== 'note' &&
    entry.displayName !== ''
  ) {
    map.set(NOTE_TEXT_SEQ, { displayName: 'Note', value: entry.displayName });
  }
  return map;
}

/** The value at a sequence, or null when the server left it out. */
export function fieldValue(map: FieldMap, seq: Seq): WireValue {
  return map.get(seq)?.value ?? null;
}

/** The value at a sequence as a string (numbers are written out), or null. */
export function fieldText(map: FieldMap, seq: Seq): string | null {
  const value = fieldValue(map, seq);
  if (value === null) return null;
  return typeof value === 'string' ? value : String(value);
}

/** The value at a sequence as a finite number (numeric strings are accepted), or null. */
export function fieldNumber(map: FieldMap, seq: Seq): number | null {
  const value = fieldValue(map, seq);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}
