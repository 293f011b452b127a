import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearThisBrowsersData } from './index-clear.ts';
import { indexDatabaseName, openIndexStore } from './index-db.ts';
import { openTicketIndex } from './index-snapshot.ts';
import type { IndexedTicket } from './indexed-ticket.ts';
import { freshIndexedDb, openTestIndex, ownerA, ownerB } from './sync-test-support.ts';

function indexed(id: number, extra: Partial<IndexedTicket> = {}): IndexedTicket {
  return {
    id,
    summary: `Ticket ${id}`,
    status: id % 3 === 0 ? 'Closed' : 'Open',
    statusType: id % 3 === 0 ? 'closed' : 'open',
    priority: '3 - Medium',
    assigneeLogin: 'TECH1',
    assigneeName: 'Alex Rivera',
    group: 'HELP DESK',
    category: 'Hardware\\Printers',
    requestorName: 'Dana Whitaker',
    openedAt: 1_700_000_000_000 + id * 60_000,
    dueAt: null,
    closedAt: null,
    lastModifiedAt: 1_700_000_000_000 + id * 60_000,
    lastModifiedRaw: `modified ${id}`,
    latestNoteAt: null,
    clockStoppedAt: null,
    inactive: false,
    fetchedAt: 1_700_000_000_000,
    source: 'ticket',
    ...extra,
  };
}

beforeEach(() => {
  freshIndexedDb();
});

describe('the index snapshot', () => {
  it('loads 10,000 tickets at start-up in one read, newest id first', async () => {
    const writer = await openTestIndex();
    const tickets = Array.from({ length: 10_000 }, (_, i) => indexed(i + 1));
    await writer.upsert(tickets);
    await writer.flush();
    writer.close();

    const started = performance.now();
    const index = await openTestIndex();
    const snapshot = index.getSnapshot();
    const elapsed = performance.now() - started;
    expect(snapshot.stats.count).toBe(10_000);
    expect(snapshot.tickets[0]?.id).toBe(10_000);
    expect(snapshot.tickets.at(-1)?.id).toBe(1);
    expect(snapshot.byId.get(4321)?.summary).toBe('Ticket 4321');
    expect(snapshot.stats.newestId).toBe(10_000);
    // fake-indexeddb in jsdom is far slower than a browser; this only guards against per-record awaits.
    expect(elapsed).toBeLessThan(5_000);
  });

  it('gives a new snapshot with a higher version on every visible change and keeps it otherwise', async () => {
    const index = await openTestIndex();
    const before = index.getSnapshot();
    expect(index.getSnapshot()).toBe(before);
    let calls = 0;
    index.subscribe(() => (calls += 1));
    await index.upsert([indexed(5)]);
    const after = index.getSnapshot();
    expect(after.version).toBe(before.version + 1);
    expect(after.tickets.map((t) => t.id)).toEqual([5]);
    // Read again with nothing new: memory is updated, but nothing re-renders.
    await index.upsert([indexed(5, { fetchedAt: 1_800_000_000_000 })]);
    expect(index.getSnapshot().version).toBe(after.version);
    expect(index.get(5)?.fetchedAt).toBe(1_800_000_000_000);
    expect(calls).toBe(1);
  });

  it('ignores a record older than the one it has (a late search answer never undoes a fresher read)', async () => {
    const index = await openTestIndex();
    await index.upsert([indexed(7, { status: 'Closed', lastModifiedAt: 2_000 })]);
    await index.upsert([indexed(7, { status: 'Open', lastModifiedAt: 1_000, source: 'search' })]);
    expect(index.get(7)?.status).toBe('Closed');
  });

  it('drops a ticket that becomes not visible and counts it as missing', async () => {
    const index = await openTestIndex();
    await index.upsert([indexed(8), indexed(9)]);
    await index.markMissing([{ id: 8, kind: 'forbidden', checkedAt: 1 }]);
    const snapshot = index.getSnapshot();
    expect(snapshot.tickets.map((t) => t.id)).toEqual([9]);
    expect(snapshot.stats.missingCount).toBe(1);
    await index.flush();
    index.close();
    const reopened = await openTestIndex();
    expect(reopened.get(8)).toBeUndefined();
    expect(reopened.getMissing(8)?.kind).toBe('forbidden');
  });

  it('keeps each technician in a database of their own', async () => {
    expect(indexDatabaseName(ownerA)).not.toBe(indexDatabaseName(ownerB));
    expect(indexDatabaseName(ownerA)).toBe(
      indexDatabaseName({ ...ownerA, technician: { group: 'help desk', login: 'tech1' } }),
    );
    expect(indexDatabaseName(ownerA)).not.toBe(
      indexDatabaseName({ ...ownerA, apiBaseUrl: 'https://other.example/TrackIt/WebApi/' }),
    );
    const a = await openTestIndex(ownerA);
    await a.upsert([indexed(101), indexed(102)]);
    await a.flush();
    const b = await openTestIndex(ownerB);
    expect(b.getSnapshot().stats.count).toBe(0);
    expect(b.get(101)).toBeUndefined();
  });

  it("deletes this technician's index and the query cache when the browser's data is cleared", async () => {
    const index = await openTestIndex(ownerA);
    await index.upsert([indexed(1), indexed(2)]);
    await index.flush();
    const other = await openTestIndex(ownerB);
    await other.upsert([indexed(3)]);
    await other.flush();
    const queryClient = new QueryClient();
    queryClient.setQueryData(['tickets', 'detail', 1], 'cached');
    // The open connection closes itself when the deletion asks (versionchange).
    await clearThisBrowsersData({ owner: ownerA, queryClient });
    expect(queryClient.getQueryData(['tickets', 'detail', 1])).toBeUndefined();
    const reopened = await openTicketIndex(await openIndexStore(ownerA));
    expect(reopened.getSnapshot().stats.count).toBe(0);
    const otherAgain = await openTestIndex(ownerB);
    expect(otherAgain.getSnapshot().stats.count).toBe(1);
  });
});
