// "The store is unchanged" checked, not assumed: a digest of what the API shows about some tickets (the whole
// ticket, every note incl. system notes, attachments, assignments) plus how many tickets exist.
import { createHash } from 'node:crypto';
import type { Client } from './client.ts';

export interface ApiSnapshot {
  tickets: Record<number, string>;
  ticketCount: number | null;
}

async function ticketDigest(client: Client, id: number): Promise<string> {
  const parts = await Promise.all([
    client.get(`/tickets/${id}`),
    client.get(`/tickets/${id}/Notes/0/0`, { query: { SystemNote: true, maxContentLength: -1 } }),
    client.get(`/tickets/${id}/Attachments/0/0`),
    client.get(`/tickets/${id}/Assignments/0/0`),
  ]);
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.status}\n${part.text}\n`);
  return hash.digest('hex');
}

/** How many tickets the client can see, from `POST /searches` with an empty term (decisions.md). */
export async function ticketCount(client: Client): Promise<number | null> {
  const reply = await client.post('/searches', {
    Term: '',
    ModuleId: 24,
    PageSize: 1,
    PageNumber: 1,
    ResultFields: [1],
  });
  const body = reply.json as { Count?: unknown } | undefined;
  return reply.status === 200 && typeof body?.Count === 'number' ? body.Count : null;
}

/** Takes a snapshot of `ids` as `client` sees them (use an ADMIN client to see every group). */
export async function apiSnapshot(client: Client, ids: readonly number[]): Promise<ApiSnapshot> {
  const tickets: Record<number, string> = {};
  for (const id of ids) tickets[id] = await ticketDigest(client, id);
  return { tickets, ticketCount: await ticketCount(client) };
}
