import type { StatusType } from '../../config/config-schema.ts';

// The ticket fields the list reads. The local ticket index's `IndexedTicket` (features/ticket-index) has this
// shape; a feature never imports another, so the route hands the index's tickets in and TypeScript checks that
// they fit. Dates are epoch milliseconds (UTC) or null. Every string came from the server: render as text.

export interface ListTicket {
  id: number;
  summary: string | null;
  status: string | null;
  /** From config.json's vocabulary; null when unknown. */
  statusType: StatusType | null;
  priority: string | null;
  assigneeLogin: string | null;
  assigneeName: string | null;
  group: string | null;
  category: string | null;
  requestorName: string | null;
  openedAt: number | null;
  dueAt: number | null;
  closedAt: number | null;
  lastModifiedAt: number | null;
  latestNoteAt: number | null;
  inactive: boolean | null;
}

/** The index the list reads: newest id first, and by id. */
export interface ListSource {
  tickets: readonly ListTicket[];
  byId: ReadonlyMap<number, ListTicket>;
}

/** Open work (open or stop-the-clock); an unknown status counts as open unless the ticket has a Close Date. */
export function isOpenListTicket(ticket: Pick<ListTicket, 'statusType' | 'closedAt'>): boolean {
  if (ticket.statusType !== null) return ticket.statusType !== 'closed';
  return ticket.closedAt === null;
}
