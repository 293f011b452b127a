/**
 * The local ticket index: public API (issue 5; product.md "Lists come from a local ticket index").
 *
 * The WebApi has no list endpoint, so lists, filters and the dashboard read this browser's index instead. Mount
 * `<TicketIndexProvider pinnedIds={...}>` inside the app's providers (it needs ConfigContext, SessionContext,
 * ApiClientContext and the QueryClientProvider); then, from any screen:
 *
 * - `useTicketIndex(): TicketIndexSnapshot` — `{ tickets: readonly IndexedTicket[] (newest id first), byId,
 *   version, stats: { count, newestId, lastSyncedAt, lastFullSyncAt, missingCount, pendingIds } }`; a new object
 *   on every change (useSyncExternalStore), `version === 0` until the index has loaded.
 * - `useIndexedTicket(id): IndexedTicket | undefined` — one ticket (e.g. the detail header before the GET lands).
 * - `useIndexSync(): IndexSyncControls` — `{ progress: SyncProgress | null, pause(), resume(), syncNow(),
 *   refreshNow() }` for the background sync (progress has phase, done/total, ratePerSecond, secondsLeft, ...).
 * - `useTicketIndexSearch(): (term: string) => Promise<SearchIntoIndexResult>` — /searches into the index
 *   (tolerant: a failure is returned, never thrown).
 * - `useClearThisBrowsersData(): () => Promise<void>` — for the user menu's `Clear this browser's data`: stops the
 *   sync, deletes this technician's index database, clears the React Query cache, opens a fresh empty index.
 * - `<IndexStatus />` (index-status.tsx) — "12,345 tickets indexed · newest #12,999 · synced 2 min ago", sync
 *   progress and a Pause/Resume button.
 * - `IndexedTicket`, `isOpenTicket`, `INDEXED_SEQS`, `statusTypeResolver` (indexed-ticket.ts);
 *   `clearThisBrowsersData()` (index-clear.ts) outside React.
 *
 * Feeding: every detail query and mutation answer (index-feed.ts), `/searches`, and the sync engine
 * (sync-engine.ts: probe for the newest id, walk ids down, config.json `sync.*`). Freshness (freshness-engine.ts):
 * open and pinned tickets re-read, stalest first, every `sync.refreshIntervalSeconds` and on window focus; a
 * changed Last Modified goes to `queryClient.setQueryData(ticketKeys.detail(id))` so every view updates.
 * One database per server and technician: signing in as someone else re-opens, never shows the other's index.
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useApiClient, useSessionState } from '../../api/api-context.ts';
import { ticketKeys } from '../../api/queries.ts';
import { useConfig } from '../../config/config-context.ts';
import { clearThisBrowsersData } from './index-clear.ts';
import { indexDatabaseName, memoryIndexStore, openIndexStore, type IndexOwner } from './index-db.ts';
import {
  feedFromQueryClient,
  fetchTicketWith,
  markIndexed,
  searchIntoIndex,
  type SearchIntoIndexResult,
} from './index-feed.ts';
import {
  EMPTY_SNAPSHOT,
  openTicketIndex,
  type TicketIndex,
  type TicketIndexSnapshot,
} from './index-snapshot.ts';
import { runFreshnessPass, startFreshnessLoop } from './freshness-engine.ts';
import { statusTypeResolver, type IndexedTicket } from './indexed-ticket.ts';
import { createSyncEngine, documentVisibility, type SyncEngine, type SyncProgress } from './sync-engine.ts';

/** Re-reads per freshness pass: a small, fixed load on the server whatever the size of the index. */
export const FRESHNESS_BUDGET = 8;

export interface TicketIndexHandle {
  owner: IndexOwner;
  index: TicketIndex;
  engine: SyncEngine;
  /** Runs a freshness pass now (if none is running and the tab shows). */
  refreshNow(): void;
}

interface TicketIndexContextValue {
  handle: TicketIndexHandle | null;
  clear: () => Promise<void>;
}

const TicketIndexContext = createContext<TicketIndexContextValue | null>(null);

export interface TicketIndexProviderProps {
  /**
   * Pinned ticket ids, re-read like open tickets. The app layer passes them from features/tickets (a feature
   * never imports another feature).
   */
  pinnedIds?: readonly number[];
  /** Overrides config.json `sync.enabled` (tests). The index, feeds and freshness work either way. */
  backgroundSync?: boolean;
  children: ReactNode;
}

export function TicketIndexProvider({ pinnedIds = [], backgroundSync, children }: TicketIndexProviderProps) {
  const config = useConfig();
  const { technician } = useSessionState();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [handle, setHandle] = useState<TicketIndexHandle | null>(null);
  const [generation, setGeneration] = useState(0);
  const pinnedRef = useRef(pinnedIds);
  pinnedRef.current = pinnedIds;
  const handleRef = useRef<TicketIndexHandle | null>(null);
  const closeRef = useRef<(() => Promise<void>) | null>(null);

  const group = technician?.group ?? null;
  const login = technician?.login ?? null;
  const syncOn = backgroundSync ?? config.sync.enabled;
  const { concurrency, batchDelayMs, refreshIntervalSeconds } = config.sync;
  const statuses = config.vocabulary.statuses;

  useEffect(() => {
    if (group === null || login === null) return undefined;
    const owner: IndexOwner = { apiBaseUrl: client.baseUrl, technician: { group, login } };
    const statusTypeOf = statusTypeResolver({ statuses });
    const fetchTicket = fetchTicketWith(client);
    const visibility = documentVisibility();
    let cancelled = false;
    let teardown: (() => Promise<void>) | null = null;

    void (async () => {
      const store = await openIndexStore(owner, {
        // Another tab cleared this browser's data: open again (empty) once it is gone.
        onClosedByOther: () => setTimeout(() => setGeneration((g) => g + 1), 250),
      }).catch(() => memoryIndexStore(indexDatabaseName(owner)));
      const index = await openTicketIndex(store);
      if (cancelled) {
        index.close();
        return;
      }
      const stopFeed = feedFromQueryClient(queryClient, index, { statusTypeOf });
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
            pinnedIds: pinnedRef.current,
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
      const next: TicketIndexHandle = { owner, index, engine, refreshNow: freshness.trigger };
      teardown = async () => {
        stopSharing();
        freshness.stop();
        stopFeed();
        await engine.stop();
        index.close();
        await index.flush();
      };
      closeRef.current = teardown;
      handleRef.current = next;
      setHandle(next);
    })();

    return () => {
      cancelled = true;
      handleRef.current = null;
      closeRef.current = null;
      setHandle(null);
      void teardown?.();
    };
  }, [
    group,
    login,
    client,
    queryClient,
    syncOn,
    concurrency,
    batchDelayMs,
    refreshIntervalSeconds,
    statuses,
    generation,
  ]);

  const clear = useCallback(async () => {
    const current = handleRef.current;
    const close = closeRef.current;
    handleRef.current = null;
    closeRef.current = null;
    setHandle(null);
    if (close) await close();
    await clearThisBrowsersData({
      ...(current ? { owner: current.owner } : {}),
      queryClient,
    });
    setGeneration((g) => g + 1);
  }, [queryClient]);

  const value = useMemo(() => ({ handle, clear }), [handle, clear]);
  return <TicketIndexContext value={value}>{children}</TicketIndexContext>;
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

function useIndexContext(): TicketIndexContextValue {
  const value = use(TicketIndexContext);
  if (!value) throw new Error('The ticket index hooks need a TicketIndexProvider above them.');
  return value;
}

/** The index's handle (null while it opens or when nobody is signed in): for what the hooks do not cover. */
export function useTicketIndexHandle(): TicketIndexHandle | null {
  return useIndexContext().handle;
}

const noSubscribe = (): (() => void) => () => undefined;
const emptySnapshot = (): TicketIndexSnapshot => EMPTY_SNAPSHOT;

/** The whole index, re-rendering on every change; `version === 0` until it has loaded. */
export function useTicketIndex(): TicketIndexSnapshot {
  const index = useIndexContext().handle?.index ?? null;
  return useSyncExternalStore(
    index ? index.subscribe : noSubscribe,
    index ? index.getSnapshot : emptySnapshot,
    emptySnapshot,
  );
}

/** One indexed ticket, or undefined. */
export function useIndexedTicket(id: number | null | undefined): IndexedTicket | undefined {
  const snapshot = useTicketIndex();
  return id === null || id === undefined ? undefined : snapshot.byId.get(id);
}

export interface IndexSyncControls {
  /** Null while the index opens or when nobody is signed in. */
  progress: SyncProgress | null;
  pause(): void;
  resume(): void;
  /** Probes for new tickets now. */
  syncNow(): void;
  /** Re-reads the stalest open and pinned tickets now. */
  refreshNow(): void;
}

const nullProgress = (): SyncProgress | null => null;

/** The background sync's progress and its controls. */
export function useIndexSync(): IndexSyncControls {
  const handle = useIndexContext().handle;
  const engine = handle?.engine ?? null;
  const progress = useSyncExternalStore(
    engine ? engine.subscribe : noSubscribe,
    engine ? engine.getProgress : nullProgress,
    nullProgress,
  );
  return useMemo(
    () => ({
      progress,
      pause: () => engine?.pause(),
      resume: () => engine?.resume(),
      syncNow: () => engine?.syncNow(),
      refreshNow: () => handle?.refreshNow(),
    }),
    [progress, engine, handle],
  );
}

/** Searches the server (/searches) and indexes what it finds; resolves `{ ok: false }` when it cannot. */
export function useTicketIndexSearch(): (term: string) => Promise<SearchIntoIndexResult> {
  const handle = useIndexContext().handle;
  const client = useApiClient();
  const config = useConfig();
  const statuses = config.vocabulary.statuses;
  const moduleId = config.modules.tickets;
  return useCallback(
    async (term: string) => {
      if (!handle) return { ok: false, error: new Error('The ticket index is not open.') };
      return searchIntoIndex(
        client,
        handle.index,
        { term, moduleId, pageSize: 200, pageNumber: 1 },
        { statusTypeOf: statusTypeResolver({ statuses }) },
      );
    },
    [handle, client, moduleId, statuses],
  );
}

/** `Clear this browser's data`: stops the sync, deletes this technician's index, clears the query cache. */
export function useClearThisBrowsersData(): () => Promise<void> {
  return useIndexContext().clear;
}
