import { fieldNumber, fieldText, fieldValue, type FieldMap } from '../../api/field-map.ts';
import type { StatusType, Vocabulary } from '../../config/config-schema.ts';
import { parseBoolean, parseWireDate } from '../../fields/codecs.ts';
import { TicketSeq } from '../../fields/ticket-fields.ts';

// One ticket as the local index keeps it: the fields that lists, filters and the dashboard use, flattened out of
// the field map so that ten thousand of them filter and sort without parsing (product.md, "Lists come from a
// local ticket index"). Dates are epoch milliseconds (UTC) or null; text is trimmed, empty text is null. Every
// string came from the server: render it as text only.

export interface IndexedTicket {
  id: number;
  summary: string | null;
  status: string | null;
  /** From config.json's vocabulary (the WebApi has no status lookup); null when the status is unknown there. */
  statusType: StatusType | null;
  priority: string | null;
  assigneeLogin: string | null;
  assigneeName: string | null;
  /** Assigned To Group (seq 34). */
  group: string | null;
  /** Category Full Path (seq 164), else Category (seq 72). */
  category: string | null;
  requestorName: string | null;
  openedAt: number | null;
  dueAt: number | null;
  closedAt: number | null;
  lastModifiedAt: number | null;
  /** Last Modified exactly as the server wrote it: the freshness check compares this string. */
  lastModifiedRaw: string | null;
  latestNoteAt: number | null;
  /** Clock Stop Time (seq 103) is set while an SLA clock is stopped. */
  clockStoppedAt: number | null;
  inactive: boolean | null;
  /** When this browser read it (epoch ms). */
  fetchedAt: number;
  /** 'ticket' = a full GET /tickets/{id}; 'search' = a /searches result (same fields, asked for by seq). */
  source: 'ticket' | 'search';
}

/** The sequences the index reads: ask /searches for these (ResultFields). */
export const INDEXED_SEQS: readonly number[] = [
  TicketSeq.ticketId,
  TicketSeq.lastModified,
  TicketSeq.ticketSummary,
  TicketSeq.status,
  TicketSeq.priority,
  TicketSeq.assignedToTechnician,
  TicketSeq.assignedToFirstName,
  TicketSeq.assignedToLastName,
  TicketSeq.assignedToFullName,
  TicketSeq.assignedToGroup,
  TicketSeq.category,
  TicketSeq.categoryFullPath,
  TicketSeq.requestor,
  TicketSeq.requestorFirstName,
  TicketSeq.requestorLastName,
  TicketSeq.openDateTime,
  TicketSeq.expectedDueDateTime,
  TicketSeq.closeDateTime,
  TicketSeq.latestNoteDate,
  TicketSeq.clockStopTime,
  TicketSeq.inactive,
];

/** Status name -> type, case-insensitively, from config.json's vocabulary. */
export type StatusTypeOf = (status: string | null) => StatusType | null;

export function statusTypeResolver(vocabulary: Pick<Vocabulary, 'statuses'>): StatusTypeOf {
  const types = new Map(vocabulary.statuses.map((s) => [s.name.trim().toLowerCase(), s.type] as const));
  return (status) => (status === null ? null : (types.get(status.trim().toLowerCase()) ?? null));
}

function text(map: FieldMap, seq: number): string | null {
  const value = fieldText(map, seq);
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function time(map: FieldMap, seq: number): number | null {
  return parseWireDate(fieldValue(map, seq))?.getTime() ?? null;
}

function joinName(first: string | null, last: string | null): string | null {
  const name = [first, last].filter((part) => part !== null).join(' ');
  return name === '' ? null : name;
}

/** The id of a ticket field map (seq 1), or null when it has none (not a ticket). */
export function ticketIdOf(map: FieldMap): number | null {
  const id = fieldNumber(map, TicketSeq.ticketId);
  return id !== null && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export interface ToIndexedTicketOptions {
  fetchedAt: number;
  statusTypeOf?: StatusTypeOf;
  source?: IndexedTicket['source'];
}

/** Flattens a ticket's field map; null when the map carries no ticket id. */
export function toIndexedTicket(map: FieldMap, options: ToIndexedTicketOptions): IndexedTicket | null {
  const id = ticketIdOf(map);
  if (id === null) return null;
  const status = text(map, TicketSeq.status);
  const closedAt = time(map, TicketSeq.closeDateTime);
  const fromVocabulary = options.statusTypeOf?.(status) ?? null;
  return {
    id,
    summary: text(map, TicketSeq.ticketSummary),
    status,
    // Without a vocabulary entry a Close Date is the best sign of a closed ticket.
    statusType: fromVocabulary ?? (status === null ? null : closedAt !== null ? 'closed' : null),
    priority: text(map, TicketSeq.priority),
    assigneeLogin: text(map, TicketSeq.assignedToTechnician),
    assigneeName:
      text(map, TicketSeq.assignedToFullName) ??
      joinName(text(map, TicketSeq.assignedToFirstName), text(map, TicketSeq.assignedToLastName)),
    group: text(map, TicketSeq.assignedToGroup),
    category: text(map, TicketSeq.categoryFullPath) ?? text(map, TicketSeq.category),
    requestorName:
      text(map, TicketSeq.requestor) ??
      joinName(text(map, TicketSeq.requestorFirstName), text(map, TicketSeq.requestorLastName)),
    openedAt: time(map, TicketSeq.openDateTime),
    dueAt: time(map, TicketSeq.expectedDueDateTime),
    closedAt,
    lastModifiedAt: time(map, TicketSeq.lastModified),
    lastModifiedRaw: text(map, TicketSeq.lastModified),
    latestNoteAt: time(map, TicketSeq.latestNoteDate),
    clockStoppedAt: time(map, TicketSeq.clockStopTime),
    inactive: parseBoolean(fieldValue(map, TicketSeq.inactive)),
    fetchedAt: options.fetchedAt,
    source: options.source ?? 'ticket',
  };
}

/** Whether a ticket counts as open work (open or stop-the-clock); unknown statuses count as open. */
export function isOpenTicket(ticket: Pick<IndexedTicket, 'statusType' | 'closedAt'>): boolean {
  if (ticket.statusType !== null) return ticket.statusType !== 'closed';
  return ticket.closedAt === null;
}

/** Same content apart from when it was read. */
export function sameTicketContent(a: IndexedTicket, b: IndexedTicket): boolean {
  for (const key of Object.keys(a) as (keyof IndexedTicket)[]) {
    if (key === 'fetchedAt' || key === 'source') continue;
    if (a[key] !== b[key]) return false;
  }
  return true;
}
