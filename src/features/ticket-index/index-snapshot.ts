import {
  emptySyncMeta,
  type IndexChange,
  type IndexStore,
  type MissingTicket,
  type SyncMeta,
} from './index-db.ts';
import { sameTicketContent, type IndexedTicket } from './indexed-ticket.ts';

// The in-memory side of the local ticket index: loaded once at start-up (one getAll per store) and kept current
// on every write, so that lists filter ten thousand tickets without touching IndexedDB. Writes change memory at
// once (and notify), then go to IndexedDB in order in the background.

export interface IndexStats {
  count: number;
  /** The highest ticket id known to exist (from the sync's probe or any ticket loaded). */
  newestId: number | null;
  /** When the sync last completed a probe or a batch (epoch ms). */
  lastSyncedAt: number | null;
  /** When the walk last covered every id down to the floor; null until the first full sync ends. */
  lastFullSyncAt: number | null;
  /** Ids remembered as not visible (404/403). */
  missingCount: number;
  /** Ids the walk still has to read (0 when every id is covered). */
  pendingIds: number;
}

export interface TicketIndexSnapshot {
  /** Newest id first. Immutable: a new array comes with every new version. */
  tickets: readonly IndexedTicket[];
  byId: ReadonlyMap<number, IndexedTicket>;
  /** Goes up by one with every visible change. */
  version: number;
  stats: IndexStats;
}

export interface TicketIndex {
  /** The IndexedDB database name behind it. */
  readonly name: string;
  getSnapshot(): TicketIndexSnapshot;
  subscribe(listener: () => void): () => void;
  /** The current record (its fetchedAt may be newer than the snapshot's). */
  get(id: number): IndexedTicket | undefined;
  getMissing(id: number): MissingTicket | undefined;
  missingIds(): ReadonlyMap<number, MissingTicket>;
  meta(): SyncMeta;
  /**
   * Adds or replaces tickets (and forgets them as missing). A record older than the stored one (by Last
   * Modified) is ignored, so a late /searches answer never undoes a fresher read.
   */
  upsert(tickets: readonly IndexedTicket[]): Promise<void>;
  /** Remembers ids as not visible and drops their tickets. */
  markMissing(records: readonly MissingTicket[]): Promise<void>;
  /** Tickets, missing ids and the sync's meta in one write (one IndexedDB transaction). */
  apply(change: {
    put?: readonly IndexedTicket[];
    missing?: readonly MissingTicket[];
    meta?: SyncMeta;
  }): Promise<void>;
  /** Resolves when every write so far is in IndexedDB. */
  flush(): Promise<void>;
  /** Reads everything again from IndexedDB (another tab wrote to it). */
  reload(): Promise<void>;
  close(): void;
  readonly closed: boolean;
}

export function pendingIdCount(meta: SyncMeta): number {
  return meta.pending.reduce((sum, range) => sum + Math.max(0, range.high - range.low + 1), 0);
}

function byIdDescending(a: IndexedTicket, b: IndexedTicket): number {
  return b.id - a.id;
}

export interface OpenTicketIndexOptions {
  /** Reports a failed IndexedDB write (quota, closed database); the in-memory index stays usable. */
  onWriteError?: (error: unknown) => void;
}

/** Loads the whole index into memory and returns it. */
export async function openTicketIndex(
  store: IndexStore,
  options: OpenTicketIndexOptions = {},
): Promise<TicketIndex> {
  const contents = await store.loadAll();
  const live = new Map<number, IndexedTicket>();
  for (const ticket of contents.tickets) live.set(ticket.id, ticket);
  const missing = new Map<number, MissingTicket>();
  for (const record of contents.missing) missing.set(record.id, record);
  let meta: SyncMeta = contents.meta ?? emptySyncMeta();
  let version = 1;
  let built: TicketIndexSnapshot | null = null;
  let ordered: IndexedTicket[] | null = null;
  let closed = false;
  let writes: Promise<void> = Promise.resolve();
  const listeners = new Set<() => void>();

  function build(): TicketIndexSnapshot {
    if (built && built.version === version) return built;
    if (!ordered) {
      ordered = Array.from(live.values());
      // Mostly sorted already after the first build; TimSort makes that close to linear.
      ordered.sort(byIdDescending);
    }
    const tickets = ordered;
    const newestTicket = tickets[0]?.id ?? null;
    const newestId =
      meta.newestId === null
        ? newestTicket
        : newestTicket === null
          ? meta.newestId
          : Math.max(meta.newestId, newestTicket);
    built = {
      tickets,
      byId: new Map(live),
      version,
      stats: {
        count: live.size,
        newestId,
        lastSyncedAt: meta.lastSyncedAt,
        lastFullSyncAt: meta.lastFullSyncAt,
        missingCount: missing.size,
        pendingIds: pendingIdCount(meta),
      },
    };
    return built;
  }

  function changed(orderChanged: boolean): void {
    version += 1;
    if (orderChanged) ordered = null;
    else if (ordered) ordered = ordered.map((ticket) => live.get(ticket.id) ?? ticket);
    for (const listener of [...listeners]) listener();
  }

  function persist(change: IndexChange): Promise<void> {
    if (closed) return Promise.resolve();
    // `writes` never rejects, so each write waits for the one before it whatever happened to it.
    const next = writes
      .then(() => store.write(change))
      .catch((error: unknown) => {
        options.onWriteError?.(error);
      });
    writes = next;
    return next;
  }

  function applyChange(change: {
    put?: readonly IndexedTicket[];
    missing?: readonly MissingTicket[];
    meta?: SyncMeta;
  }): Promise<void> {
    const put: IndexedTicket[] = [];
    const found: number[] = [];
    const remove: number[] = [];
    let visible = false;
    let orderChanged = false;
    for (const ticket of change.put ?? []) {
      const old = live.get(ticket.id);
      if (
        old &&
        old.lastModifiedAt !== null &&
        ticket.lastModifiedAt !== null &&
        ticket.lastModifiedAt < old.lastModifiedAt
      ) {
        continue;
      }
      if (!old) orderChanged = true;
      if (!old || !sameTicketContent(old, ticket)) visible = true;
      live.set(ticket.id, ticket);
      put.push(ticket);
      if (missing.delete(ticket.id)) {
        found.push(ticket.id);
        visible = true;
      }
    }
    for (const record of change.missing ?? []) {
      missing.set(record.id, record);
      if (live.delete(record.id)) {
        remove.push(record.id);
        orderChanged = true;
      }
      visible = true;
    }
    if (change.meta) {
      const before = meta;
      meta = change.meta;
      if (
        before.newestId !== meta.newestId ||
        before.lastSyncedAt !== meta.lastSyncedAt ||
        before.lastFullSyncAt !== meta.lastFullSyncAt ||
        pendingIdCount(before) !== pendingIdCount(meta)
      ) {
        visible = true;
      }
    }
    if (visible) changed(orderChanged);
    if (
      put.length === 0 &&
      remove.length === 0 &&
      found.length === 0 &&
      !change.missing?.length &&
      !change.meta
    ) {
      return Promise.resolve();
    }
    return persist({
      put,
      remove,
      found,
      ...(change.missing ? { missing: change.missing } : {}),
      ...(change.meta ? { meta: change.meta } : {}),
    });
  }

  return {
    name: store.name,
    getSnapshot: build,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get: (id) => live.get(id),
    getMissing: (id) => missing.get(id),
    missingIds: () => missing,
    meta: () => meta,
    upsert: (tickets) => applyChange({ put: tickets }),
    markMissing: (records) => applyChange({ missing: records }),
    apply: applyChange,
    flush: () => writes,
    async reload() {
      await writes;
      if (closed) return;
      const fresh = await store.loadAll();
      if (closed) return;
      live.clear();
      for (const ticket of fresh.tickets) live.set(ticket.id, ticket);
      missing.clear();
      for (const record of fresh.missing) missing.set(record.id, record);
      meta = fresh.meta ?? emptySyncMeta();
      changed(true);
    },
    close() {
      if (closed) return;
      closed = true;
      void writes.finally(() => store.close());
    },
    get closed() {
      return closed;
    },
  };
}
