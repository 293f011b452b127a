import { beforeEach, describe, expect, it } from 'vitest';
import { createSyncEngine, type SyncEngineOptions, type SyncSettings } from './sync-engine.ts';
import type { TicketIndex } from './index-snapshot.ts';
import {
  FakeClock,
  FakeScheduler,
  FakeServer,
  FakeVisibility,
  flushMicrotasks,
  freshIndexedDb,
  idsWithGaps,
  openTestIndex,
} from './sync-test-support.ts';

const settings: SyncSettings = { concurrency: 4, batchDelayMs: 250, idleIntervalMs: 120_000 };

function engineFor(
  index: TicketIndex,
  server: FakeServer,
  extra: Omit<Partial<SyncEngineOptions>, 'settings'> & { settings?: Partial<SyncSettings> } = {},
) {
  const clock = extra.clock instanceof FakeClock ? extra.clock : new FakeClock();
  const scheduler = new FakeScheduler(clock);
  const visibility = new FakeVisibility();
  const engine = createSyncEngine({
    index,
    fetchTicket: server.fetch,
    clock,
    scheduler,
    visibility,
    random: () => 0.5,
    ...extra,
    settings: { ...settings, ...extra.settings },
  });
  return {
    engine,
    clock,
    scheduler,
    visibility: (extra.visibility as FakeVisibility | undefined) ?? visibility,
  };
}

beforeEach(() => {
  freshIndexedDb();
});

describe('probing for the newest ticket id', () => {
  it('finds the newest id from an empty index although ids start at 101 and have gaps', async () => {
    const ids = idsWithGaps(101, 1234, [150, 151, 152, 700, 1000, 1001, 1002, 1003, 1233]);
    const server = new FakeServer(ids);
    const index = await openTestIndex();
    const { engine } = engineFor(index, server, { settings: { batchSize: 10_000 } });
    await engine.runPass();
    expect(index.meta().newestId).toBe(1234);
    await engine.stop();
  });

  it('finds new tickets above the highest known id, across a run of deleted ids', async () => {
    const server = new FakeServer(idsWithGaps(101, 300, []));
    const index = await openTestIndex();
    const { engine, clock } = engineFor(index, server);
    await engine.runPass();
    expect(index.meta().newestId).toBe(300);
    // 301-304 were deleted; 305-340 are new.
    for (const id of idsWithGaps(305, 340, [])) server.tickets.set(id, { id });
    clock.advance(120_000);
    server.requested.length = 0;
    await engine.runPass();
    expect(index.meta().newestId).toBe(340);
    for (let id = 305; id <= 340; id++) expect(index.get(id)).toBeDefined();
    // Probing and walking only the new range: every id at most once, nothing below 300 again.
    expect(server.requested.every((id) => id > 300)).toBe(true);
    expect(new Set(server.requested).size).toBe(server.requested.length);
    await engine.stop();
  });

  it('costs a handful of requests when nothing is new', async () => {
    const server = new FakeServer(idsWithGaps(101, 500, []));
    const index = await openTestIndex();
    const { engine } = engineFor(index, server);
    await engine.runPass();
    server.requested.length = 0;
    await engine.runPass({ forceProbe: true });
    expect(server.requested.length).toBeLessThanOrEqual(6);
    await engine.stop();
  });

  it('finds tickets whose ids all lie between two powers of two', async () => {
    const server = new FakeServer(idsWithGaps(101, 110, []));
    const index = await openTestIndex();
    const { engine } = engineFor(index, server, { settings: { probeCeiling: 2 ** 12 } });
    await engine.runPass();
    expect(index.meta().newestId).toBe(110);
    expect(index.getSnapshot().stats.count).toBe(10);
    await engine.stop();
  });

  it('finds every ticket of a technician who sees only one in seven (data segregation)', async () => {
    const server = new FakeServer(idsWithGaps(101, 3000, []));
    for (let id = 101; id <= 3000; id++) if (id % 7 !== 3) server.forbidden.add(id);
    const visible = [...server.tickets.keys()].filter((id) => !server.forbidden.has(id));
    const index = await openTestIndex();
    const { engine } = engineFor(index, server, { settings: { probeCeiling: 2 ** 16 } });
    await engine.runPass();
    expect(index.meta().newestId).toBe(Math.max(...visible));
    expect(index.getSnapshot().stats.count).toBe(visible.length);
    await engine.stop();
  });

  it('reports no newest id when the technician can see no ticket at all', async () => {
    const server = new FakeServer([]);
    const index = await openTestIndex();
    const { engine } = engineFor(index, server, { settings: { probeCeiling: 2 ** 12 } });
    await engine.runPass();
    expect(index.meta().newestId).toBeNull();
    expect(index.getSnapshot().stats.count).toBe(0);
    await engine.stop();
  });
});

describe('walking ids downward', () => {
  it('indexes every visible ticket down to id 1 and remembers the gaps', async () => {
    const gaps = [105, 106, 107, 108, 109, 110, 111, 112, 113, 250, 399];
    const ids = idsWithGaps(101, 400, gaps);
    const server = new FakeServer(ids);
    const index = await openTestIndex();
    const { engine, scheduler } = engineFor(index, server);
    await engine.runPass();
    const snapshot = index.getSnapshot();
    expect(snapshot.stats.count).toBe(ids.length);
    expect(snapshot.tickets.map((t) => t.id)).toEqual([...ids].reverse());
    for (const gap of [...gaps, 1, 50, 100]) expect(index.getMissing(gap)?.kind).toBe('not-found');
    expect(index.meta().pending).toEqual([]);
    expect(index.meta().lastFullSyncAt).not.toBeNull();
    // No id up to the newest is read twice (probe hits are not walked again).
    const upToNewest = server.requested.filter((id) => id <= 400);
    expect(new Set(upToNewest).size).toBe(upToNewest.length);
    // The batch delay is kept between batches.
    expect(scheduler.sleeps.filter((ms) => ms === 250).length).toBeGreaterThan(10);
    await engine.stop();
  });

  it('never has more requests in flight than the concurrency allows', async () => {
    const server = new FakeServer(idsWithGaps(101, 700, [300, 301]));
    const index = await openTestIndex();
    const { engine } = engineFor(index, server, { settings: { concurrency: 3 } });
    await engine.runPass();
    expect(server.maxInFlight).toBe(3);
    await engine.stop();
  });

  it('remembers 404 and 403 as not visible and does not ask again on the next pass', async () => {
    const server = new FakeServer(idsWithGaps(101, 200, []));
    for (const id of [120, 121, 150]) server.forbidden.add(id);
    const index = await openTestIndex();
    const { engine, clock } = engineFor(index, server);
    await engine.runPass();
    expect(index.getMissing(120)?.kind).toBe('forbidden');
    expect(index.get(120)).toBeUndefined();
    expect(index.getSnapshot().stats.missingCount).toBe(100 + 3);
    server.requested.length = 0;
    clock.advance(130_000);
    await engine.runPass();
    expect(server.requested.some((id) => id <= 200)).toBe(false);
    await engine.stop();
  });

  it('asks again about a remembered miss after a day, a few at a time', async () => {
    const server = new FakeServer(idsWithGaps(101, 150, [140]));
    const index = await openTestIndex();
    const { engine, clock } = engineFor(index, server, {
      settings: { missingRecheckBudget: 5, fullResyncMs: 30 * 24 * 60 * 60 * 1000 },
    });
    await engine.runPass();
    server.tickets.set(140, { id: 140 });
    clock.advance(25 * 60 * 60 * 1000);
    server.requested.length = 0;
    await engine.runPass();
    // The oldest misses first, five per pass.
    expect(server.requested.filter((id) => id <= 150).length).toBeLessThanOrEqual(5);
    for (let pass = 0; pass < 30 && !index.get(140); pass++) {
      clock.advance(130_000);
      await engine.runPass();
    }
    expect(index.get(140)).toBeDefined();
    expect(index.getMissing(140)).toBeUndefined();
    await engine.stop();
  });

  it('walks every id again a day after the last full sync, so closed tickets changed elsewhere are seen', async () => {
    const server = new FakeServer(idsWithGaps(101, 200, []));
    server.tickets.set(150, { id: 150, status: 'Closed' });
    const index = await openTestIndex();
    const { engine, clock } = engineFor(index, server);
    await engine.runPass();
    expect(index.get(150)?.status).toBe('Closed');
    server.tickets.set(150, { id: 150, status: 'Open', lastModified: '2026-11-28T07:00:00.0000000Z' });
    clock.advance(3 * 60 * 60 * 1000);
    await engine.runPass();
    expect(index.get(150)?.status).toBe('Closed');
    clock.advance(22 * 60 * 60 * 1000);
    await engine.runPass();
    expect(index.get(150)?.status).toBe('Open');
    expect(index.meta().pending).toEqual([]);
    await engine.stop();
  });

  it('resumes after a reload where the previous walk stopped', async () => {
    const server = new FakeServer(idsWithGaps(101, 600, [200, 201]));
    const first = await openTestIndex();
    const run1 = engineFor(first, server, { settings: { batchSize: 8 } });
    let batches = 0;
    const off = first.subscribe(() => {
      batches += 1;
      if (batches === 10) void run1.engine.stop();
    });
    await run1.engine.runPass();
    off();
    const leftAfterStop = first.meta().pending;
    expect(leftAfterStop.length).toBeGreaterThan(0);
    const cursor = leftAfterStop[0]!.high;
    const readBefore = new Set(server.requested);
    await first.flush();
    first.close();

    const second = await openTestIndex();
    expect(second.meta().pending[0]?.high).toBe(cursor);
    expect(second.getSnapshot().stats.count).toBe(first.getSnapshot().stats.count);
    server.requested.length = 0;
    const run2 = engineFor(second, server, { clock: new FakeClock(Date.UTC(2026, 10, 28, 6, 0, 30)) });
    await run2.engine.runPass();
    expect(second.getSnapshot().stats.count).toBe(498);
    // Nothing read before the reload is walked again (the probe may touch the top ids once).
    const rewalked = server.requested.filter((id) => readBefore.has(id) && id < 590);
    expect(rewalked).toEqual([]);
    await run2.engine.stop();
  });
});

describe('pausing and errors', () => {
  it('sends no new request while paused and carries on after Resume', async () => {
    const server = new FakeServer(idsWithGaps(101, 400, []));
    const index = await openTestIndex();
    const { engine } = engineFor(index, server);
    let release!: () => void;
    server.hold = new Promise<void>((resolve) => (release = resolve));
    const pass = engine.runPass();
    await flushMicrotasks();
    engine.pause();
    expect(engine.getProgress().paused).toBe(true);
    const sentBeforePause = server.requested.length;
    server.hold = null;
    release();
    await flushMicrotasks(500);
    expect(server.requested.length).toBe(sentBeforePause);
    engine.resume();
    await pass;
    expect(index.getSnapshot().stats.count).toBe(300);
    await engine.stop();
  });

  it('sends no request while the tab is hidden', async () => {
    const server = new FakeServer(idsWithGaps(101, 300, []));
    const index = await openTestIndex();
    const visibility = new FakeVisibility();
    visibility.visible = false;
    const { engine } = engineFor(index, server, { visibility });
    const pass = engine.runPass();
    await flushMicrotasks(500);
    expect(server.requested).toEqual([]);
    expect(engine.getProgress().hidden).toBe(true);
    visibility.set(true);
    await pass;
    expect(index.getSnapshot().stats.count).toBe(200);
    await engine.stop();
  });

  it('backs off exponentially on server errors and then carries on', async () => {
    const server = new FakeServer(idsWithGaps(101, 200, []));
    server.failing.set(150, 2);
    const index = await openTestIndex();
    const { engine, scheduler } = engineFor(index, server);
    await engine.runPass();
    const backOffs = scheduler.sleeps.filter((ms) => ms >= 2000);
    expect(backOffs).toEqual([2000, 4000]);
    expect(index.get(150)).toBeDefined();
    expect(engine.getProgress().lastError).toBeNull();
    await engine.stop();
  });

  it('treats an id that always answers a server error as a gap after three tries', async () => {
    const server = new FakeServer(idsWithGaps(101, 200, []));
    server.failing.set(160, -1);
    const index = await openTestIndex();
    const { engine } = engineFor(index, server);
    await engine.runPass();
    expect(server.countOf(160)).toBe(3);
    expect(index.getMissing(160)?.kind).toBe('error');
    expect(index.getSnapshot().stats.count).toBe(99);
    await engine.stop();
  });

  it('reports progress with a rate and the time left while walking', async () => {
    const server = new FakeServer(idsWithGaps(101, 2000, []));
    const index = await openTestIndex();
    const { engine } = engineFor(index, server);
    let seen = engine.getProgress();
    const off = engine.subscribe(() => {
      const progress = engine.getProgress();
      if (progress.phase === 'walking' && progress.done > 500 && seen.done === 0) seen = progress;
    });
    await engine.runPass();
    off();
    expect(seen.total).toBe(2000);
    expect(seen.ratePerSecond).toBeGreaterThan(0);
    expect(seen.secondsLeft).toBeGreaterThan(0);
    const end = engine.getProgress();
    expect(end.phase).toBe('idle');
    expect(end.total).toBe(0);
    await engine.stop();
  });
});
