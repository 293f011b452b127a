import { queryOptions } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';
import type { ApiClient } from './client.ts';
import {
  getModuleFields,
  getNote,
  getTicket,
  getTicketAssignments,
  getTicketAttachments,
  getTicketNotes,
  getTicketTemplates,
  searchTickets,
  type NoteId,
  type SearchInput,
  type TicketId,
} from './tickets-api.ts';

// queryOptions factories, keys from generic to specific (architecture.md, Server state), so that
// `['tickets', 'detail', id]` invalidates a ticket and everything under it.

export interface NotesOptions {
  systemNotes: boolean;
  maxContentLength: number;
}

/**
 * The notes list the detail view's timeline reads (config.json `display.noteMaxContentLength`; system notes
 * only when asked for). One definition, so that the route's prefetch, the timeline and the action dialogs share
 * one cached list instead of asking for it under three keys.
 */
export function timelineNotes(display: { noteMaxContentLength: number }, systemNotes = false): NotesOptions {
  return { systemNotes, maxContentLength: display.noteMaxContentLength };
}

export const ticketKeys = {
  all: ['tickets'] as const,
  details: () => ['tickets', 'detail'] as const,
  detail: (id: TicketId) => ['tickets', 'detail', id] as const,
  notes: (id: TicketId, options: NotesOptions) =>
    [
      'tickets',
      'detail',
      id,
      'notes',
      { systemNotes: options.systemNotes, maxContentLength: options.maxContentLength },
    ] as const,
  allNotes: (id: TicketId) => ['tickets', 'detail', id, 'notes'] as const,
  attachments: (id: TicketId) => ['tickets', 'detail', id, 'attachments'] as const,
  assignments: (id: TicketId) => ['tickets', 'detail', id, 'assignments'] as const,
  note: (noteId: NoteId) => ['tickets', 'note', noteId] as const,
  search: (input: SearchInput) => ['tickets', 'search', input] as const,
};

export const templateKeys = { all: ['templates'] as const };
export const moduleKeys = { fields: (moduleId: number) => ['module', moduleId, 'fields'] as const };

/**
 * React Query's retry: none for ApiErrors, because the client already retried the transient ones (GETs on
 * network errors and 5xx) and the rest (404, 403, malformed) will not change by asking again. Anything else
 * (a bug surfacing as a TypeError) gets one more try.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return false;
  return failureCount < 1;
}

const DETAIL_STALE_MS = 30_000;

export const ticketQueries = {
  detail: (client: ApiClient, id: TicketId) =>
    queryOptions({
      queryKey: ticketKeys.detail(id),
      queryFn: ({ signal }) => getTicket(client, id, signal),
      staleTime: DETAIL_STALE_MS,
      retry: shouldRetryQuery,
    }),
  notes: (client: ApiClient, id: TicketId, options: NotesOptions) =>
    queryOptions({
      queryKey: ticketKeys.notes(id, options),
      queryFn: ({ signal }) =>
        getTicketNotes(
          client,
          id,
          {
            systemNotes: options.systemNotes,
            maxContentLength: options.maxContentLength,
            pageSize: 0,
            pageNumber: 0,
          },
          signal,
        ),
      staleTime: DETAIL_STALE_MS,
      retry: shouldRetryQuery,
    }),
  /** A note in full (for "Show full note"); notes are not edited through the API, so it stays fresh longer. */
  note: (client: ApiClient, noteId: NoteId) =>
    queryOptions({
      queryKey: ticketKeys.note(noteId),
      queryFn: ({ signal }) => getNote(client, noteId, signal),
      staleTime: 5 * 60_000,
      retry: shouldRetryQuery,
    }),
  attachments: (client: ApiClient, id: TicketId) =>
    queryOptions({
      queryKey: ticketKeys.attachments(id),
      queryFn: ({ signal }) => getTicketAttachments(client, id, { pageSize: 0, pageNumber: 0 }, signal),
      staleTime: DETAIL_STALE_MS,
      retry: shouldRetryQuery,
    }),
  assignments: (client: ApiClient, id: TicketId) =>
    queryOptions({
      queryKey: ticketKeys.assignments(id),
      queryFn: ({ signal }) => getTicketAssignments(client, id, { pageSize: 0, pageNumber: 0 }, signal),
      staleTime: DETAIL_STALE_MS,
      retry: shouldRetryQuery,
    }),
  search: (client: ApiClient, input: SearchInput) =>
    queryOptions({
      queryKey: ticketKeys.search(input),
      queryFn: ({ signal }) => searchTickets(client, input, signal),
      staleTime: DETAIL_STALE_MS,
      retry: shouldRetryQuery,
    }),
};

export const templateQueries = {
  all: (client: ApiClient) =>
    queryOptions({
      queryKey: templateKeys.all,
      queryFn: ({ signal }) => getTicketTemplates(client, signal),
      staleTime: 10 * 60_000,
      retry: shouldRetryQuery,
    }),
};

export const moduleQueries = {
  fields: (client: ApiClient, moduleId: number) =>
    queryOptions({
      queryKey: moduleKeys.fields(moduleId),
      queryFn: ({ signal }) => getModuleFields(client, moduleId, signal),
      staleTime: Number.POSITIVE_INFINITY,
      retry: shouldRetryQuery,
    }),
};
