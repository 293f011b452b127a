import type { IndexStats, TicketIndexSnapshot } from './index-snapshot.ts';
import type { IndexedTicket } from './indexed-ticket.ts';

// What the index hooks give before the index has opened. A module of its own, so that the provider can answer
// with it without loading the index's machinery (index-runtime.ts) before the first page has painted.

const EMPTY_STATS: IndexStats = {
  count: 0,
  newestId: null,
  lastSyncedAt: null,
  lastFullSyncAt: null,
  missingCount: 0,
  pendingIds: 0,
};

export const EMPTY_SNAPSHOT: TicketIndexSnapshot = Object.freeze({
  tickets: Object.freeze([]) as readonly IndexedTicket[],
  byId: new Map<number, IndexedTicket>(),
  version: 0,
  stats: EMPTY_STATS,
});
