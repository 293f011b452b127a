// Attachments, Assignments, Templates, POST /searches, GET /module/{seq}/fields.
import { describe, expect } from 'vitest';
import { scratchTicket } from './support/fixtures.ts';
import {
  T,
  expectError,
  expectRecord,
  isObject,
  listOf,
  numberValue,
  ok,
  stringValue,
  value,
} from './support/records.ts';
import { emulatorTest, readTest, useTarget, writeTest } from './support/suite.ts';
import { targetShapes } from './support/target.ts';

describe.each(targetShapes())('lists ($label)', ({ shape }) => {
  const suite = useTarget({ shape });

  describe('GET /tickets/{id}/Attachments/{pageSize}/{pageNumber}', () => {
    readTest('returns Count and TicketAttachments, with Count the total on every page', async () => {
      const client = await suite.client();
      const id = suite.target.ticketId;
      const all = listOf(await client.get(`/tickets/${id}/Attachments/0/0`), 'TicketAttachments');
      expect(all.count).toBe(all.items.length);
      const first = listOf(await client.get(`/tickets/${id}/Attachments/1/1`), 'TicketAttachments');
      expect(first.count).toBe(all.count);
      expect(first.items.length).toBe(Math.min(1, all.count));
    });

    emulatorTest(
      'lists a file attachment (File Size, File Name) and a URL one (URL Link, no File Size) on 101',
      async () => {
        const client = await suite.client();
        const all = listOf(await client.get('/tickets/101/Attachments/0/0'), 'TicketAttachments');
        expect(all.count).toBeGreaterThanOrEqual(2);
        const file = all.items.find((a) => value(a, 6) !== undefined);
        const url = all.items.find((a) => value(a, 14) !== undefined && value(a, 6) === undefined);
        expect(typeof stringValue(file!, 7)).toBe('string');
        expect(typeof numberValue(file!, 6)).toBe('number');
        expect(typeof stringValue(url!, 14)).toBe('string');
        expect(typeof numberValue(file!, 1)).toBe('number');
      },
    );

    writeTest('returns an empty set for a ticket without attachments', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      expect(listOf(await client.get(`/tickets/${id}/Attachments/0/0`), 'TicketAttachments')).toEqual({
        count: 0,
        items: [],
      });
    });

    readTest('answers 404 for an unknown ticket', async () => {
      const client = await suite.client();
      expectError(await client.get('/tickets/999999/Attachments/0/0'), 404);
    });
  });

  describe('GET /tickets/{id}/Assignments/{pageSize}/{pageNumber}', () => {
    readTest('returns Count and Assignments, with Count the total on every page', async () => {
      const client = await suite.client();
      const id = suite.target.ticketId;
      const all = listOf(await client.get(`/tickets/${id}/Assignments/0/0`), 'Assignments');
      expect(all.count).toBe(all.items.length);
      const page = listOf(await client.get(`/tickets/${id}/Assignments/1/2`), 'Assignments');
      expect(page.count).toBe(all.count);
      expect(page.items.length).toBe(all.count >= 2 ? 1 : 0);
    });

    emulatorTest('lists at least two assignments of ticket 101 with their interface fields', async () => {
      const client = await suite.client();
      const all = listOf(await client.get('/tickets/101/Assignments/0/0'), 'Assignments');
      expect(all.count).toBeGreaterThanOrEqual(2);
      for (const assignment of all.items) {
        expect(numberValue(assignment, 1)).toBeTypeOf('number');
        expect(numberValue(assignment, 6)).toBe(101);
        expect(stringValue(assignment, 22)).toBeTruthy();
        expect(stringValue(assignment, 96)).toBeTruthy();
      }
    });

    readTest('answers 404 for an unknown ticket', async () => {
      const client = await suite.client();
      expectError(await client.get('/tickets/999999/Assignments/0/0'), 404);
    });
  });

  describe('GET /tickets/Templates', () => {
    readTest('returns TicketTemplates without a Count', async () => {
      const client = await suite.client();
      const body = ok(await client.get('/tickets/Templates'));
      expect(Object.keys(body)).toEqual(['TicketTemplates']);
      expect(Array.isArray(body.TicketTemplates)).toBe(true);
      (body.TicketTemplates as unknown[]).forEach(expectRecord);
    });

    emulatorTest('includes "New Hire" with Template Data XML of RowData rows', async () => {
      const client = await suite.client();
      const templates = (ok(await client.get('/tickets/Templates')).TicketTemplates as unknown[]).map(
        expectRecord,
      );
      const newHire = templates.find((t) => value(t, 3) === 'New Hire');
      expect(newHire).toBeDefined();
      const data = stringValue(newHire!, 6) ?? '';
      expect(data).toMatch(/<TemplateData>/);
      expect(data).toMatch(/<RowData>[\s\S]*<fieldname>[\s\S]*<value>/);
      expect(typeof value(newHire!, 10)).toBe('boolean');
    });
  });

  describe('POST /searches', () => {
    readTest('returns Count and Results with seq 1 on every result', async () => {
      const client = await suite.client();
      const body = ok(
        await client.post('/searches', {
          Term: '',
          ModuleId: 24,
          PageSize: 5,
          PageNumber: 1,
          ResultFields: [1, 22, 96],
        }),
      );
      expect(typeof body.Count).toBe('number');
      expect(Array.isArray(body.Results)).toBe(true);
      const results = (body.Results as unknown[]).map(expectRecord);
      expect(results.length).toBeLessThanOrEqual(5);
      for (const result of results) expect(numberValue(result, T.id)).toBeTypeOf('number');
    });

    emulatorTest('finds a ticket by its numeric id and returns only the requested fields', async () => {
      const client = await suite.client();
      const body = ok(
        await client.post('/searches', {
          Term: '101',
          ModuleId: 24,
          PageSize: 0,
          PageNumber: 0,
          ResultFields: [1, 22],
        }),
      );
      const results = (body.Results as unknown[]).map(expectRecord);
      expect(results.map((r) => numberValue(r, T.id))).toContain(101);
      for (const result of results)
        expect(Object.keys(result).every((k) => ['1', '22'].includes(k))).toBe(true);
    });

    emulatorTest('shows FIELD1 only FIELD SERVICES tickets', async () => {
      const field = await suite.client('FIELD SERVICES\\FIELD1');
      const body = ok(
        await field.post('/searches', {
          Term: '',
          ModuleId: 24,
          PageSize: 0,
          PageNumber: 0,
          ResultFields: [1, 34],
        }),
      );
      const results = (body.Results as unknown[]).map(expectRecord);
      expect(results.length).toBeGreaterThan(0);
      expect(body.Count).toBe(results.length);
      for (const result of results)
        expect(stringValue(result, T.assignedToGroup) ?? 'FIELD SERVICES').toBe('FIELD SERVICES');
    });
  });

  describe('GET /module/{moduleSequence}/fields', () => {
    readTest('returns the ticket field catalogue keyed by sequence, for module 24', async () => {
      const client = await suite.client();
      const body = ok(await client.get('/module/24/fields'));
      const catalogue = isObject(body.Fields) ? body.Fields : body;
      const ticketId = catalogue['1'];
      expect(isObject(ticketId)).toBe(true);
      expect((ticketId as Record<string, unknown>).DisplayName).toBe('Ticket ID');
    });

    emulatorTest('also accepts module 1 for tickets (§2.6) and shows renamed display names', async () => {
      const client = await suite.client();
      const body = ok(await client.get('/module/1/fields'));
      const catalogue = (isObject(body.Fields) ? body.Fields : body) as Record<
        string,
        { DisplayName?: string }
      >;
      expect(catalogue['85']?.DisplayName).toBe('Asset Tag');
    });
  });
});
