// A digest of every table of the emulator's SQLite store, for "nothing changed" checks below the API.
import { createHash } from 'node:crypto';

interface Statement {
  all(...params: unknown[]): unknown[];
  raw(toggle: boolean): Statement;
}
interface SqliteLike {
  prepare(sql: string): Statement;
}

function isSqlite(value: unknown): value is SqliteLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { prepare?: unknown }).prepare === 'function'
  );
}

/** The better-sqlite3 handle behind a store, wherever the store keeps it. */
export function sqliteOf(store: unknown): SqliteLike | null {
  if (isSqlite(store)) return store;
  if (typeof store !== 'object' || store === null) return null;
  for (const key of ['db', 'database', 'sqlite']) {
    const candidate = (store as Record<string, unknown>)[key];
    if (isSqlite(candidate)) return candidate;
  }
  return null;
}

/**
 * Tables of sign-in state change on every sign-in and renewal, which the checks themselves cause; they are
 * left out so that the digest speaks only of help desk data.
 */
const sessionTable = /session|token/i;

/** sha256 over every row of every data table (in rowid order), or null if the store has no SQLite handle. */
export function storeDigest(store: unknown): string | null {
  const db = sqliteOf(store);
  if (!db) return null;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name } of tables) {
    if (sessionTable.test(name)) continue;
    hash.update(`#${name}\n`);
    const quoted = `"${name.replace(/"/g, '""')}"`;
    let rows: unknown[][];
    try {
      rows = db.prepare(`SELECT * FROM ${quoted} ORDER BY rowid`).raw(true).all() as unknown[][];
    } catch {
      rows = db.prepare(`SELECT * FROM ${quoted}`).raw(true).all() as unknown[][];
    }
    // Raw rows (arrays) cost half of row objects; U+0001 does not occur in the stored values.
    for (const row of rows) hash.update(`${row.map(String).join('\u0001')}\n`);
  }
  return hash.digest('hex');
}

/** Row counts per data table, for readable failure messages. */
export function tableCounts(store: unknown): Record<string, number> | null {
  const db = sqliteOf(store);
  if (!db) return null;
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as {
    name: string;
  }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const row = db.prepare(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`).all()[0] as {
      n: number;
    };
    counts[name] = row.n;
  }
  return counts;
}
