// GET /tickets/{id}/Notes/{ps}/{pn}, GET /tickets/Note/{noteId}, POST /tickets/{id}/AddNote.
import { describe, expect } from 'vitest';
import { scratchTicket, userNote } from './support/fixtures.ts';
import {
  N,
  T,
  dateValue,
  expectEnvelope,
  expectError,
  listOf,
  noteOf,
  numberValue,
  ok,
  expectRecord,
  stringValue,
  ticketOf,
  value,
  wireDatePattern,
} from './support/records.ts';
import type { Client } from './support/client.ts';
import { emulatorTest, readTest, useTarget, writeTest } from './support/suite.ts';
import { targetShapes } from './support/target.ts';

function notesPath(id: number, pageSize = 0, pageNumber = 0): string {
  return `/tickets/${id}/Notes/${pageSize}/${pageNumber}`;
}

async function allNotes(client: Client, id: number, systemNote: boolean) {
  return listOf(
    await client.get(notesPath(id), { query: { SystemNote: systemNote, maxContentLength: -1 } }),
    'TicketNotes',
  );
}

describe.each(targetShapes())('notes ($label)', ({ shape }) => {
  const suite = useTarget({ shape });

  describe('GET /tickets/{id}/Notes/{pageSize}/{pageNumber}', () => {
    readTest(
      'returns Count and TicketNotes, and 0/0 returns every note with Count equal to their number',
      async () => {
        const client = await suite.client();
        const list = await allNotes(client, suite.target.ticketId, true);
        expect(list.count).toBe(list.items.length);
        for (const note of list.items) expect(numberValue(note, N.ticketId)).toBe(suite.target.ticketId);
      },
    );

    readTest('pages add up to the 0/0 list, and Count is the total on every page', async () => {
      const client = await suite.client();
      const id = suite.target.ticketId;
      const all = await allNotes(client, id, true);
      const seen: number[] = [];
      const pageSize = 7;
      for (let page = 1; page <= Math.ceil(all.count / pageSize) + 1; page += 1) {
        const list = listOf(
          await client.get(notesPath(id, pageSize, page), { query: { SystemNote: true } }),
          'TicketNotes',
        );
        expect(list.count).toBe(all.count);
        expect(list.items.length).toBeLessThanOrEqual(pageSize);
        seen.push(...list.items.map((n) => numberValue(n, N.sequence)!));
      }
      expect(seen).toEqual(all.items.map((n) => numberValue(n, N.sequence)!));
    });

    readTest('treats a page size of 0 or a page number of 0 as "all records"', async () => {
      const client = await suite.client();
      const id = suite.target.ticketId;
      const all = await allNotes(client, id, true);
      for (const [ps, pn] of [
        [0, 3],
        [5, 0],
      ] as const) {
        const list = listOf(
          await client.get(notesPath(id, ps, pn), { query: { SystemNote: true } }),
          'TicketNotes',
        );
        expect(list.items.length).toBe(all.count);
      }
    });

    readTest(
      'returns only user notes by default and with SystemNote=false, and both with SystemNote=true',
      async () => {
        const client = await suite.client();
        const id = suite.target.ticketId;
        const byDefault = listOf(await client.get(notesPath(id)), 'TicketNotes');
        const userOnly = await allNotes(client, id, false);
        const everything = await allNotes(client, id, true);
        expect(byDefault.count).toBe(userOnly.count);
        expect(everything.count).toBeGreaterThanOrEqual(userOnly.count);
        for (const note of userOnly.items) expect(value(note, N.systemActivity)).toBeUndefined();
      },
    );

    emulatorTest(
      'has system notes with System Activity and Note Type "System Note" on ticket 101',
      async () => {
        const client = await suite.client();
        const everything = await allNotes(client, 101, true);
        const system = everything.items.filter((n) => value(n, N.systemActivity) !== undefined);
        expect(system.length).toBeGreaterThan(0);
        for (const note of system) expect(stringValue(note, N.noteType)).toBe('System Note');
      },
    );

    emulatorTest('cuts note text to maxContentLength and returns it whole with -1', async () => {
      const client = await suite.client();
      const whole = await allNotes(client, 101, true);
      const longest = Math.max(...whole.items.map((n) => String(value(n, N.note) ?? '').length));
      expect(longest).toBeGreaterThan(5000);
      const cut = listOf(
        await client.get(notesPath(101), { query: { SystemNote: true, maxContentLength: 10 } }),
        'TicketNotes',
      );
      expect(cut.count).toBe(whole.count);
      for (const note of cut.items) expect(String(value(note, N.note) ?? '').length).toBeLessThanOrEqual(10);
    });

    emulatorTest('returns the seed’s 30+ notes of ticket 101, private ones included', async () => {
      const client = await suite.client();
      const all = await allNotes(client, 101, true);
      expect(all.count).toBeGreaterThanOrEqual(30);
      expect(all.items.some((n) => value(n, N.private) === true)).toBe(true);
    });

    readTest('answers 404 for an unknown ticket', async () => {
      const client = await suite.client();
      expectError(await client.get(notesPath(999999)), 404, /999999/);
    });

    writeTest('returns an empty set with Count 0 for a ticket without user notes', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const list = listOf(await client.get(notesPath(id), { query: { SystemNote: false } }), 'TicketNotes');
      expect(list).toEqual({ count: 0, items: [] });
    });
  });

  describe('GET /tickets/Note/{noteId}', () => {
    readTest('returns one note as an array of one under "Note" (§5 #5)', async () => {
      const client = await suite.client();
      const notes = await allNotes(client, suite.target.ticketId, true);
      const first = notes.items[0];
      if (!first) return;
      const noteId = numberValue(first, N.sequence)!;
      const body = ok(await client.get(`/tickets/Note/${noteId}`));
      expect(Object.keys(body)).toEqual(['Note']);
      expect(Array.isArray(body.Note)).toBe(true);
      const list = body.Note as unknown[];
      expect(list).toHaveLength(1);
      const note = expectRecord(list[0]);
      expect(numberValue(note, N.sequence)).toBe(noteId);
      expect(numberValue(note, N.ticketId)).toBe(suite.target.ticketId);
    });

    emulatorTest('returns seed note 1001 of ticket 101', async () => {
      const client = await suite.client();
      const body = ok(await client.get('/tickets/Note/1001'));
      const note = expectRecord((body.Note as unknown[])[0]);
      expect(numberValue(note, N.ticketId)).toBe(101);
    });

    emulatorTest('returns a system note too (the call retrieves both kinds)', async () => {
      const client = await suite.client();
      const all = await allNotes(client, 101, true);
      const system = all.items.find((n) => value(n, N.systemActivity) !== undefined)!;
      const body = ok(await client.get(`/tickets/Note/${numberValue(system, N.sequence)}`));
      const note = expectRecord((body.Note as unknown[])[0]);
      expect(value(note, N.systemActivity)).toBe(value(system, N.systemActivity));
    });

    writeTest('answers 404 for a note of a deleted ticket', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const noteId = numberValue(
        noteOf(await client.post(`/tickets/${id}/AddNote`, userNote('soon gone'))),
        N.sequence,
      )!;
      ok(await client.get(`/tickets/Note/${noteId}`));
      ok(await client.post(`/tickets/${id}/Delete`));
      expectError(await client.get(`/tickets/Note/${noteId}`), 404);
    });

    readTest('answers 404 with a Message for an unknown note', async () => {
      const client = await suite.client();
      expectError(await client.get('/tickets/Note/99999999'), 404);
    });
  });

  describe('POST /tickets/{id}/AddNote', () => {
    writeTest(
      'adds a user note, returns ticket and note in the shape’s envelope, Duration in seconds',
      async () => {
        const client = await suite.client();
        const id = await scratchTicket(client);
        const reply = await client.post(
          `/tickets/${id}/AddNote`,
          userNote('Called the user back', '00:10:00', true),
        );
        expectEnvelope(suite.target, 'note-write', reply);
        const note = noteOf(reply);
        expect(numberValue(ticketOf(reply), T.id)).toBe(id);
        expect(stringValue(note, N.note)).toBe('Called the user back');
        expect(numberValue(note, N.ticketId)).toBe(id);
        expect(numberValue(note, N.duration)).toBe(600);
        expect(value(note, N.private)).toBe(true);
        expect(stringValue(note, N.noteType)).toBe('Ticket Description');
        expect(stringValue(note, N.activityCode)).toBe('Install');
        expect(stringValue(note, N.date)).toMatch(wireDatePattern);
        expect(value(note, N.systemActivity)).toBeUndefined();
        const list = await allNotes(client, id, false);
        expect(list.items.map((n) => numberValue(n, N.sequence))).toContain(numberValue(note, N.sequence));
      },
    );

    writeTest('defaults Private to false and Duration to 0 (§5 #22)', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const note = noteOf(
        await client.post(`/tickets/${id}/AddNote`, {
          'Note Type': 'Ticket Description',
          'Activity Code': 'Install',
          Note: 'x',
        }),
      );
      expect(value(note, N.private) ?? false).toBe(false);
      expect(value(note, N.duration) ?? 0).toBe(0);
    });

    writeTest('accepts Private as the strings "True" and "False" (S9 sends them)', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const yes = noteOf(await client.post(`/tickets/${id}/AddNote`, { ...userNote('a'), Private: 'True' }));
      const no = noteOf(await client.post(`/tickets/${id}/AddNote`, { ...userNote('b'), Private: 'False' }));
      expect(value(yes, N.private)).toBe(true);
      expect(value(no, N.private) ?? false).toBe(false);
    });

    writeTest('adds durations into Total Time Spent and moves Latest Note Date forward', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const before = ticketOf(await client.get(`/tickets/${id}`));
      const spentBefore = numberValue(before, T.totalTimeSpent) ?? 0;
      await client.post(`/tickets/${id}/AddNote`, userNote('first', '00:10:00'));
      const reply = await client.post(`/tickets/${id}/AddNote`, userNote('second', '01:00:30'));
      const note = noteOf(reply);
      const after = ticketOf(await client.get(`/tickets/${id}`));
      expect(numberValue(after, T.totalTimeSpent)).toBe(spentBefore + 600 + 3630);
      const latest = dateValue(after, T.latestNoteDate);
      expect(latest).toBeGreaterThanOrEqual(dateValue(note, N.date)!);
      expect(latest).toBeGreaterThanOrEqual(dateValue(before, T.latestNoteDate) ?? 0);
    });

    emulatorTest('accepts an h:mm duration as hours and minutes (§5 #20)', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const note = noteOf(await client.post(`/tickets/${id}/AddNote`, userNote('short form', '0:30')));
      expect(numberValue(note, N.duration)).toBe(1800);
    });

    writeTest('refuses a note without Note Type or Activity Code with a 400 naming it (§5 #21)', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      expectError(
        await client.post(`/tickets/${id}/AddNote`, { 'Activity Code': 'Install', Note: 'x' }),
        400,
        /Note Type/i,
      );
      expectError(
        await client.post(`/tickets/${id}/AddNote`, { 'Note Type': 'Ticket Description', Note: 'x' }),
        400,
        /Activity Code/i,
      );
    });

    writeTest('refuses an unknown Note Type or Activity Code with a 400 naming the value', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      expectError(
        await client.post(`/tickets/${id}/AddNote`, { ...userNote('x'), 'Note Type': 'Gossip' }),
        400,
        /Gossip/,
      );
      expectError(
        await client.post(`/tickets/${id}/AddNote`, { ...userNote('x'), 'Activity Code': 'Juggling' }),
        400,
        /Juggling/,
      );
    });

    writeTest('answers 404 for an unknown ticket', async () => {
      const client = await suite.client();
      expectError(await client.post('/tickets/999999/AddNote', userNote('x')), 404, /999999/);
    });
  });
});
