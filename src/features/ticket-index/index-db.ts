import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { IndexedTicket } from './indexed-ticket.ts';

// The IndexedDB side of the local ticket index (issue 5): one database per server and technician, so that
// signing in as someone else never shows the previous technician's tickets (data segregation, protocol-notes
// §6: the group chosen at sign-in decides what is visible). Three stores: tickets by id, ids that answered
// 404/403 (`missing`), and the sync's progress (`meta`) so that a sync resumes after a reload.

export type MissingKind = 'not-found' | 'forbidden' | 'refused' | 'error';

/** An id the server would not give us: deleted, never made, or outside the technician's groups. */
export interface MissingTicket {
  id: number;
  kind: MissingKind;
  /** When it last answered so (epoch ms). */
  checkedAt: number;
}

/** Ids still to walk, inclusive, walked from `high` down. `since`: tickets read after this need no re-read. */
export interface IdRange {
  high: number;
  low: number;
  since: number;
}

export interface SyncMeta {
  /** The highest ticket id found to exist. */
  newestId: number | null;
  /** The highest id the walk has been given (ids above it are found by probing). */
  walkedTop: number;
  /** Work left, first range first. */
  pending: IdRange[];
  /** Ids in the walk when its ranges were made (for progress). */
  walkTotal: number;
  /** When the walk last reached its floor with nothing left. */
  lastFullSyncAt: number | null;
  /** When a probe or batch last completed. */
  lastSyncedAt: number | null;
  lastProbeAt: number | null;
}

export function emptySyncMeta(): SyncMeta {
  return {
    newestId: null,
    walkedTop: 0,
    pending: [],
    walkTotal: 0,
    lastFullSyncAt: null,
    lastSyncedAt: null,
    lastProbeAt: null,
  };
}

/** One write, applied in one transaction. */
export interface IndexChange {
  put?: readonly IndexedTicket[];
  /** Ticket ids to drop (they became missing). */
  remove?: readonly number[];
  missing?: readonly MissingTicket[];
  /** Ids that are no longer missing (they answered). */
  found?: readonly number[];
  meta?: SyncMeta;
}

export interface IndexContents {
  tickets: IndexedTicket[];
  missing: MissingTicket[];
  meta: SyncMeta | null;
}

/** The persistence the in-memory index writes through. */
export interface IndexStore {
  readonly name: string;
  loadAll(): Promise<IndexContents>;
  write(change: IndexChange): Promise<void>;
  close(): void;
}

interface IndexSchema extends DBSchema {
  /** Tickets in chunks of CHUNK_IDS consecutive ids: 10,000 records cost a browser far more to read one by one
   * than 40 arrays do (bench/index-load.ts), and start-up reads them all. */
  ticketChunks: { key: number; value: IndexedTicket[] };
  missing: { key: number; value: MissingTicket };
  meta: { key: string; value: unknown };
}

const DB_VERSION = 1;
/** Ids per stored chunk. */
export const CHUNK_IDS = 256;

function chunkOf(id: number): number {
  return Math.floor(id / CHUNK_IDS);
}
const DB_PREFIX = 'trackit-index:';

export interface IndexOwner {
  /** The WebApi base (client.baseUrl): origin and path tell servers apart. */
  apiBaseUrl: string;
  technician: { group: string; login: string };
}

/** cyrb53: a small, fast 53-bit string hash; enough to keep database names apart (the identity is re-checked). */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** `origin + path` of the server (lower case: IIS paths are case-insensitive) and `GROUP\LOGIN`. */
export function indexOwnerKey(owner: IndexOwner): string {
  let server = owner.apiBaseUrl.trim();
  try {
    const url = new URL(server);
    server = `${url.origin}${url.pathname}`;
  } catch {
    // A relative base still names the server well enough within one origin.
  }
  server = server.replace(/\/+$/, '').toLowerCase();
  const who = `${owner.technician.group.trim()}\\${owner.technician.login.trim()}`.toUpperCase();
  return `${server}|${who}`;
}

export function indexDatabaseName(owner: IndexOwner): string {
  return `${DB_PREFIX}${hash53(indexOwnerKey(owner))}`;
}

export function isIndexDatabaseName(name: string): boolean {
  return name.startsWith(DB_PREFIX);
}

const META_KEY = 'sync';
const OWNER_KEY = 'owner';

function isSyncMeta(value: unknown): value is SyncMeta {
  if (typeof value !== 'object' || value === null) return false;
  const meta = value as Record<string, unknown>;
  return (
    Array.isArray(meta.pending) && typeof meta.walkedTop === 'number' && typeof meta.walkTotal === 'number'
  );
}

export interface OpenIndexStoreOptions {
  /** Called when another tab (or Clear this browser's data) needs the database gone; the store has closed. */
  onClosedByOther?: () => void;
}

/**
 * Opens (creating if needed) the index database of a server and technician. A database whose recorded owner
 * differs (a hash collision) is emptied first, so one technician never reads another's tickets.
 */
export async function openIndexStore(
  owner: IndexOwner,
  options: OpenIndexStoreOptions = {},
): Promise<IndexStore> {
  const name = indexDatabaseName(owner);
  const ownerKey = indexOwnerKey(owner);
  let db: IDBPDatabase<IndexSchema> | null = null;
  db = await openDB<IndexSchema>(name, DB_VERSION, {
    upgrade(database) {
      if (!database.objectStoreNames.contains('ticketChunks')) database.createObjectStore('ticketChunks');
      if (!database.objectStoreNames.contains('missing'))
        database.createObjectStore('missing', { keyPath: 'id' });
      if (!database.objectStoreNames.contains('meta')) database.createObjectStore('meta');
    },
    blocking() {
      // Another connection wants to delete or upgrade: let it, and stop writing.
      db?.close();
      db = null;
      options.onClosedByOther?.();
    },
  });
  const opened = db;
  const recorded = await opened.get('meta', OWNER_KEY);
  if (recorded !== ownerKey) {
    const tx = opened.transaction(['ticketChunks', 'missing', 'meta'], 'readwrite');
    await Promise.all([
      tx.objectStore('ticketChunks').clear(),
      tx.objectStore('missing').clear(),
      tx.objectStore('meta').clear(),
    ]);
    await tx.objectStore('meta').put(ownerKey, OWNER_KEY);
    await tx.done;
  }

  return {
    name,
    async loadAll() {
      const current = db;
      if (!current) return { tickets: [], missing: [], meta: null };
      // One transaction and one getAll per store: no per-record awaits (start-up goal: 10,000 tickets in 500 ms).
      const tx = current.transaction(['ticketChunks', 'missing', 'meta'], 'readonly');
      const [chunks, missing, meta] = await Promise.all([
        tx.objectStore('ticketChunks').getAll(),
        tx.objectStore('missing').getAll(),
        tx.objectStore('meta').get(META_KEY),
      ]);
      await tx.done;
      return { tickets: chunks.flat(), missing, meta: isSyncMeta(meta) ? meta : null };
    },
    async write(change) {
      const current = db;
      if (!current) return;
      const tx = current.transaction(['ticketChunks', 'missing', 'meta'], 'readwrite');
      const chunkStore = tx.objectStore('ticketChunks');
      const missing = tx.objectStore('missing');
      // Requests are queued without awaiting each one in turn; one Promise.all waits for them and the commit.
      const requests: Promise<unknown>[] = [];
      for (const id of change.found ?? []) requests.push(missing.delete(id));
      for (const record of change.missing ?? []) requests.push(missing.put(record));
      if (change.meta) requests.push(tx.objectStore('meta').put(change.meta, META_KEY));
      // Tickets: read each touched chunk, change it, write it back, all in this transaction.
      const touched = new Map<number, { put: IndexedTicket[]; remove: Set<number> }>();
      const entry = (id: number) => {
        const key = chunkOf(id);
        let found = touched.get(key);
        if (!found) {
          found = { put: [], remove: new Set() };
          touched.set(key, found);
        }
        return found;
      };
      for (const id of change.remove ?? []) entry(id).remove.add(id);
      for (const ticket of change.put ?? []) entry(ticket.id).put.push(ticket);
      const keys = [...touched.keys()];
      const stored = await Promise.all(keys.map((key) => chunkStore.get(key)));
      keys.forEach((key, i) => {
        const edit = touched.get(key)!;
        const byId = new Map((stored[i] ?? []).map((ticket) => [ticket.id, ticket]));
        for (const id of edit.remove) byId.delete(id);
        for (const ticket of edit.put) byId.set(ticket.id, ticket);
        requests.push(byId.size === 0 ? chunkStore.delete(key) : chunkStore.put([...byId.values()], key));
      });
      await Promise.all([...requests, tx.done]);
    },
    close() {
      db?.close();
      db = null;
    },
  };
}

/** Deletes one index database (waits for open connections, which close themselves on `blocking`). */
export async function deleteIndexDatabase(name: string): Promise<void> {
  await deleteDB(name);
}

/** Every index database of this browser, where the browser can list them (not all can). */
export async function listIndexDatabases(): Promise<string[] | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  const all = await indexedDB.databases();
  return all.map((d) => d.name ?? '').filter(isIndexDatabaseName);
}

/**
 * A store that keeps nothing: the index then lives in memory for this visit only. Used when IndexedDB cannot be
 * opened (disabled by policy, some private modes), so that lists still work from what this visit loads.
 */
export function memoryIndexStore(name: string): IndexStore {
  return {
    name,
    loadAll: () => Promise.resolve({ tickets: [], missing: [], meta: null }),
    write: () => Promise.resolve(),
    close: () => undefined,
  };
}
