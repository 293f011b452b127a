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
import { useConfig } from '../../config/config-context.ts';
import { whenIdle } from '../../ui/deferred.ts';
import type { IndexOwner } from './index-db.ts';
import type { SearchIntoIndexResult } from './index-feed.ts';
import type { TicketIndexHandle } from './index-runtime.ts';
import { EMPTY_SNAPSHOT } from './index-empty.ts';
import type { TicketIndexSnapshot } from './index-snapshot.ts';
import type { IndexedTicket } from './indexed-ticket.ts';
import type { SyncProgress } from './sync-engine.ts';

export type { TicketIndexHandle } from './index-runtime.ts';

interface TicketIndexContextValue {
  handle: TicketIndexHandle | null;
  clear: () => Promise<void>;
  /** A page that shows the index (the list, the dashboard) wants it open now, not when the browser is idle. */
  demand: () => void;
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

  // Opened once the page has painted and the browser is idle, or at once when a page asks for the index.
  const [wanted, setWanted] = useState(false);
  useEffect(() => (wanted ? undefined : whenIdle(() => setWanted(true))), [wanted]);
  const demand = useCallback(() => setWanted(true), []);

  useEffect(() => {
    if (!wanted || group === null || login === null) return undefined;
    const owner: IndexOwner = { apiBaseUrl: client.baseUrl, technician: { group, login } };
    let cancelled = false;
    let teardown: (() => Promise<void>) | null = null;

    void (async () => {
      const { startTicketIndex } = await import('./index-runtime.ts');
      if (cancelled) return;
      const running = await startTicketIndex({
        owner,
        client,
        queryClient,
        statuses,
        syncOn,
        sync: { concurrency, batchDelayMs, refreshIntervalSeconds },
        pinnedIds: () => pinnedRef.current,
        onClosedByOther: () => setTimeout(() => setGeneration((g) => g + 1), 250),
        cancelled: () => cancelled,
      });
      if (!running) return;
      teardown = running.teardown;
      closeRef.current = running.teardown;
      handleRef.current = running.handle;
      setHandle(running.handle);
    })();

    return () => {
      cancelled = true;
      handleRef.current = null;
      closeRef.current = null;
      setHandle(null);
      void teardown?.();
    };
  }, [
    wanted,
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
    const { clearThisBrowsersData } = await import('./index-clear.ts');
    await clearThisBrowsersData({
      ...(current ? { owner: current.owner } : {}),
      queryClient,
    });
    setGeneration((g) => g + 1);
  }, [queryClient]);

  const value = useMemo(() => ({ handle, clear, demand }), [handle, clear, demand]);
  return <TicketIndexContext value={value}>{children}</TicketIndexContext>;
}

function useIndexContext(): TicketIndexContextValue {
  const value = use(TicketIndexContext);
  if (!value) throw new Error('The ticket index hooks need a TicketIndexProvider above them.');
  return value;
}

/** For the hooks of pages that show the index: open it now. */
function useDemandedIndex(): TicketIndexContextValue {
  const value = useIndexContext();
  const { demand } = value;
  useEffect(() => demand(), [demand]);
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
  const index = useDemandedIndex().handle?.index ?? null;
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
  const handle = useDemandedIndex().handle;
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
  const handle = useDemandedIndex().handle;
  const client = useApiClient();
  const config = useConfig();
  const statuses = config.vocabulary.statuses;
  const moduleId = config.modules.tickets;
  return useCallback(
    async (term: string) => {
      if (!handle) return { ok: false, error: new Error('The ticket index is not open.') };
      const [{ searchIntoIndex }, { statusTypeResolver }] = await Promise.all([
        import('./index-feed.ts'),
        import('./indexed-ticket.ts'),
      ]);
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
