import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/client.ts';
import type { FieldMap } from '../../api/field-map.ts';
import { getTicket, searchTickets } from '../../api/tickets-api.ts';
import type { MissingKind } from './index-db.ts';
import type { TicketIndex } from './index-snapshot.ts';
import { INDEXED_SEQS, ticketIdOf, toIndexedTicket, type StatusTypeOf } from './indexed-ticket.ts';
import type { FetchOutcome, FetchTicket } from './sync-engine.ts';

// What feeds the index besides the sync: every ticket the app loads (the QueryCache's detail queries and the
// tickets that writes answer with, protocol-notes §5 #14) and /searches results.

/** 404 and 403 mean "not visible to this technician" (decisions.md, Errors: data segregation answers 404);
 * protocol-notes §4: a real server may answer an unknown id with another 4xx, so a 400 counts as not there. */
export function missingKindOf(error: unknown): MissingKind | null {
  if (!(error instanceof ApiError)) return null;
  if (error.kind === 'not-found') return 'not-found';
  if (error.kind === 'forbidden') return 'forbidden';
  if (error.kind === 'bad-request') return 'refused';
  return null;
}

/** GET /tickets/{id} for the sync and freshness engines, with "not visible" as an outcome, not an error. */
export function fetchTicketWith(client: ApiClient): FetchTicket {
  return async (id, signal): Promise<FetchOutcome> => {
    try {
      return { kind: 'found', ticket: await getTicket(client, id, signal) };
    } catch (error) {
      const reason = missingKindOf(error);
      if (reason) return { kind: 'missing', reason };
      throw error;
    }
  };
}

// Field maps the index wrote itself before handing them to the QueryCache (freshness): not indexed twice.
const alreadyIndexed = new WeakSet<FieldMap>();

export function markIndexed(map: FieldMap): void {
  alreadyIndexed.add(map);
}

function isFieldMap(value: unknown): value is FieldMap {
  return value instanceof Map;
}

function detailId(queryKey: readonly unknown[]): number | null {
  if (queryKey.length !== 3 || queryKey[0] !== 'tickets' || queryKey[1] !== 'detail') return null;
  const id = queryKey[2];
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

/** The ticket in a mutation's answer: a FieldMap (update, create) or `{ ticket, note }` (AddNote, ChangeStatus, Close). */
function ticketOfMutationData(data: unknown): FieldMap | null {
  if (isFieldMap(data)) return ticketIdOf(data) === null ? null : data;
  if (typeof data === 'object' && data !== null && 'ticket' in data) {
    const ticket = (data as { ticket: unknown }).ticket;
    if (isFieldMap(ticket) && ticketIdOf(ticket) !== null) return ticket;
  }
  return null;
}

export interface FeedOptions {
  statusTypeOf?: StatusTypeOf;
  now?: () => number;
  /**
   * When a ticket that was read (not written) is indexed; default at once. The app passes "when idle", so that
   * indexing runs after the ticket's detail has been painted (issue 3 bench: response to paint).
   */
  scheduleRead?: (run: () => void) => void;
}

/**
 * Indexes every successful `['tickets','detail',id]` query and every ticket a mutation answers with; a detail
 * query that fails with 404/403 marks the id as not visible. Returns the unsubscribe function.
 */
export function feedFromQueryClient(
  queryClient: QueryClient,
  index: TicketIndex,
  options: FeedOptions = {},
): () => void {
  const now = options.now ?? (() => Date.now());
  function add(map: FieldMap): void {
    if (index.closed || alreadyIndexed.has(map)) return;
    const ticket = toIndexedTicket(map, {
      fetchedAt: now(),
      source: 'ticket',
      ...(options.statusTypeOf ? { statusTypeOf: options.statusTypeOf } : {}),
    });
    if (!ticket) return;
    alreadyIndexed.add(map);
    void index.upsert([ticket]);
  }
  const offQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const id = detailId(event.query.queryKey);
    if (id === null) return;
    if (event.action.type === 'success' && isFieldMap(event.action.data)) {
      const map = event.action.data;
      if (options.scheduleRead) options.scheduleRead(() => add(map));
      else add(map);
    }
    if (event.action.type === 'error') {
      const kind = missingKindOf(event.action.error);
      if (kind && kind !== 'refused' && !index.closed)
        void index.markMissing([{ id, kind, checkedAt: now() }]);
    }
  });
  const offMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const ticket = ticketOfMutationData(event.action.data);
    if (ticket) add(ticket);
  });
  // Tickets already read before the index opened (it opens after the first page has painted): indexed too.
  for (const query of queryClient.getQueryCache().getAll()) {
    if (detailId(query.queryKey) !== null && isFieldMap(query.state.data)) add(query.state.data);
  }
  return () => {
    offQueries();
    offMutations();
  };
}

export interface SearchIntoIndexInput {
  term: string;
  moduleId: number;
  pageSize?: number;
  pageNumber?: number;
}

export type SearchIntoIndexResult =
  { ok: true; ids: number[]; count: number | null } | { ok: false; error: unknown };

/**
 * POST /searches asking for the fields the index keeps, and indexes the results. Tolerant (decisions.md,
 * POST /searches: undocumented): a failure is returned, never thrown, and the index works without it.
 */
export async function searchIntoIndex(
  client: ApiClient,
  index: TicketIndex,
  input: SearchIntoIndexInput,
  options: FeedOptions & { signal?: AbortSignal } = {},
): Promise<SearchIntoIndexResult> {
  const now = options.now ?? (() => Date.now());
  try {
    const results = await searchTickets(
      client,
      { ...input, resultFields: [...INDEXED_SEQS], maxContentLength: 200 },
      options.signal,
    );
    const fetchedAt = now();
    const tickets = results.records
      .map((record) =>
        toIndexedTicket(record, {
          fetchedAt,
          source: 'search',
          ...(options.statusTypeOf ? { statusTypeOf: options.statusTypeOf } : {}),
        }),
      )
      .filter((ticket) => ticket !== null);
    // A result that lacks Last Modified is too thin to replace what a full read gave.
    const usable = tickets.filter((t) => t.lastModifiedRaw !== null || !index.get(t.id));
    if (!index.closed && usable.length > 0) await index.upsert(usable);
    return { ok: true, ids: tickets.map((t) => t.id), count: results.count };
  } catch (error) {
    return { ok: false, error };
  }
}
