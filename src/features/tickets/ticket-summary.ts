import { fieldNumber, fieldText, fieldValue, type FieldMap } from '../../api/field-map.ts';
import { parseWireDate } from '../../fields/codecs.ts';
import { TicketSeq } from '../../fields/ticket-fields.ts';
import type { StatusType } from '../../config/config-schema.ts';

/** What the header shows of a ticket, read once from its field map. */
export interface TicketSummary {
  id: number;
  summary: string | null;
  status: string | null;
  priority: string | null;
  assignee: string | null;
  assignedGroup: string | null;
  requestor: string | null;
  due: Date | null;
  closed: Date | null;
}

function text(map: FieldMap, seq: number): string | null {
  const value = fieldText(map, seq);
  return value !== null && value.trim() !== '' ? value.trim() : null;
}

function joinName(first: string | null, last: string | null): string | null {
  const name = [first, last].filter((part) => part !== null).join(' ');
  return name === '' ? null : name;
}

export function toTicketSummary(map: FieldMap, fallbackId: number): TicketSummary {
  return {
    id: fieldNumber(map, TicketSeq.ticketId) ?? fallbackId,
    summary: text(map, TicketSeq.ticketSummary),
    status: text(map, TicketSeq.status),
    priority: text(map, TicketSeq.priority),
    assignee:
      text(map, TicketSeq.assignedToFullName) ??
      joinName(text(map, TicketSeq.assignedToFirstName), text(map, TicketSeq.assignedToLastName)) ??
      text(map, TicketSeq.assignedToTechnician),
    assignedGroup: text(map, TicketSeq.assignedToGroup),
    requestor:
      text(map, TicketSeq.requestor) ??
      joinName(text(map, TicketSeq.requestorFirstName), text(map, TicketSeq.requestorLastName)) ??
      text(map, TicketSeq.requestorId),
    due: parseWireDate(fieldValue(map, TicketSeq.expectedDueDateTime)),
    closed: parseWireDate(fieldValue(map, TicketSeq.closeDateTime)),
  };
}

/**
 * Overdue: the due date has passed and the ticket is not closed. A status the site did not list counts as not
 * closed unless the ticket has a close date.
 */
export function isOverdue(ticket: TicketSummary, statusType: StatusType | null, now: Date): boolean {
  if (!ticket.due || ticket.due.getTime() >= now.getTime()) return false;
  if (statusType === 'closed') return false;
  return !(statusType === null && ticket.closed !== null);
}
