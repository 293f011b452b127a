// Property test: random sequences of valid operations keep the store's invariants (fast-check).
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import type { Client } from './support/client.ts';
import { controlPlane } from './support/control.ts';
import {
  N,
  T,
  dateValue,
  expectError,
  listOf,
  noteOf,
  numberValue,
  ok,
  stringValue,
  ticketOf,
  value,
} from './support/records.ts';
import { emulatorTest, useTarget } from './support/suite.ts';

const statuses = {
  Open: 'open',
  'In Progress': 'open',
  Escalated: 'open',
  'Waiting on Requestor': 'stop-the-clock',
  Paused: 'stop-the-clock',
  Closed: 'closed',
  Completed: 'closed',
  Cancelled: 'closed',
  'Dismissed - No notes': 'closed',
} as const;
type StatusName = keyof typeof statuses;
const statusNames = Object.keys(statuses) as StatusName[];
const categories = ['Applications'];

type Op =
  | { kind: 'update'; pick: number; summary: string; category: boolean }
  | { kind: 'note'; pick: number; text: string; seconds: number; isPrivate: boolean }
  | { kind: 'status'; pick: number; status: StatusName; withNote: boolean }
  | { kind: 'close'; pick: number; withNote: boolean }
  | { kind: 'create'; summary: string }
  | { kind: 'delete'; pick: number };

const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');
const pick = fc.nat({ max: 1000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('update' as const), pick, summary: text, category: fc.boolean() }),
  fc.record({
    kind: fc.constant('note' as const),
    pick,
    text,
    seconds: fc.integer({ min: 0, max: 5 * 3600 + 59 * 60 + 59 }),
    isPrivate: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    pick,
    status: fc.constantFrom(...statusNames),
    withNote: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('close' as const), pick, withNote: fc.boolean() }),
  fc.record({ kind: fc.constant('create' as const), summary: text }),
  fc.record({ kind: fc.constant('delete' as const), pick }),
);

function hhmmss(seconds: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

const noteFields = { 'Note Type': 'Ticket Description', 'Activity Code': 'Install' };

interface Model {
  live: number[];
  deleted: Set<number>;
  /** User notes the model expects per ticket. */
  userNotes: Map<number, number>;
  /** Seconds the model expects in Total Time Spent per ticket. */
  timeSpent: Map<number, number>;
  lastModified: Map<number, number>;
}

async function notesOf(client: Client, id: number, systemNote: boolean) {
  return listOf(
    await client.get(`/tickets/${id}/Notes/0/0`, { query: { SystemNote: systemNote, maxContentLength: -1 } }),
    'TicketNotes',
  );
}

/** Every invariant for one live ticket, reading only through the API. */
async function checkTicket(client: Client, model: Model, id: number): Promise<void> {
  const ticket = ticketOf(await client.get(`/tickets/${id}`));
  const all = await notesOf(client, id, true);
  const user = await notesOf(client, id, false);
  expect(all.count, `ticket ${id}: Count is the number of notes`).toBe(all.items.length);
  expect(user.count).toBe(user.items.length);
  expect(user.count, `ticket ${id}: user notes`).toBe(model.userNotes.get(id));
  expect(all.items.filter((n) => value(n, N.systemActivity) === undefined).length).toBe(user.count);

  const pageSize = 8;
  const paged: number[] = [];
  for (let page = 1; page <= Math.ceil(all.count / pageSize); page += 1) {
    const list = listOf(
      await client.get(`/tickets/${id}/Notes/${pageSize}/${page}`, { query: { SystemNote: true } }),
      'TicketNotes',
    );
    expect(list.count, `ticket ${id}: Count on page ${page}`).toBe(all.count);
    paged.push(...list.items.map((n) => numberValue(n, N.sequence)!));
  }
  expect(paged, `ticket ${id}: pages add up to 0/0`).toEqual(
    all.items.map((n) => numberValue(n, N.sequence)!),
  );

  const durations = all.items.reduce((sum, n) => sum + (numberValue(n, N.duration) ?? 0), 0);
  expect(
    numberValue(ticket, T.totalTimeSpent) ?? 0,
    `ticket ${id}: Total Time Spent = sum of durations`,
  ).toBe(durations);
  expect(
    numberValue(ticket, T.totalTimeSpent) ?? 0,
    `ticket ${id}: Total Time Spent as the model counts`,
  ).toBe(model.timeSpent.get(id));

  const status = stringValue(ticket, T.status) as StatusName | undefined;
  if (status && statuses[status] === 'closed') {
    expect(stringValue(ticket, T.closeDate), `closed ticket ${id} (${status}) has a close date`).toBeTruthy();
  }
  if (status && statuses[status] === 'stop-the-clock') {
    expect(
      stringValue(ticket, T.clockStopTime),
      `ticket ${id} in ${status} has a Clock Stop Time`,
    ).toBeTruthy();
  }

  const modified = dateValue(ticket, T.lastModified)!;
  expect(modified, `ticket ${id}: Last Modified never goes back`).toBeGreaterThanOrEqual(
    model.lastModified.get(id) ?? 0,
  );
  model.lastModified.set(id, modified);
}

async function checkDeleted(client: Client, id: number): Promise<void> {
  expectError(await client.get(`/tickets/${id}`), 404);
  expectError(await client.get(`/tickets/${id}/Notes/0/0`), 404);
  expectError(await client.post(`/tickets/${id}/AddNote`, { ...noteFields, Note: 'x' }), 404);
}

async function adopt(client: Client, model: Model, id: number): Promise<void> {
  const user = await notesOf(client, id, false);
  const ticket = ticketOf(await client.get(`/tickets/${id}`));
  model.live.push(id);
  model.userNotes.set(id, user.count);
  model.timeSpent.set(id, numberValue(ticket, T.totalTimeSpent) ?? 0);
  model.lastModified.set(id, dateValue(ticket, T.lastModified)!);
}

async function apply(client: Client, model: Model, step: Op): Promise<number | null> {
  if (step.kind === 'create') {
    const ticket = ticketOf(
      await client.post('/tickets', { Properties: { 'Ticket Summary': step.summary } }),
    );
    const id = numberValue(ticket, T.id)!;
    expect(model.live).not.toContain(id);
    expect(model.deleted.has(id), `new ticket ${id} reuses a deleted id`).toBe(false);
    await adopt(client, model, id);
    return id;
  }
  if (model.live.length === 0) return null;
  const id = model.live[step.pick % model.live.length]!;
  const note = (words: string) => ({ ...noteFields, Note: words });
  switch (step.kind) {
    case 'update': {
      const properties: Record<string, string> = { 'Ticket Summary': step.summary };
      if (step.category) properties.Category = categories[0]!;
      expect(
        stringValue(ticketOf(await client.post(`/tickets/${id}`, { Properties: properties })), T.summary),
      ).toBe(step.summary);
      break;
    }
    case 'note': {
      const reply = await client.post(`/tickets/${id}/AddNote`, {
        ...note(step.text),
        Duration: hhmmss(step.seconds),
        Private: step.isPrivate,
      });
      expect(numberValue(noteOf(reply), N.duration) ?? 0).toBe(step.seconds);
      model.userNotes.set(id, model.userNotes.get(id)! + 1);
      model.timeSpent.set(id, model.timeSpent.get(id)! + step.seconds);
      break;
    }
    case 'status': {
      const body = step.withNote
        ? { StatusName: step.status, Note: note('status note') }
        : { StatusName: step.status };
      expect(stringValue(ticketOf(await client.post(`/tickets/${id}/ChangeStatus`, body)), T.status)).toBe(
        step.status,
      );
      if (step.withNote) model.userNotes.set(id, model.userNotes.get(id)! + 1);
      break;
    }
    case 'close': {
      const reply = await client.post(
        `/tickets/${id}/Close`,
        step.withNote ? { Note: note('closing note') } : {},
      );
      expect(stringValue(ticketOf(reply), T.status)).toBe('Closed');
      if (step.withNote) model.userNotes.set(id, model.userNotes.get(id)! + 1);
      break;
    }
    case 'delete': {
      expect(ok(await client.post(`/tickets/${id}/Delete`))).toEqual({ success: true });
      model.live = model.live.filter((live) => live !== id);
      model.deleted.add(id);
      return null;
    }
  }
  return id;
}

describe('store invariants under random operations', () => {
  const suite = useTarget({ seedTickets: 40 });

  emulatorTest(
    'keeps Count, close dates, Last Modified, Total Time Spent and deletions consistent',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
          await controlPlane.reset(suite.target);
          suite.forgetTokens();
          const client = await suite.client();
          const model: Model = {
            live: [],
            deleted: new Set(),
            userNotes: new Map(),
            timeSpent: new Map(),
            lastModified: new Map(),
          };
          await adopt(client, model, 101);
          for (const step of ops) {
            const touched = await apply(client, model, step);
            if (touched !== null) await checkTicket(client, model, touched);
          }
          for (const id of model.live) await checkTicket(client, model, id);
          for (const id of model.deleted) await checkDeleted(client, id);
        }),
        { numRuns: 30 },
      );
    },
    { timeout: 60_000 },
  );
});
