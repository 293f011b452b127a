// GET/POST /tickets/{id}, POST /tickets, POST /tickets/{id}/Delete (ticket-web-apis.txt; decisions.md).
import { describe, expect } from 'vitest';
import { scratchTicket } from './support/fixtures.ts';
import {
  T,
  dateValue,
  displayName,
  expectEnvelope,
  expectError,
  numberValue,
  ok,
  stringValue,
  ticketOf,
  wireDatePattern,
} from './support/records.ts';
import { emulatorTest, readTest, useTarget, writeTest } from './support/suite.ts';
import { targetShapes } from './support/target.ts';

describe.each(targetShapes())('tickets ($label)', ({ shape }) => {
  const suite = useTarget({ shape });

  describe('GET /tickets/{id}', () => {
    readTest('returns the ticket wrapped as decisions.md says for the shape', async () => {
      const client = await suite.client();
      const reply = await client.get(`/tickets/${suite.target.ticketId}`);
      expectEnvelope(suite.target, 'ticket', reply);
      const ticket = ticketOf(reply);
      expect(numberValue(ticket, T.id)).toBe(suite.target.ticketId);
    });

    readTest('writes dates as UTC with seven fractional digits', async () => {
      const client = await suite.client();
      const ticket = ticketOf(await client.get(`/tickets/${suite.target.ticketId}`));
      expect(stringValue(ticket, T.lastModified)).toMatch(wireDatePattern);
      expect(stringValue(ticket, T.openDate)).toMatch(wireDatePattern);
    });

    emulatorTest('names Ticket ID without the doc example’s leading space (§5 #9)', async () => {
      const client = await suite.client();
      const ticket = ticketOf(await client.get('/tickets/101'));
      expect(displayName(ticket, T.id)).toBe('Ticket ID');
      expect(displayName(ticket, T.status)).toBe('Status');
    });

    emulatorTest('shows renamed display names instead of the doc page’s names', async () => {
      const client = await suite.client();
      const ticket = ticketOf(await client.get('/tickets/101'));
      expect(displayName(ticket, T.customText1)).toBe('Asset Tag');
      expect(displayName(ticket, T.customDate1)).toBe('Warranty Expires');
      expect(displayName(ticket, T.customLookUp1)).toBe('Building');
    });

    readTest('answers 404 with a Message naming the ticket for an unknown id', async () => {
      const client = await suite.client();
      expectError(await client.get('/tickets/999999'), 404, /999999/);
    });
  });

  describe('POST /tickets/{id}', () => {
    writeTest(
      'updates a field and returns the whole ticket, with Last Modified and Last User set',
      async () => {
        const client = await suite.client();
        const id = await scratchTicket(client);
        const before = ticketOf(await client.get(`/tickets/${id}`));
        const reply = await client.post(`/tickets/${id}`, {
          Properties: { 'Ticket Summary': 'Printer on 3rd floor jams' },
        });
        expectEnvelope(suite.target, 'ticket', reply);
        const after = ticketOf(reply);
        expect(stringValue(after, T.summary)).toBe('Printer on 3rd floor jams');
        expect(numberValue(after, T.id)).toBe(id);
        expect(dateValue(after, T.lastModified)).toBeGreaterThanOrEqual(dateValue(before, T.lastModified)!);
        const login = suite.target.defaultUser.split('\\').at(-1);
        expect(stringValue(after, T.lastUser)?.toUpperCase()).toBe(login?.toUpperCase());
        expect(stringValue(ticketOf(await client.get(`/tickets/${id}`)), T.summary)).toBe(
          'Printer on 3rd floor jams',
        );
      },
    );

    writeTest('refuses an unknown field with a 400 naming it', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      expectError(
        await client.post(`/tickets/${id}`, { Properties: { 'Colour Of Sky': 'blue' } }),
        400,
        /Colour Of Sky/,
      );
    });

    writeTest('refuses a read-only field with a 400 naming it', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      expectError(
        await client.post(`/tickets/${id}`, { Properties: { 'Total Time Spent': 5 } }),
        400,
        /Total Time Spent/,
      );
      expectError(await client.post(`/tickets/${id}`, { Properties: { 'Ticket ID': 5 } }), 400, /Ticket ID/);
    });

    writeTest('answers 404 for an unknown id', async () => {
      const client = await suite.client();
      expectError(
        await client.post('/tickets/999999', { Properties: { 'Ticket Summary': 'x' } }),
        404,
        /999999/,
      );
    });
  });

  describe('POST /tickets', () => {
    writeTest('creates a ticket with an id, an open date and an opener, and GET finds it', async () => {
      const client = await suite.client();
      const reply = await client.post('/tickets', {
        Properties: { 'Ticket Summary': 'New starter needs a laptop' },
      });
      expectEnvelope(suite.target, 'ticket', reply);
      const ticket = ticketOf(reply);
      const id = numberValue(ticket, T.id)!;
      expect(id).toBeGreaterThan(0);
      expect(stringValue(ticket, T.summary)).toBe('New starter needs a laptop');
      expect(stringValue(ticket, T.openDate)).toMatch(wireDatePattern);
      expect(stringValue(ticket, T.status)).toBeTruthy();
      expect(stringValue(ticketOf(await client.get(`/tickets/${id}`)), T.summary)).toBe(
        'New starter needs a laptop',
      );
    });

    emulatorTest('gives a new ticket the next id, above every seeded one', async () => {
      const client = await suite.client();
      const first = numberValue(
        ticketOf(await client.post('/tickets', { Properties: { 'Ticket Summary': 'a' } })),
        T.id,
      )!;
      const second = numberValue(
        ticketOf(await client.post('/tickets', { Properties: { 'Ticket Summary': 'b' } })),
        T.id,
      )!;
      expect(first).toBeGreaterThan(101);
      expect(second).toBeGreaterThan(first);
    });

    writeTest('refuses an unknown field with a 400 naming it and creates nothing', async () => {
      const client = await suite.client();
      expectError(
        await client.post('/tickets', { Properties: { 'Colour Of Sky': 'blue' } }),
        400,
        /Colour Of Sky/,
      );
    });
  });

  describe('POST /tickets/{id}/Delete', () => {
    writeTest('answers {"success": true} and the ticket is then gone everywhere', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const reply = await client.post(`/tickets/${id}/Delete`);
      expect(ok(reply)).toEqual({ success: true });
      expectError(await client.get(`/tickets/${id}`), 404, new RegExp(String(id)));
      expectError(await client.get(`/tickets/${id}/Notes/0/0`), 404);
      expectError(await client.post(`/tickets/${id}`, { Properties: { 'Ticket Summary': 'x' } }), 404);
      expectError(await client.post(`/tickets/${id}/Delete`), 404);
    });
  });
});
