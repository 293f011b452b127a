// POST /tickets/{id}/ChangeStatus and /Close: statuses with types, close fields, stop-the-clock, system notes.
import { describe, expect } from 'vitest';
import type { Client } from './support/client.ts';
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
  stringValue,
  ticketOf,
  value,
  wireDatePattern,
} from './support/records.ts';
import { emulatorTest, useTarget, writeTest } from './support/suite.ts';
import { targetShapes } from './support/target.ts';

function noteBody(text: string) {
  const { Duration: _duration, ...note } = userNote(text);
  return note;
}

async function systemNotes(client: Client, id: number) {
  const list = listOf(
    await client.get(`/tickets/${id}/Notes/0/0`, { query: { SystemNote: true } }),
    'TicketNotes',
  );
  return list.items.filter((n) => value(n, N.systemActivity) !== undefined);
}

describe.each(targetShapes())('status changes ($label)', ({ shape }) => {
  const suite = useTarget({ shape });

  describe('POST /tickets/{id}/ChangeStatus', () => {
    writeTest('changes the status, adds the note and returns both in the shape’s envelope', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const reply = await client.post(`/tickets/${id}/ChangeStatus`, {
        StatusName: 'Escalated',
        Note: noteBody('Escalating'),
      });
      expectEnvelope(suite.target, 'note-write', reply);
      expect(stringValue(ticketOf(reply), T.status)).toBe('Escalated');
      expect(stringValue(noteOf(reply), N.note)).toBe('Escalating');
      expect(stringValue(ticketOf(await client.get(`/tickets/${id}`)), T.status)).toBe('Escalated');
    });

    writeTest('changes the status without a note when Note is left out (§5 #21)', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const reply = await client.post(`/tickets/${id}/ChangeStatus`, { StatusName: 'In Progress' });
      expect(stringValue(ticketOf(reply), T.status)).toBe('In Progress');
    });

    writeTest('writes a system note for the status change', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const before = (await systemNotes(client, id)).length;
      await client.post(`/tickets/${id}/ChangeStatus`, { StatusName: 'Escalated' });
      const after = await systemNotes(client, id);
      expect(after.length).toBeGreaterThan(before);
      expect(after.some((n) => /status/i.test(String(value(n, N.systemActivity))))).toBe(true);
    });

    emulatorTest('sets Clock Stop Time for a stop-the-clock status', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const reply = await client.post(`/tickets/${id}/ChangeStatus`, { StatusName: 'Waiting on Requestor' });
      const ticket = ticketOf(reply);
      expect(stringValue(ticket, T.status)).toBe('Waiting on Requestor');
      expect(stringValue(ticket, T.clockStopTime)).toMatch(wireDatePattern);
      const paused = ticketOf(await client.post(`/tickets/${id}/ChangeStatus`, { StatusName: 'Paused' }));
      expect(stringValue(paused, T.clockStopTime)).toMatch(wireDatePattern);
    });

    emulatorTest('sets a close date when the new status is of the closed type', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const ticket = ticketOf(await client.post(`/tickets/${id}/ChangeStatus`, { StatusName: 'Completed' }));
      expect(stringValue(ticket, T.status)).toBe('Completed');
      expect(stringValue(ticket, T.closeDate)).toMatch(wireDatePattern);
    });

    writeTest('refuses an unknown status with a 400 naming it', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      expectError(
        await client.post(`/tickets/${id}/ChangeStatus`, { StatusName: 'Sleeping' }),
        400,
        /Sleeping/,
      );
      expect(stringValue(ticketOf(await client.get(`/tickets/${id}`)), T.status)).not.toBe('Sleeping');
    });

    writeTest('refuses a note without Note Type or Activity Code with a 400 (§5 #21)', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      expectError(
        await client.post(`/tickets/${id}/ChangeStatus`, {
          StatusName: 'Escalated',
          Note: { Note: 'no type' },
        }),
        400,
        /Note Type|Activity Code/i,
      );
    });

    writeTest('answers 404 for an unknown ticket', async () => {
      const client = await suite.client();
      expectError(
        await client.post('/tickets/999999/ChangeStatus', { StatusName: 'Escalated' }),
        404,
        /999999/,
      );
    });
  });

  describe('POST /tickets/{id}/Close', () => {
    writeTest(
      'closes with the default closed status, a close date and the closer, and returns Ticket and Note',
      async () => {
        const client = await suite.client();
        const id = await scratchTicket(client);
        const reply = await client.post(`/tickets/${id}/Close`, {
          Note: noteBody('Fixed by reseating the cable'),
        });
        expectEnvelope(suite.target, 'close', reply);
        const ticket = ticketOf(reply);
        expect(stringValue(ticket, T.closeDate)).toMatch(wireDatePattern);
        expect(dateValue(ticket, T.closeDate)).toBeGreaterThanOrEqual(dateValue(ticket, T.openDate)!);
        const login = suite.target.defaultUser.split('\\').at(-1)!;
        expect(stringValue(ticket, T.closedByTechnician)?.toUpperCase()).toBe(login.toUpperCase());
        expect(stringValue(noteOf(reply), N.note)).toBe('Fixed by reseating the cable');
      },
    );

    emulatorTest('uses "Closed" as the default closed status and fills the closer’s sequence', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const ticket = ticketOf(await client.post(`/tickets/${id}/Close`, {}));
      expect(stringValue(ticket, T.status)).toBe('Closed');
      expect(numberValue(ticket, T.seqClosedBy)).toBeTypeOf('number');
    });

    writeTest('accepts an empty object or no body at all (closeInput is optional)', async () => {
      const client = await suite.client();
      const first = await scratchTicket(client);
      const second = await scratchTicket(client);
      expect(stringValue(ticketOf(await client.post(`/tickets/${first}/Close`, {})), T.closeDate)).toMatch(
        wireDatePattern,
      );
      expect(stringValue(ticketOf(await client.post(`/tickets/${second}/Close`)), T.closeDate)).toMatch(
        wireDatePattern,
      );
    });

    writeTest('writes a system note for the close', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const before = (await systemNotes(client, id)).length;
      await client.post(`/tickets/${id}/Close`, {});
      expect((await systemNotes(client, id)).length).toBeGreaterThan(before);
    });

    writeTest('answers 404 for an unknown ticket', async () => {
      const client = await suite.client();
      expectError(await client.post('/tickets/999999/Close', {}), 404, /999999/);
    });
  });
});
