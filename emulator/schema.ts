// The database layout, shared by the store and the seed.
import type { Values } from './model.ts';

/** Bump when the layout changes: an older database is refused with a message saying to delete it. */
export const SCHEMA_VERSION = '1';

export const dataTables = ['tickets', 'notes', 'attachments', 'assignments'] as const;

export const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tickets (id INTEGER PRIMARY KEY, group_seq INTEGER NOT NULL, search TEXT NOT NULL, fields TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL, is_system INTEGER NOT NULL, fields TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS notes_by_ticket ON notes (ticket_id, is_system, id);
CREATE TABLE IF NOT EXISTS attachments (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL, fields TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS attachments_by_ticket ON attachments (ticket_id, id);
CREATE TABLE IF NOT EXISTS assignments (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL, fields TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS assignments_by_ticket ON assignments (ticket_id, id);
CREATE TABLE IF NOT EXISTS sessions (
  access_token TEXT PRIMARY KEY, refresh_token TEXT NOT NULL UNIQUE, tech_seq INTEGER NOT NULL, group_seq INTEGER NOT NULL,
  issued_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL, refresh_expires_ms INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
`;

/** Lower-cased text of every string value: what POST /searches matches a Term against. */
export function searchText(values: Values): string {
  let out = '';
  for (const key in values) {
    const v = values[key];
    if (typeof v === 'string') out += `${v.toLowerCase()}\n`;
  }
  return out;
}
