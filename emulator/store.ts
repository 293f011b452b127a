// The emulator's SQLite store. Each record is kept compactly: indexed columns for what queries filter on, and a
// JSON object of its field values keyed by sequence. Writes run in transactions; statements are prepared once.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Reference, Values } from './model.ts';
import { Vocabulary } from './model.ts';
import { SCHEMA_VERSION, dataTables, schema, searchText } from './schema.ts';
import { seedInto } from './seed.ts';
import type { SeedCounters } from './seed-tickets.ts';
import { MonotonicClock, parseWireDate } from './time.ts';

export interface TicketRow {
  readonly id: number;
  readonly groupSeq: number;
  readonly values: Values;
}

export interface ChildRow {
  readonly id: number;
  readonly ticketId: number;
  readonly values: Values;
}

export interface SessionRow {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly techSeq: number;
  readonly groupSeq: number;
  readonly issuedMs: number;
  expiresMs: number;
  readonly refreshExpiresMs: number;
  revoked: boolean;
}

export interface OpenStoreOptions {
  readonly path: string;
  readonly seedTickets: number;
}

interface RawTicket {
  id: number;
  group_seq: number;
  fields: string;
}
interface RawChild {
  id: number;
  ticket_id: number;
  fields: string;
}
interface RawSession {
  access_token: string;
  refresh_token: string;
  tech_seq: number;
  group_seq: number;
  issued_ms: number;
  expires_ms: number;
  refresh_expires_ms: number;
  revoked: number;
}

function toChild(raw: RawChild): ChildRow {
  return { id: raw.id, ticketId: raw.ticket_id, values: JSON.parse(raw.fields) as Values };
}

function toSession(raw: RawSession): SessionRow {
  return {
    accessToken: raw.access_token,
    refreshToken: raw.refresh_token,
    techSeq: raw.tech_seq,
    groupSeq: raw.group_seq,
    issuedMs: raw.issued_ms,
    expiresMs: raw.expires_ms,
    refreshExpiresMs: raw.refresh_expires_ms,
    revoked: raw.revoked !== 0,
  };
}

export class Store {
  readonly db: Database.Database;
  readonly vocab: Vocabulary;
  readonly clock: MonotonicClock;
  readonly path: string;
  /** Microseconds: the moment the seed was made; seed dates lie in the two years before it. */
  readonly anchor: number;
  private readonly sessionCache = new Map<string, SessionRow>();
  private writes = 0;
  private readonly stmt;

  constructor(db: Database.Database, path: string, ref: Reference, anchor: number) {
    this.db = db;
    this.path = path;
    this.vocab = new Vocabulary(ref);
    this.anchor = anchor;
    this.stmt = {
      getTicket: db.prepare<[number], RawTicket>('SELECT id, group_seq, fields FROM tickets WHERE id = ?'),
      putTicket: db.prepare<[number, number, string, string]>(
        'INSERT OR REPLACE INTO tickets (id, group_seq, search, fields) VALUES (?, ?, ?, ?)',
      ),
      deleteTicket: db.prepare<[number]>('DELETE FROM tickets WHERE id = ?'),
      deleteNotes: db.prepare<[number]>('DELETE FROM notes WHERE ticket_id = ?'),
      deleteAttachments: db.prepare<[number]>('DELETE FROM attachments WHERE ticket_id = ?'),
      deleteAssignments: db.prepare<[number]>('DELETE FROM assignments WHERE ticket_id = ?'),
      getNote: db.prepare<[number], RawChild>('SELECT id, ticket_id, fields FROM notes WHERE id = ?'),
      putNote: db.prepare<[number, number, number, string]>(
        'INSERT INTO notes (id, ticket_id, is_system, fields) VALUES (?, ?, ?, ?)',
      ),
      countNotesAll: db.prepare<[number], { n: number }>(
        'SELECT COUNT(*) AS n FROM notes WHERE ticket_id = ?',
      ),
      countNotesUser: db.prepare<[number], { n: number }>(
        'SELECT COUNT(*) AS n FROM notes WHERE ticket_id = ? AND is_system = 0',
      ),
      pageNotesAll: db.prepare<[number, number, number], RawChild>(
        'SELECT id, ticket_id, fields FROM notes WHERE ticket_id = ? ORDER BY id LIMIT ? OFFSET ?',
      ),
      pageNotesUser: db.prepare<[number, number, number], RawChild>(
        'SELECT id, ticket_id, fields FROM notes WHERE ticket_id = ? AND is_system = 0 ORDER BY id LIMIT ? OFFSET ?',
      ),
      countAttachments: db.prepare<[number], { n: number }>(
        'SELECT COUNT(*) AS n FROM attachments WHERE ticket_id = ?',
      ),
      pageAttachments: db.prepare<[number, number, number], RawChild>(
        'SELECT id, ticket_id, fields FROM attachments WHERE ticket_id = ? ORDER BY id LIMIT ? OFFSET ?',
      ),
      putAttachment: db.prepare<[number, number, string]>(
        'INSERT INTO attachments (id, ticket_id, fields) VALUES (?, ?, ?)',
      ),
      countAssignments: db.prepare<[number], { n: number }>(
        'SELECT COUNT(*) AS n FROM assignments WHERE ticket_id = ?',
      ),
      pageAssignments: db.prepare<[number, number, number], RawChild>(
        'SELECT id, ticket_id, fields FROM assignments WHERE ticket_id = ? ORDER BY id LIMIT ? OFFSET ?',
      ),
      putAssignment: db.prepare<[number, number, string]>(
        'INSERT INTO assignments (id, ticket_id, fields) VALUES (?, ?, ?)',
      ),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      getSession: db.prepare<[string], RawSession>('SELECT * FROM sessions WHERE access_token = ?'),
      getSessionByRefresh: db.prepare<[string], RawSession>('SELECT * FROM sessions WHERE refresh_token = ?'),
      putSession: db.prepare<[string, string, number, number, number, number, number]>(
        'INSERT INTO sessions (access_token, refresh_token, tech_seq, group_seq, issued_ms, expires_ms, refresh_expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      revokeSession: db.prepare<[string]>('UPDATE sessions SET revoked = 1 WHERE access_token = ?'),
      revokeRefresh: db.prepare<[string]>(
        "UPDATE sessions SET refresh_token = 'used:' || access_token WHERE refresh_token = ?",
      ),
      expireAll: db.prepare<[number, number]>('UPDATE sessions SET expires_ms = ? WHERE expires_ms > ?'),
      expireTech: db.prepare<[number, number]>('UPDATE sessions SET expires_ms = ? WHERE tech_seq = ?'),
      maxModified: db.prepare<[], { m: string | null }>(
        'SELECT MAX(json_extract(fields, \'$."2"\')) AS m FROM tickets',
      ),
    };
    this.clock = new MonotonicClock();
    const last = this.stmt.maxModified.get()?.m;
    const lastMicros = last ? parseWireDate(last) : null;
    if (lastMicros !== null) this.clock.observe(lastMicros);
  }

  // ---- tickets -------------------------------------------------------------------------------------------------

  getTicket(id: number): TicketRow | undefined {
    const raw = this.stmt.getTicket.get(id);
    if (!raw) return undefined;
    return { id: raw.id, groupSeq: raw.group_seq, values: JSON.parse(raw.fields) as Values };
  }

  /** Raw JSON of the ticket's values: the hot GET path renders it without an intermediate copy. */
  getTicketRaw(id: number): RawTicket | undefined {
    return this.stmt.getTicket.get(id);
  }

  putTicket(id: number, groupSeq: number, values: Values): void {
    this.stmt.putTicket.run(id, groupSeq, searchText(values), JSON.stringify(values));
  }

  deleteTicket(id: number): void {
    this.stmt.deleteTicket.run(id);
    this.stmt.deleteNotes.run(id);
    this.stmt.deleteAttachments.run(id);
    this.stmt.deleteAssignments.run(id);
  }

  /** Tickets in `groups` (null = every group) whose text contains `term` or whose id is `id`; newest first. */
  searchTickets(
    term: string,
    id: number | null,
    groups: readonly number[] | null,
    limit: number,
    offset: number,
  ): { count: number; rows: TicketRow[] } {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (groups) {
      where.push(`group_seq IN (${groups.map(() => '?').join(',')})`);
      params.push(...groups);
    }
    if (term !== '') {
      if (id !== null) {
        where.push('(instr(search, ?) > 0 OR id = ?)');
        params.push(term, id);
      } else {
        where.push('instr(search, ?) > 0');
        params.push(term);
      }
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const count = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM tickets ${clause}`).get(...params) as { n: number }
    ).n;
    const raws = this.db
      .prepare(`SELECT id, group_seq, fields FROM tickets ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...params, limit, offset) as RawTicket[];
    return {
      count,
      rows: raws.map((raw) => ({
        id: raw.id,
        groupSeq: raw.group_seq,
        values: JSON.parse(raw.fields) as Values,
      })),
    };
  }

  // ---- children ------------------------------------------------------------------------------------------------

  getNote(id: number): ChildRow | undefined {
    const raw = this.stmt.getNote.get(id);
    return raw ? toChild(raw) : undefined;
  }

  putNote(id: number, ticketId: number, isSystem: boolean, values: Values): void {
    this.stmt.putNote.run(id, ticketId, isSystem ? 1 : 0, JSON.stringify(values));
  }

  notes(
    ticketId: number,
    withSystem: boolean,
    limit: number,
    offset: number,
  ): { count: number; rows: ChildRow[] } {
    const count = (withSystem ? this.stmt.countNotesAll : this.stmt.countNotesUser).get(ticketId)?.n ?? 0;
    const rows = (withSystem ? this.stmt.pageNotesAll : this.stmt.pageNotesUser).all(ticketId, limit, offset);
    return { count, rows: rows.map(toChild) };
  }

  attachments(ticketId: number, limit: number, offset: number): { count: number; rows: ChildRow[] } {
    const count = this.stmt.countAttachments.get(ticketId)?.n ?? 0;
    return { count, rows: this.stmt.pageAttachments.all(ticketId, limit, offset).map(toChild) };
  }

  assignments(ticketId: number, limit: number, offset: number): { count: number; rows: ChildRow[] } {
    const count = this.stmt.countAssignments.get(ticketId)?.n ?? 0;
    return { count, rows: this.stmt.pageAssignments.all(ticketId, limit, offset).map(toChild) };
  }

  // ---- identities ----------------------------------------------------------------------------------------------

  /** Takes the next identity value of a table; like SQL Server identities, a value is never handed out twice. */
  nextId(counter: keyof SeedCounters): number {
    const value = Number(this.stmt.getMeta.get(counter)?.value ?? '1');
    this.stmt.setMeta.run(counter, String(value + 1));
    return value;
  }

  /** Bumped by every write: readers may cache what they render from the store until it changes. */
  get version(): number {
    return this.writes;
  }

  transaction<T>(fn: () => T): T {
    this.writes++;
    try {
      return this.db.transaction(fn)();
    } finally {
      this.writes++;
    }
  }

  // ---- sessions ------------------------------------------------------------------------------------------------

  createSession(session: Omit<SessionRow, 'revoked'>): void {
    this.stmt.putSession.run(
      session.accessToken,
      session.refreshToken,
      session.techSeq,
      session.groupSeq,
      session.issuedMs,
      session.expiresMs,
      session.refreshExpiresMs,
    );
    this.sessionCache.set(session.accessToken, { ...session, revoked: false });
  }

  /** Session lookups are cached in memory: every request needs one and the hot GET path must stay lean. */
  session(accessToken: string): SessionRow | undefined {
    const cached = this.sessionCache.get(accessToken);
    if (cached) return cached;
    const raw = this.stmt.getSession.get(accessToken);
    if (!raw) return undefined;
    const row = toSession(raw);
    if (this.sessionCache.size > 10_000) this.sessionCache.clear();
    this.sessionCache.set(accessToken, row);
    return row;
  }

  sessionByRefresh(refreshToken: string): SessionRow | undefined {
    const raw = this.stmt.getSessionByRefresh.get(refreshToken);
    return raw ? toSession(raw) : undefined;
  }

  useRefreshToken(refreshToken: string): void {
    this.stmt.revokeRefresh.run(refreshToken);
  }

  revokeSession(accessToken: string): void {
    this.stmt.revokeSession.run(accessToken);
    const cached = this.sessionCache.get(accessToken);
    if (cached) cached.revoked = true;
  }

  /** Control plane: make every token (or one technician's) expired now. */
  expireSessions(techSeq: number | null): void {
    const past = Date.now() - 1000;
    if (techSeq === null) this.stmt.expireAll.run(past, past);
    else this.stmt.expireTech.run(past, techSeq);
    this.sessionCache.clear();
  }

  // ---- seed and reset ------------------------------------------------------------------------------------------

  /** Back to the seed: the data tables are restored from the copy taken when the seed was made. Sessions stay. */
  reset(): void {
    this.transaction(() => {
      for (const table of dataTables) {
        this.db.exec(`DELETE FROM ${table}; INSERT INTO ${table} SELECT * FROM seed_${table};`);
      }
      const counters = JSON.parse(this.stmt.getMeta.get('seed_counters')?.value ?? '{}') as Record<
        string,
        number
      >;
      for (const [key, value] of Object.entries(counters)) this.stmt.setMeta.run(key, String(value));
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens the store at `path` (`:memory:` for a throwaway one), creating and seeding it when it is new. */
export function openStore(options: OpenStoreOptions): Store {
  const memory = options.path === ':memory:' || options.path === '';
  if (!memory) mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(memory ? ':memory:' : options.path);
  try {
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(schema);
    const get = (key: string): string | undefined =>
      (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    const version = get('schema_version');
    if (version !== undefined && version !== SCHEMA_VERSION) {
      throw new Error(
        `The database ${options.path} was made by another emulator version; delete it to re-seed.`,
      );
    }
    if (version === undefined) {
      const { ref, anchor } = seedInto(db, options.seedTickets);
      return new Store(db, options.path, ref, anchor);
    }
    const ref = JSON.parse(get('reference') ?? 'null') as Reference;
    return new Store(db, options.path, ref, Number(get('anchor') ?? Date.now() * 1000));
  } catch (error) {
    db.close();
    throw error;
  }
}
