import { fieldNumber, fieldText, fieldValue, type FieldMap } from '../../api/field-map.ts';
import { parseBoolean, parseWireDate, parseWireDuration } from '../../fields/codecs.ts';
import { NoteSeq } from '../../fields/note-fields.ts';

/** What the timeline shows of one note record. */
export interface NoteView {
  /** Seq 1, the id GET /tickets/Note/{id} takes; null when the server left it out. */
  id: number | null;
  text: string;
  date: Date | null;
  technician: string | null;
  requestor: string | null;
  noteType: string | null;
  activityCode: string | null;
  /** Seconds. */
  durationSeconds: number | null;
  isPrivate: boolean;
  /** Seq 14 is set only on system notes ("Status Changed"); interfaces.md, Note records. */
  systemActivity: string | null;
  emailToFrom: string | null;
}

function nonEmpty(text: string | null): string | null {
  return text !== null && text.trim() !== '' ? text : null;
}

export function toNoteView(map: FieldMap): NoteView {
  const systemActivity = nonEmpty(fieldText(map, NoteSeq.systemActivity));
  return {
    id: fieldNumber(map, NoteSeq.sequence),
    text: fieldText(map, NoteSeq.note) ?? '',
    date: parseWireDate(fieldValue(map, NoteSeq.date)),
    technician:
      nonEmpty(fieldText(map, NoteSeq.technicianName)) ?? nonEmpty(fieldText(map, NoteSeq.lastUser)),
    requestor: nonEmpty(fieldText(map, NoteSeq.requestorName)),
    noteType: nonEmpty(fieldText(map, NoteSeq.noteType)),
    activityCode: nonEmpty(fieldText(map, NoteSeq.activityCode)),
    durationSeconds: parseWireDuration(fieldValue(map, NoteSeq.duration)),
    // protocol-notes §2.3: Private may come as the string "True"; parseBoolean reads both.
    isPrivate: parseBoolean(fieldValue(map, NoteSeq.private)) === true,
    systemActivity,
    emailToFrom: nonEmpty(fieldText(map, NoteSeq.emailToFrom)),
  };
}

/**
 * Newest first by the note's Date (seq 7). The server's order is not documented, so the client sorts; notes
 * without a date go last, ties by id descending so the order is stable.
 */
export function sortNotesNewestFirst(notes: readonly NoteView[]): NoteView[] {
  return [...notes].sort((a, b) => {
    const at = a.date?.getTime() ?? Number.NEGATIVE_INFINITY;
    const bt = b.date?.getTime() ?? Number.NEGATIVE_INFINITY;
    if (at !== bt) return bt - at;
    return (b.id ?? 0) - (a.id ?? 0);
  });
}

/**
 * Whether the server may have cut the text at `maxContentLength`. The cut is silent on the wire (no flag, no
 * ellipsis), so a text as long as the limit is offered in full on request.
 */
export function mayBeCut(text: string, maxContentLength: number): boolean {
  return maxContentLength > 0 && text.length >= maxContentLength;
}
