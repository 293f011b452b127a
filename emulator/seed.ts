// Makes a new database's data: the reference lists and the tickets, in one transaction with prepared
// statements (a fresh 5,000-ticket database in about a second), plus a copy of the data tables that
// POST /__emulator/reset restores.
import type Database from 'better-sqlite3';
import type { Reference } from './model.ts';
import { createRng } from './rng.ts';
import { buildReference } from './seed-reference.ts';
import { seedTickets } from './seed-tickets.ts';
import { SCHEMA_VERSION, dataTables, searchText } from './schema.ts';

/** One fixed PRNG seed: every new database holds the same help desk (dates follow the day it was made). */
const SEED = 20190123;

export function seedInto(db: Database.Database, seedCount: number): { ref: Reference; anchor: number } {
  const anchor = Date.now() * 1000;
  const rng = createRng(SEED);
  const ref = buildReference(rng, anchor);
  const insTicket = db.prepare<[number, number, string, string]>(
    'INSERT INTO tickets (id, group_seq, search, fields) VALUES (?, ?, ?, ?)',
  );
  const insNote = db.prepare<[number, number, number, string]>(
    'INSERT INTO notes (id, ticket_id, is_system, fields) VALUES (?, ?, ?, ?)',
  );
  const insAttachment = db.prepare<[number, number, string]>(
    'INSERT INTO attachments (id, ticket_id, fields) VALUES (?, ?, ?)',
  );
  const insAssignment = db.prepare<[number, number, string]>(
    'INSERT INTO assignments (id, ticket_id, fields) VALUES (?, ?, ?)',
  );
  const setMeta = db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    const counters = seedTickets(ref, rng, seedCount, anchor, {
      ticket: (id, groupSeq, values) =>
        insTicket.run(id, groupSeq, searchText(values), JSON.stringify(values)),
      note: (id, ticketId, isSystem, values) =>
        insNote.run(id, ticketId, isSystem ? 1 : 0, JSON.stringify(values)),
      attachment: (id, ticketId, values) => insAttachment.run(id, ticketId, JSON.stringify(values)),
      assignment: (id, ticketId, values) => insAssignment.run(id, ticketId, JSON.stringify(values)),
    });
    for (const table of dataTables) {
      db.exec(`DROP TABLE IF EXISTS seed_${table}; CREATE TABLE seed_${table} AS SELECT * FROM ${table};`);
    }
    for (const [key, value] of Object.entries(counters)) setMeta.run(key, String(value));
    setMeta.run('seed_counters', JSON.stringify(counters));
    setMeta.run('reference', JSON.stringify(ref));
    setMeta.run('anchor', String(anchor));
    setMeta.run('seed_tickets', String(seedCount));
    setMeta.run('schema_version', SCHEMA_VERSION);
  })();
  return { ref, anchor };
}
