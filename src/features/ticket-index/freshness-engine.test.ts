import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pickStale, runFreshnessPass, startFreshnessLoop } from './freshness-engine.ts';
import { toIndexedTicket } from './indexed-ticket.ts';
import type { TicketIndex } from './index-snapshot.ts';
import { FakeServer, FakeVisibility, freshIndexedDb, openTestIndex, ticketMap } from './sync-test-support.ts';

const NOW = Date.UTC(2026, 10, 28, 6, 0, 0);
const MINUTE = 60_000;

async function seed(index: TicketIndex, rows: { id: number; status: string; readMinutesAgo: number }[]) {
  await index.upsert(
    rows.map((row) =>
      toIndexedTicket(ticketMap({ id: row.id, status: row.status }), {
        fetchedAt: NOW - row.readMinutesAgo * MINUTE,
        statusTypeOf: (s) => (s === 'Closed' ? 'closed' : 'open'),
      })!,
    ),
  );
}

beforeEach(() => {
  freshIndexedDb();
});

describe('freshness', () => {
  it('picks open and pinned tickets, stalest first, skipping closed and recently read ones', async () => {
    const index = await openTestIndex();
    await seed(index, [
      { id: 1, status: 'Open', readMinutesAgo: 10 },
      { id: 2, status: 'Open', readMinutesAgo: 50 },
      { id: 3, status: 'Closed', readMinutesAgo: 90 },
      { id: 4, status: 'In Progress', readMinutesAgo: 30 },
      { id: 5, status: 'Open', readMinutesAgo: 0.5 },
      { id: 6, status: 'Closed', readMinutesAgo: 20 },
    ]);
    const ids = pickStale(index, { now: NOW, pinnedIds: [6, 99], budget: 4, minAgeMs: MINUTE });
    // 99 is pinned but not indexed (never read): first; closed 3 is not pinned: left out; 5 is fresh.
    expect(ids).toEqual([99, 2, 4, 6]);
  });

  it('updates the index and every view when Last Modified changed, and only then', async () => {
    const index = await openTestIndex();
    await seed(index, [
      { id: 1, status: 'Open', readMinutesAgo: 10 },
      { id: 2, status: 'Open', readMinutesAgo: 20 },
    ]);
    const server = new FakeServer();
    server.tickets.set(1, { id: 1, status: 'Open' });
    server.tickets.set(2, { id: 2, status: 'Closed', lastModified: '2026-11-28T05:59:00.0000000Z' });
    const onChanged = vi.fn();
    const result = await runFreshnessPass({
      index,
      fetchTicket: server.fetch,
      now: NOW,
      pinnedIds: [],
      budget: 8,
      minAgeMs: MINUTE,
      statusTypeOf: (s) => (s === 'Closed' ? 'closed' : 'open'),
      onChanged,
    });
    expect(result.checked.sort()).toEqual([1, 2]);
    expect(result.changed).toEqual([2]);
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(onChanged.mock.calls[0]?.[0]).toBe(2);
    expect(index.get(2)?.status).toBe('Closed');
    expect(index.get(1)?.fetchedAt).toBe(NOW);
  });

  it('keeps to its budget of requests per pass', async () => {
    const index = await openTestIndex();
    await seed(
      index,
      Array.from({ length: 50 }, (_, i) => ({ id: i + 1, status: 'Open', readMinutesAgo: 100 - i })),
    );
    const server = new FakeServer(Array.from({ length: 50 }, (_, i) => i + 1));
    await runFreshnessPass({
      index,
      fetchTicket: server.fetch,
      now: NOW,
      pinnedIds: [],
      budget: 5,
      minAgeMs: MINUTE,
    });
    expect(server.requested.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('marks a ticket that now answers 404 as not visible', async () => {
    const index = await openTestIndex();
    await seed(index, [{ id: 7, status: 'Open', readMinutesAgo: 30 }]);
    const server = new FakeServer();
    const onGone = vi.fn();
    const result = await runFreshnessPass({
      index,
      fetchTicket: server.fetch,
      now: NOW,
      pinnedIds: [],
      budget: 8,
      minAgeMs: MINUTE,
      onGone,
    });
    expect(result.gone).toEqual([7]);
    expect(index.get(7)).toBeUndefined();
    expect(index.getMissing(7)?.kind).toBe('not-found');
    expect(onGone).toHaveBeenCalledWith(7, 'not-found');
  });

  it('runs a pass on the interval and when the window regains focus, never while hidden', async () => {
    vi.useFakeTimers();
    try {
      const visibility = new FakeVisibility();
      let focus: () => void = () => undefined;
      const runPass = vi.fn(() => Promise.resolve());
      const loop = startFreshnessLoop({
        intervalMs: 120_000,
        visibility,
        runPass,
        subscribeFocus: (listener) => {
          focus = listener;
          return () => undefined;
        },
      });
      await vi.advanceTimersByTimeAsync(120_000);
      expect(runPass).toHaveBeenCalledTimes(1);
      focus();
      expect(runPass).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(0);
      visibility.visible = false;
      await vi.advanceTimersByTimeAsync(240_000);
      focus();
      expect(runPass).toHaveBeenCalledTimes(2);
      visibility.set(true);
      expect(runPass).toHaveBeenCalledTimes(3);
      loop.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
