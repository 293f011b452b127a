// Fidelity to the doc page's tables and to what a real server does on every write (issue 2, "Behaviour a real
// server has, not just the shapes").
import { describe, expect } from 'vitest';
import { createClient, type Client } from './support/client.ts';
import {
  assignmentSeqs,
  attachmentSeqs,
  docEditableTicketSeqs,
  docNoteFields,
  docTicketFields,
  renamedTicketFields,
  templateSeqs,
} from './support/doc-tables.ts';
import { scratchTicket, userNote } from './support/fixtures.ts';
import {
  N,
  T,
  dateValue,
  expectError,
  expectRecord,
  isObject,
  listOf,
  noteOf,
  numberValue,
  ok,
  stringValue,
  ticketOf,
  wireDatePattern,
  type WireRecord,
} from './support/records.ts';
import { emulatorTest, readTest, useTarget } from './support/suite.ts';
import { createEmulatorTarget, demoPassword, demoUsers, targetShapes } from './support/target.ts';

const docTicketNames = new Map(docTicketFields);
const docNoteNames = new Map(docNoteFields);

/** Keys of `record` outside `allowed`, and display names that differ from `names` (renamed ones aside). */
function offTable(
  record: WireRecord,
  names: ReadonlyMap<number, string>,
  renamed: ReadonlyMap<number, string> = new Map(),
) {
  const problems: string[] = [];
  for (const [key, field] of Object.entries(record)) {
    const seq = Number(key);
    const expected = renamed.get(seq) ?? names.get(seq);
    if (expected === undefined)
      problems.push(`seq ${key} "${field.DisplayName}" is not in the doc page's table`);
    else if (field.DisplayName !== expected)
      problems.push(`seq ${key} is named "${field.DisplayName}", not "${expected}"`);
  }
  return problems;
}

async function technician(target: { fetch: typeof fetch; baseUrl: string }, username: string) {
  const response = await target.fetch(`${target.baseUrl}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password: demoPassword }).toString(),
  });
  return (await response.json()) as Record<string, string | number>;
}

describe.each(targetShapes())('fidelity ($label)', ({ shape }) => {
  const suite = useTarget({ shape });

  describe('records follow the doc page’s tables', () => {
    emulatorTest(
      'tickets carry only the GET table’s sequences, under its display names or the renamed ones',
      async () => {
        const admin = await suite.client(demoUsers.admin);
        const problems: string[] = [];
        for (let id = 101; id <= 140; id += 1) {
          const reply = await admin.get(`/tickets/${id}`);
          if (reply.status === 404) continue;
          problems.push(
            ...offTable(ticketOf(reply), docTicketNames, renamedTicketFields).map(
              (p) => `ticket ${id}: ${p}`,
            ),
          );
        }
        expect(problems).toEqual([]);
      },
    );

    emulatorTest('notes carry only the note table’s sequences and names', async () => {
      const client = await suite.client();
      const notes = listOf(
        await client.get('/tickets/101/Notes/0/0', { query: { SystemNote: true } }),
        'TicketNotes',
      );
      expect(notes.items.flatMap((note) => offTable(note, docNoteNames))).toEqual([]);
    });

    emulatorTest(
      'attachments, assignments and templates carry only the fields interfaces.md lists',
      async () => {
        const client = await suite.client();
        const outside = (records: WireRecord[], allowed: readonly number[]) =>
          records.flatMap((r) => Object.keys(r).filter((k) => !allowed.includes(Number(k))));
        const attachments = listOf(
          await client.get('/tickets/101/Attachments/0/0'),
          'TicketAttachments',
        ).items;
        const assignments = listOf(await client.get('/tickets/101/Assignments/0/0'), 'Assignments').items;
        const templates = (ok(await client.get('/tickets/Templates')).TicketTemplates as unknown[]).map(
          expectRecord,
        );
        expect(outside(attachments, attachmentSeqs)).toEqual([]);
        expect(outside(assignments, assignmentSeqs)).toEqual([]);
        expect(outside(templates, templateSeqs)).toEqual([]);
      },
    );

    emulatorTest(
      'GET /module/24/fields lists every sequence of the GET table under its current name',
      async () => {
        const client = await suite.client();
        const body = ok(await client.get('/module/24/fields'));
        const catalogue = (isObject(body.Fields) ? body.Fields : body) as Record<
          string,
          { DisplayName?: string }
        >;
        const problems = docTicketFields
          .map(([seq, name]) => [seq, renamedTicketFields.get(seq) ?? name] as const)
          .filter(([seq, name]) => catalogue[String(seq)]?.DisplayName !== name)
          .map(([seq, name]) => `${seq} should be "${name}", is ${JSON.stringify(catalogue[String(seq)])}`);
        expect(problems).toEqual([]);
      },
    );

    emulatorTest('refuses every field outside the page’s editable table with a 400 naming it', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const before = ticketOf(await client.get(`/tickets/${id}`));
      const readOnly = docTicketFields.filter(([seq]) => !docEditableTicketSeqs.includes(seq));
      const accepted: string[] = [];
      for (const [seq, name] of readOnly) {
        const key = renamedTicketFields.get(seq) ?? name;
        for (const properties of [{ [String(seq)]: 'x' }, { [key]: 'x' }]) {
          const reply = await client.post(`/tickets/${id}`, { Properties: properties });
          const message = String((reply.json as { Message?: unknown } | undefined)?.Message ?? '');
          const named = message.includes(key) || message.includes(String(seq));
          if (reply.status !== 400 || !named)
            accepted.push(`${JSON.stringify(properties)} -> ${reply.status} ${message}`);
        }
      }
      expect(accepted).toEqual([]);
      expect(ticketOf(await client.get(`/tickets/${id}`))).toEqual(before);
    });
  });

  describe('every write sets Last Modified and Last User', () => {
    emulatorTest(
      'update, AddNote, ChangeStatus and Close by ADMIN each make ADMIN the Last User, time moving on',
      async () => {
        const tech = await suite.client();
        const admin = await suite.client(demoUsers.admin);
        const id = await scratchTicket(tech);
        let previous = dateValue(ticketOf(await tech.get(`/tickets/${id}`)), T.lastModified)!;
        const writes: [string, (c: Client) => ReturnType<Client['post']>][] = [
          ['update', (c) => c.post(`/tickets/${id}`, { Properties: { 'Ticket Summary': 'admin edit' } })],
          ['AddNote', (c) => c.post(`/tickets/${id}/AddNote`, userNote('admin note'))],
          ['ChangeStatus', (c) => c.post(`/tickets/${id}/ChangeStatus`, { StatusName: 'Escalated' })],
          ['Close', (c) => c.post(`/tickets/${id}/Close`, {})],
        ];
        for (const [what, write] of writes) {
          await new Promise((resolve) => setTimeout(resolve, 2));
          ok(await write(admin));
          const ticket = ticketOf(await tech.get(`/tickets/${id}`));
          expect(stringValue(ticket, T.lastUser), what).toBe('ADMIN');
          const modified = dateValue(ticket, T.lastModified)!;
          expect(modified, `${what} moves Last Modified on`).toBeGreaterThan(previous);
          previous = modified;
          await tech.post(`/tickets/${id}`, { Properties: { 'Ticket Summary': 'tech edit' } });
          previous = dateValue(ticketOf(await tech.get(`/tickets/${id}`)), T.lastModified)!;
        }
      },
    );

    emulatorTest(
      'a note’s Last User is the signed-in login, not the doc example’s SAK2 (§5 #24)',
      async () => {
        const admin = await suite.client(demoUsers.admin);
        const note = noteOf(await admin.post('/tickets/101/AddNote', userNote('by admin')));
        expect(stringValue(note, N.lastUser)).toBe('ADMIN');
        expect(stringValue(note, N.lastModified)).toMatch(wireDatePattern);
      },
    );
  });

  describe('create and close fill in who and when', () => {
    emulatorTest('a new ticket is Open, opened now by the signed-in technician in their group', async () => {
      const client = await suite.client();
      const me = await technician(suite.target, demoUsers.tech);
      const started = Date.now();
      const ticket = ticketOf(
        await client.post('/tickets', { Properties: { 'Ticket Summary': 'who opened me' } }),
      );
      expect(stringValue(ticket, T.status)).toBe('Open');
      expect(stringValue(ticket, 66)).toBe('TECH1');
      expect(stringValue(ticket, 124)).toBe('HELP DESK');
      expect(stringValue(ticket, 128)).toBe(me['First Name']);
      expect(stringValue(ticket, 129)).toBe(me['Last Name']);
      expect(Math.abs(dateValue(ticket, T.openDate)! - started)).toBeLessThan(60_000);
      expect(stringValue(ticket, T.lastUser)).toBe('TECH1');
    });

    emulatorTest(
      'a FIELD SERVICES technician’s new ticket is theirs to see and hidden from HELP DESK',
      async () => {
        const field = await suite.client(demoUsers.field);
        const tech = await suite.client(demoUsers.tech);
        const id = numberValue(
          ticketOf(await field.post('/tickets', { Properties: { 'Ticket Summary': 'van 3' } })),
          T.id,
        )!;
        ok(await field.get(`/tickets/${id}`));
        expectError(await tech.get(`/tickets/${id}`), 404);
      },
    );

    emulatorTest('Close names the closer: Closed By Technician, their names and Closed Group', async () => {
      const client = await suite.client();
      const me = await technician(suite.target, demoUsers.tech);
      const id = await scratchTicket(client);
      const ticket = ticketOf(await client.post(`/tickets/${id}/Close`, {}));
      expect(stringValue(ticket, T.closedByTechnician)).toBe('TECH1');
      expect(stringValue(ticket, 130)).toBe(me['First Name']);
      expect(stringValue(ticket, 131)).toBe(me['Last Name']);
      expect(stringValue(ticket, 125)).toBe('HELP DESK');
    });
  });

  describe('POST /searches', () => {
    readTest('pages: Count is the total, pages do not overlap, PageSize 0 returns all', async () => {
      const client = await suite.client();
      const search = async (pageSize: number, pageNumber: number) =>
        ok(
          await client.post('/searches', {
            Term: '',
            ModuleId: 24,
            PageSize: pageSize,
            PageNumber: pageNumber,
            ResultFields: [1],
          }),
        );
      const ids = (body: Record<string, unknown>) =>
        (body.Results as unknown[]).map((r) => numberValue(expectRecord(r), T.id));
      const [first, second, all] = await Promise.all([search(5, 1), search(5, 2), search(0, 0)]);
      expect(first.Count).toBe(all.Count);
      expect(second.Count).toBe(all.Count);
      expect(ids(all)).toHaveLength(all.Count as number);
      const firstIds = ids(first);
      expect(firstIds).toHaveLength(Math.min(5, all.Count as number));
      for (const id of ids(second)) expect(firstIds).not.toContain(id);
    });

    emulatorTest('matches a word of the summary in any letter case', async () => {
      const client = await suite.client();
      const summary = stringValue(ticketOf(await client.get('/tickets/101')), T.summary)!;
      const word = summary.split(/\s+/).find((w) => w.length >= 4)!;
      const body = ok(
        await client.post('/searches', {
          Term: word.toUpperCase(),
          ModuleId: 24,
          PageSize: 0,
          PageNumber: 0,
          ResultFields: [1, 22],
        }),
      );
      const results = (body.Results as unknown[]).map(expectRecord);
      expect(results.map((r) => numberValue(r, T.id))).toContain(101);
    });
  });

  describe('limits and settings', () => {
    emulatorTest('takes a note of 900 KB (under the 1 MB limit) and returns it whole', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const text = 'long line of text '.repeat(50_000).slice(0, 900 * 1024);
      const note = noteOf(await client.post(`/tickets/${id}/AddNote`, userNote(text)));
      const noteId = numberValue(note, N.sequence)!;
      const fetched = expectRecord((ok(await client.get(`/tickets/Note/${noteId}`)).Note as unknown[])[0]);
      expect(stringValue(fetched, N.note)).toHaveLength(text.length);
    });

    emulatorTest('adds the configured latency to every response', async () => {
      const slow = await createEmulatorTarget({ shape, seedTickets: 20, latencyMs: 150 });
      try {
        const client = createClient(slow, await slow.signIn());
        const started = performance.now();
        ok(await client.get('/tickets/101'));
        expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      } finally {
        await slow.close();
      }
    });

    emulatorTest('gives .issued and .expires exactly expires_in apart', async () => {
      const body = await technician(suite.target, demoUsers.tech);
      const span = (Date.parse(String(body['.expires'])) - Date.parse(String(body['.issued']))) / 1000;
      expect(Math.abs(span - Number(body.expires_in))).toBeLessThanOrEqual(1);
    });
  });
});
