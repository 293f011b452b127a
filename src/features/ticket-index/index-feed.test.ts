import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { ticketQueries } from '../../api/queries.ts';
import { feedFromQueryClient, fetchTicketWith, searchIntoIndex } from './index-feed.ts';
import {
  fakeApiClient,
  FakeServer,
  flushMicrotasks,
  freshIndexedDb,
  openTestIndex,
  ticketMap,
} from './sync-test-support.ts';

beforeEach(() => {
  freshIndexedDb();
});

describe('feeding the index', () => {
  it('indexes every ticket detail the app loads', async () => {
    const index = await openTestIndex();
    const server = new FakeServer([101, 105]);
    const client = fakeApiClient(server);
    const queryClient = new QueryClient();
    const off = feedFromQueryClient(queryClient, index);
    await queryClient.fetchQuery(ticketQueries.detail(client, 105));
    expect(index.get(105)?.summary).toBe('Ticket 105');
    off();
  });

  it('indexes a ticket that was read when the scheduler runs, not before', async () => {
    const index = await openTestIndex();
    const server = new FakeServer([101]);
    const queryClient = new QueryClient();
    const scheduled: (() => void)[] = [];
    const off = feedFromQueryClient(queryClient, index, { scheduleRead: (run) => scheduled.push(run) });
    await queryClient.fetchQuery(ticketQueries.detail(fakeApiClient(server), 101));
    expect(index.get(101)).toBeUndefined();
    for (const run of scheduled) run();
    expect(index.get(101)?.summary).toBe('Ticket 101');
    off();
  });

  it('indexes the tickets read before the index opened', async () => {
    const index = await openTestIndex();
    const server = new FakeServer([101, 105]);
    const client = fakeApiClient(server);
    const queryClient = new QueryClient();
    await queryClient.fetchQuery(ticketQueries.detail(client, 101));
    expect(index.get(101)).toBeUndefined();
    const off = feedFromQueryClient(queryClient, index);
    expect(index.get(101)?.summary).toBe('Ticket 101');
    off();
  });

  it('indexes the ticket a write answers with', async () => {
    const index = await openTestIndex();
    const queryClient = new QueryClient();
    const off = feedFromQueryClient(queryClient, index);
    await queryClient
      .getMutationCache()
      .build(queryClient, {
        mutationFn: () => Promise.resolve({ ticket: ticketMap({ id: 210, status: 'Closed' }), note: null }),
      })
      .execute(undefined);
    expect(index.get(210)?.status).toBe('Closed');
    off();
  });

  it('remembers a ticket whose detail answers 404 as not visible', async () => {
    const index = await openTestIndex();
    const server = new FakeServer([101]);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const off = feedFromQueryClient(queryClient, index);
    await queryClient.fetchQuery(ticketQueries.detail(fakeApiClient(server), 102)).catch(() => undefined);
    await flushMicrotasks();
    expect(index.getMissing(102)?.kind).toBe('not-found');
    off();
  });

  it('indexes /searches results and tolerates a server without /searches', async () => {
    const index = await openTestIndex();
    const server = new FakeServer([101, 102, 103]);
    const found = await searchIntoIndex(fakeApiClient(server), index, { term: '', moduleId: 24 });
    expect(found).toEqual({ ok: true, ids: [101, 102, 103], count: 3 });
    expect(index.get(102)?.source).toBe('search');
    const failed = await searchIntoIndex(fakeApiClient(server, { searches: 'fail' }), index, {
      term: 'x',
      moduleId: 24,
    });
    expect(failed.ok).toBe(false);
    expect(index.getSnapshot().stats.count).toBe(3);
  });

  it('turns 404 and 403 into "not visible" outcomes and lets other errors through', async () => {
    const server = new FakeServer([101]);
    server.forbidden.add(103);
    const fetchTicket = fetchTicketWith(fakeApiClient(server));
    const signal = new AbortController().signal;
    expect((await fetchTicket(101, signal)).kind).toBe('found');
    expect(await fetchTicket(102, signal)).toEqual({ kind: 'missing', reason: 'not-found' });
    expect(await fetchTicket(103, signal)).toEqual({ kind: 'missing', reason: 'forbidden' });
    server.failing.set(101, 1);
    await expect(fetchTicket(101, signal)).rejects.not.toBeInstanceOf(ApiError);
  });
});
