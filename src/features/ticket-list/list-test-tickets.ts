import type { ListTicket } from './list-ticket.ts';

// Tickets for the list's unit tests: every field null unless given.

export function listTicket(id: number, fields: Partial<ListTicket> = {}): ListTicket {
  return {
    id,
    summary: null,
    status: 'Open',
    statusType: 'open',
    priority: null,
    assigneeLogin: null,
    assigneeName: null,
    group: null,
    category: null,
    requestorName: null,
    openedAt: null,
    dueAt: null,
    closedAt: null,
    lastModifiedAt: null,
    latestNoteAt: null,
    inactive: null,
    ...fields,
  };
}

/** Local time, as a technician reads a date. */
export function at(year: number, month: number, day: number, hour = 12): number {
  return new Date(year, month - 1, day, hour).getTime();
}
