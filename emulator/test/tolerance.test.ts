// What a real server accepts beyond the doc's examples: case-insensitive routes (§3, §5 #7), Properties keyed by
// sequence id or (renamed) display name (§5 #12), linked fields resolved from display fields (§5 #15).
import { describe, expect } from 'vitest';
import type { Client } from './support/client.ts';
import { scratchTicket } from './support/fixtures.ts';
import {
  N,
  T,
  expectError,
  listOf,
  numberValue,
  ok,
  stringValue,
  ticketOf,
  value,
} from './support/records.ts';
import { emulatorTest, readTest, useTarget, writeTest } from './support/suite.ts';
import { targetShapes } from './support/target.ts';

async function systemNoteCount(client: Client, id: number): Promise<number> {
  const list = listOf(
    await client.get(`/tickets/${id}/Notes/0/0`, { query: { SystemNote: true } }),
    'TicketNotes',
  );
  return list.items.filter((n) => value(n, N.systemActivity) !== undefined).length;
}

describe.each(targetShapes())('tolerance ($label)', ({ shape }) => {
  const suite = useTarget({ shape });

  describe('case-insensitive routes', () => {
    const variants = [
      '//TrackIt/WebAPI/Tickets/{id}',
      '//trackit/webapi/tickets/{id}',
      '//TRACKIT/WEBAPI/TICKETS/{id}',
      '//TrackIt/WebApi/tickets/{id}/notes/0/0',
      '//TrackIt/WebApi/TICKETS/{id}/ATTACHMENTS/0/0',
      '//TrackIt/WebApi/tickets/{id}/assignments/0/0',
      '//TrackIt/WebApi/TICKETS/TEMPLATES',
    ];
    for (const variant of variants) {
      readTest(`answers ${variant.replace('{id}', '101')} like the canonical path`, async () => {
        const client = await suite.client();
        ok(await client.get(variant.replace('{id}', String(suite.target.ticketId))));
      });
    }

    readTest('answers /tickets/note/{noteId} and /Token in other letter cases', async () => {
      const client = await suite.client();
      const notes = listOf(
        await client.get(`/tickets/${suite.target.ticketId}/Notes/1/1`, { query: { SystemNote: true } }),
        'TicketNotes',
      );
      const first = notes.items[0];
      if (first) ok(await client.get(`/TICKETS/NOTE/${numberValue(first, N.sequence)}`));
      const form = new URLSearchParams({
        grant_type: 'password',
        username: suite.target.defaultUser,
        password: suite.target.defaultPassword,
      });
      const reply = await suite
        .anonymous()
        .post('/TOKEN', { raw: form.toString(), contentType: 'application/x-www-form-urlencoded' });
      expect(typeof ok(reply).access_token).toBe('string');
    });

    writeTest('takes writes on lower-case action names', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      ok(
        await client.post(`/tickets/${id}/addnote`, {
          'Note Type': 'Ticket Description',
          'Activity Code': 'Install',
          Note: 'x',
        }),
      );
      ok(await client.post(`/TICKETS/${id}/CHANGESTATUS`, { StatusName: 'Escalated' }));
      ok(await client.post(`/tickets/${id}/close`, {}));
      ok(await client.post(`/Tickets/${id}/delete`));
    });
  });

  describe('Properties keys', () => {
    emulatorTest('accept a sequence id as the key ("72": Applications)', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const ticket = ticketOf(
        await client.post(`/tickets/${id}`, { Properties: { '72': 'Applications', '22': 'By sequence' } }),
      );
      expect(stringValue(ticket, T.category)).toBe('Applications');
      expect(stringValue(ticket, T.summary)).toBe('By sequence');
    });

    emulatorTest('accept a renamed display name ("Asset Tag" for seq 85)', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const ticket = ticketOf(
        await client.post(`/tickets/${id}`, { Properties: { 'Asset Tag': 'AT-0042' } }),
      );
      expect(stringValue(ticket, T.customText1)).toBe('AT-0042');
      expect(ticket['85']?.DisplayName).toBe('Asset Tag');
    });

    emulatorTest('accept a display name in another letter case and with spaces around it', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const ticket = ticketOf(
        await client.post(`/tickets/${id}`, { Properties: { ' ticket summary ': 'Trimmed key' } }),
      );
      expect(stringValue(ticket, T.summary)).toBe('Trimmed key');
    });

    emulatorTest('accept keys by sequence id on create', async () => {
      const client = await suite.client();
      const ticket = ticketOf(
        await client.post('/tickets', { Properties: { '22': 'Created by sequence', '72': 'Applications' } }),
      );
      expect(stringValue(ticket, T.summary)).toBe('Created by sequence');
      expect(stringValue(ticket, T.category)).toBe('Applications');
    });

    emulatorTest('refuse a sequence id that is not editable with a 400 naming it', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      expectError(
        await client.post(`/tickets/${id}`, { Properties: { '163': 5 } }),
        400,
        /163|Total Time Spent/,
      );
      expectError(await client.post(`/tickets/${id}`, { Properties: { '9999': 5 } }), 400, /9999/);
    });

    emulatorTest('ignore the doc’s OptionalParams placeholders (§5 #13)', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      ok(
        await client.post(`/tickets/${id}`, {
          Properties: { 'Ticket Summary': 'p' },
          OptionalParams: { Param1: {}, Param2: {} },
        }),
      );
    });
  });

  describe('linked fields', () => {
    emulatorTest('Assigned To Technician fills Seq_Assigned To and the assignee’s names', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const me = ok(
        await suite.anonymous().post('/token', {
          raw: new URLSearchParams({
            grant_type: 'password',
            username: 'HELP DESK\\TECH1',
            password: 'welcome',
          }).toString(),
          contentType: 'application/x-www-form-urlencoded',
        }),
      );
      const ticket = ticketOf(
        await client.post(`/tickets/${id}`, { Properties: { 'Assigned To Technician': 'TECH1' } }),
      );
      expect(stringValue(ticket, T.assignedToTechnician)).toBe('TECH1');
      expect(numberValue(ticket, T.seqAssignedTo)).toBeTypeOf('number');
      expect(stringValue(ticket, T.assignedToFirstName)).toBe(me['First Name']);
      expect(stringValue(ticket, T.assignedToLastName)).toBe(me['Last Name']);
      expect(stringValue(ticket, T.assignedToFullName)).toContain(me['Last Name'] as string);
    });

    emulatorTest('Category fills Seq_Category and Category Full Path', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const ticket = ticketOf(
        await client.post(`/tickets/${id}`, { Properties: { Category: 'Applications' } }),
      );
      expect(numberValue(ticket, T.seqCategory)).toBeTypeOf('number');
      expect(stringValue(ticket, T.categoryFullPath)).toMatch(/Applications$/);
    });

    emulatorTest(
      'Priority fills Seq_Priority, and Status via Properties fills Seq_Status (§5 #16)',
      async () => {
        const client = await suite.client();
        const id = await scratchTicket(client);
        const ticket = ticketOf(
          await client.post(`/tickets/${id}`, {
            Properties: { Priority: '2 - High', Status: 'In Progress' },
          }),
        );
        expect(stringValue(ticket, T.priority)).toBe('2 - High');
        expect(numberValue(ticket, T.seqPriority)).toBeTypeOf('number');
        expect(stringValue(ticket, T.status)).toBe('In Progress');
        expect(numberValue(ticket, T.seqStatus)).toBeTypeOf('number');
      },
    );

    emulatorTest('Requestor ID fills Seq_Requestor and the requestor’s names', async () => {
      const client = await suite.client();
      const seeded = ticketOf(await client.get('/tickets/101'));
      const requestorId = stringValue(seeded, T.requestorId);
      expect(requestorId).toBeTruthy();
      const id = await scratchTicket(client);
      const ticket = ticketOf(
        await client.post(`/tickets/${id}`, { Properties: { 'Requestor ID': requestorId! } }),
      );
      expect(stringValue(ticket, T.requestorId)).toBe(requestorId);
      expect(numberValue(ticket, T.seqRequestor)).toBe(numberValue(seeded, T.seqRequestor));
      expect(stringValue(ticket, T.requestorLastName)).toBe(stringValue(seeded, T.requestorLastName));
    });

    for (const [field, bad] of [
      ['Assigned To Technician', 'NOBODY99'],
      ['Category', 'Underwater Basket Weaving'],
      ['Priority', '9 - Someday'],
      ['Status', 'Sleeping'],
      ['Requestor ID', 'ghost.user'],
    ] as const) {
      emulatorTest(`an unknown ${field} is a 400 naming the value`, async () => {
        const client = await suite.client();
        const id = await scratchTicket(client);
        expectError(
          await client.post(`/tickets/${id}`, { Properties: { [field]: bad } }),
          400,
          new RegExp(bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
        );
      });
    }

    emulatorTest('when two fields name the same link, the last one in the JSON wins (§5 #15)', async () => {
      const client = await suite.client();
      const admin = await suite.client('SYSTEM ADMINISTRATION\\ADMIN');
      const seeded = ticketOf(await client.get('/tickets/101'));
      let other: ReturnType<typeof ticketOf> | undefined;
      for (let candidate = 102; candidate < 160 && !other; candidate += 1) {
        const reply = await admin.get(`/tickets/${candidate}`);
        if (reply.status !== 200) continue;
        const ticket = ticketOf(reply);
        if (
          numberValue(ticket, T.seqRequestor) !== undefined &&
          numberValue(ticket, T.seqRequestor) !== numberValue(seeded, T.seqRequestor)
        ) {
          other = ticket;
        }
      }
      expect(other, 'a seeded ticket with another requestor').toBeDefined();
      const id = await scratchTicket(client);
      const ticket = ticketOf(
        await client.post(`/tickets/${id}`, {
          Properties: {
            'Requestor ID': stringValue(seeded, T.requestorId)!,
            Seq_Requestor: numberValue(other!, T.seqRequestor)!,
          },
        }),
      );
      expect(numberValue(ticket, T.seqRequestor)).toBe(numberValue(other!, T.seqRequestor));
      expect(stringValue(ticket, T.requestorId)).toBe(stringValue(other!, T.requestorId));
    });
  });

  describe('writes leave a trail', () => {
    writeTest('an edit writes a system note', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      const before = await systemNoteCount(client, id);
      ok(await client.post(`/tickets/${id}`, { Properties: { 'Ticket Summary': 'Edited for the trail' } }));
      expect(await systemNoteCount(client, id)).toBeGreaterThan(before);
    });

    emulatorTest('a note sent with an update in OptionalParams.Note is added (2021, §2.3)', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      ok(
        await client.post(`/tickets/${id}`, {
          Properties: { 'Ticket Summary': 'with a note' },
          OptionalParams: {
            Note: { 'Note Type': 'Ticket Description', 'Activity Code': 'Install', Note: 'Sent along' },
          },
        }),
      );
      const notes = listOf(await client.get(`/tickets/${id}/Notes/0/0`), 'TicketNotes');
      expect(notes.items.map((n) => stringValue(n, N.note))).toContain('Sent along');
    });
  });
});
