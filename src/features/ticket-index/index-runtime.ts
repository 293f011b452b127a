// The index's machinery (IndexedDB, the sync and freshness engines, the feeds, tab sharing), loaded by
// ticket-index-provider.tsx once the first page has painted, or at once when a page needs the index (the list,
// the dashboard): the detail view's first load stays within the issue 3 budget.
import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../api/client.ts';
import { ticketKeys } from '../../api/queries.ts';
import type { Vocabulary } from '../../config/config-schema.ts';
import { whenIdle } from '../../ui/deferred.ts';
import { indexDatabaseName, memoryIndexStore, openIndexStore, type IndexOwner } from './index-db.ts';
import { feedFromQueryClient, fetchTicketWith, markIndexed } from './index-feed.ts';
import { openTicketIndex, type TicketIndex } from './index-snapshot.ts';
import { runFreshnessPass, startFreshnessLoop } from './freshness-engine.ts';
import { statusTypeResolver } from './indexed-ticket.ts';
import { createSyncEngine, documentVisibility, type SyncEngine } from './sync-engine.ts';

/** Re-reads per freshness pass: a small, fixed load on the server whatever the size of the index. */
export const FRESHNESS_BUDGET = 8;

export interface TicketIndexHandle {
  owner: IndexOwner;
  index: TicketIndex;
  engine: SyncEngine;
  /** Runs a freshness pass now (if none is running and the tab shows). */
  refreshNow(): void;
}

export interface StartTicketIndexOptions {
  owner: IndexOwner;
  client: ApiClient;
  queryClient: QueryClient;
  statuses: Vocabulary['statuses'];
  syncOn: boolean;
  sync: { concurrency: number; batchDelayMs: number; refreshIntervalSeconds: number };
  /** Read at every freshness pass: pinned tickets are re-read like open ones. */
  pinnedIds: () => readonly number[];
  /** Another tab cleared this browser's data: the provider opens again (empty) once it is gone. */
  onClosedByOther: () => void;
  /** True once the provider no longer wants this index (unmounted, signed out). */
  cancelled: () => boolean;
}

export interface RunningTicketIndex {
  handle: TicketIndexHandle;
  teardown: () => Promise<void>;
}

/** Opens the technician's index and starts its feeds and engines; null when cancelled meanwhile. */
export async function startTicketIndex(options: StartTicketIndexOptions): Promise<RunningTicketIndex | null> {
  const { owner, client, queryClient, syncOn } = options;
  const { concurrency, batchDelayMs, refreshIntervalSeconds } = options.sync;
  const statusTypeOf = statusTypeResolver({ statuses: options.statuses });
  const fetchTicket = fetchTicketWith(client);
  const visibility = documentVisibility();
  const store = await openIndexStore(owner, { onClosedByOther: options.onClosedByOther }).catch(() =>
    memoryIndexStore(indexDatabaseName(owner)),
  );
  const index = await openTicketIndex(store);
  if (options.cancelled()) {
    index.close();
    return null;
  }
  const stopFeed = feedFromQueryClient(queryClient, index, {
    statusTypeOf,
    scheduleRead: (run) => {
      whenIdle(run, 2000);
    },
  });
  const engine = createSyncEngine({
    index,
    fetchTicket,
    visibility,
    statusTypeOf,
    settings: { concurrency, batchDelayMs, idleIntervalMs: refreshIntervalSeconds * 1000 },
  });
  const stopSharing = shareAcrossTabs(index, engine, syncOn);
  const freshness = startFreshnessLoop({
    intervalMs: refreshIntervalSeconds * 1000,
    visibility,
    runPass: (signal) =>
      runFreshnessPass({
        index,
        fetchTicket,
        signal,
        statusTypeOf,
        now: Date.now(),
        pinnedIds: options.pinnedIds(),
        budget: FRESHNESS_BUDGET,
        minAgeMs: (refreshIntervalSeconds * 1000) / 2,
        onChanged: (id, map) => {
          markIndexed(map);
          queryClient.setQueryData(ticketKeys.detail(id), map);
        },
        onGone: (id) => {
          void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(id), exact: true });
        },
      }),
  });
  return {
    handle: { owner, index, engine, refreshNow: freshness.trigger },
    teardown: async () => {
      stopSharing();
      freshness.stop();
      stopFeed();
      await engine.stop();
      index.close();
      await index.flush();
    },
  };
}

/**
 * Several tabs of one technician share one database. Where the browser has Web Locks, only the tab holding the
 * lock runs the background sync (so two tabs never double the load on the server), and a BroadcastChannel tells
 * the other tabs to re-read the database after writes. Elsewhere every tab syncs on its own.
 */
function shareAcrossTabs(index: TicketIndex, engine: SyncEngine, syncOn: boolean): () => void {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks || typeof BroadcastChannel === 'undefined') {
    if (syncOn) engine.start();
    return () => undefined;
  }
  const released = new AbortController();
  if (syncOn) {
    locks
      .request(`${index.name}:sync`, { signal: released.signal }, async () => {
        // The previous holder may have written since this tab loaded.
        await index.reload();
        engine.start();
        await new Promise<void>((resolve) => released.signal.addEventListener('abort', () => resolve()));
      })
      .catch(() => undefined);
  }
  const channel = new BroadcastChannel(`${index.name}:changes`);
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  let postTimer: ReturnType<typeof setTimeout> | null = null;
  let reloading = false;
  channel.onmessage = () => {
    if (reloadTimer !== null) return;
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      reloading = true;
      void index.reload().finally(() => {
        reloading = false;
      });
    }, 1000);
  };
  const unsubscribe = index.subscribe(() => {
    // Tell the others at most every two seconds, after the writes are in the database.
    if (reloading || postTimer !== null) return;
    postTimer = setTimeout(() => {
      postTimer = null;
      void index.flush().then(() => channel.postMessage('changed'));
    }, 2000);
  });
  return () => {
    released.abort();
    unsubscribe();
    if (reloadTimer !== null) clearTimeout(reloadTimer);
    if (postTimer !== null) clearTimeout(postTimer);
    channel.close();
  };
}
