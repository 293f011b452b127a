// The doc page's nine ticket permissions (View/Edit/Create/Delete/Close Ticket, View/Create Ticket Notes, View
// Attachment, View Assignment) and data segregation by group, with the demo sign-ins of interfaces.md.
import { describe, expect } from 'vitest';
import type { Client } from './support/client.ts';
import { userNote } from './support/fixtures.ts';
import {
  T,
  expectError,
  expectRecord,
  listOf,
  numberValue,
  ok,
  stringValue,
  ticketOf,
} from './support/records.ts';
import { apiSnapshot } from './support/snapshot.ts';
import { emulatorTest, useTarget } from './support/suite.ts';
import { demoUsers, targetShapes } from './support/target.ts';

/** The lowest-numbered ticket FIELD1 can see (the seed has one with a low id, e.g. 102). */
async function fieldServicesTicket(field: Client): Promise<number> {
  const body = ok(
    await field.post('/searches', { Term: '', ModuleId: 24, PageSize: 0, PageNumber: 0, ResultFields: [1] }),
  );
  const ids = (body.Results as unknown[]).map((r) => numberValue(expectRecord(r), T.id)!);
  expect(ids.length).toBeGreaterThan(0);
  return Math.min(...ids);
}

interface Write {
  name: string;
  permission: RegExp;
  send: (client: Client, id: number) => ReturnType<Client['post']>;
}

const writes: Write[] = [
  {
    name: 'update a ticket (Edit Ticket)',
    permission: /Edit Ticket/i,
    send: (c, id) => c.post(`/tickets/${id}`, { Properties: { 'Ticket Summary': 'viewer was here' } }),
  },
  {
    name: 'create a ticket (Create Ticket)',
    permission: /Create Ticket/i,
    send: (c) => c.post('/tickets', { Properties: { 'Ticket Summary': 'viewer was here' } }),
  },
  {
    name: 'delete a ticket (Delete Ticket)',
    permission: /Delete Ticket/i,
    send: (c, id) => c.post(`/tickets/${id}/Delete`),
  },
  {
    name: 'close a ticket (Close Ticket)',
    permission: /Close|Edit Ticket/i,
    send: (c, id) => c.post(`/tickets/${id}/Close`, {}),
  },
  {
    name: 'change a status (Edit Ticket)',
    permission: /Edit Ticket/i,
    send: (c, id) => c.post(`/tickets/${id}/ChangeStatus`, { StatusName: 'Escalated' }),
  },
  {
    name: 'change to a closed status (Close Ticket)',
    permission: /Close|Edit Ticket/i,
    send: (c, id) => c.post(`/tickets/${id}/ChangeStatus`, { StatusName: 'Completed' }),
  },
  {
    name: 'add a note (Create Ticket Notes)',
    permission: /Note/i,
    send: (c, id) => c.post(`/tickets/${id}/AddNote`, userNote('viewer was here')),
  },
];

describe.each(targetShapes())('permissions ($label)', ({ shape }) => {
  const suite = useTarget({ shape });

  describe('HELP DESK\\VIEWER (view permissions only)', () => {
    for (const write of writes) {
      emulatorTest(
        `gets 403 naming the permission when trying to ${write.name}, and nothing changes`,
        async () => {
          const viewer = await suite.client(demoUsers.viewer);
          const admin = await suite.client(demoUsers.admin);
          const before = await apiSnapshot(admin, [101]);
          const message = expectError(await write.send(viewer, 101), 403, /permission/i);
          expect(message).toMatch(write.permission);
          expect(await apiSnapshot(admin, [101])).toEqual(before);
        },
      );
    }

    emulatorTest(
      'reads the ticket, its notes, a note, attachments, assignments, templates and searches',
      async () => {
        const viewer = await suite.client(demoUsers.viewer);
        expect(numberValue(ticketOf(await viewer.get('/tickets/101')), T.id)).toBe(101);
        listOf(await viewer.get('/tickets/101/Notes/0/0'), 'TicketNotes');
        ok(await viewer.get('/tickets/Note/1001'));
        listOf(await viewer.get('/tickets/101/Attachments/0/0'), 'TicketAttachments');
        listOf(await viewer.get('/tickets/101/Assignments/0/0'), 'Assignments');
        ok(await viewer.get('/tickets/Templates'));
        ok(await viewer.post('/searches', { Term: '', ModuleId: 24, PageSize: 1, PageNumber: 1 }));
      },
    );
  });

  describe('FIELD SERVICES\\FIELD1 (sees only FIELD SERVICES tickets)', () => {
    emulatorTest('gets 404, as for a missing ticket, for every call on HELP DESK ticket 101', async () => {
      const field = await suite.client(demoUsers.field);
      const admin = await suite.client(demoUsers.admin);
      const before = await apiSnapshot(admin, [101]);
      const calls = [
        field.get('/tickets/101'),
        field.post('/tickets/101', { Properties: { 'Ticket Summary': 'x' } }),
        field.get('/tickets/101/Notes/0/0'),
        field.get('/tickets/Note/1001'),
        field.post('/tickets/101/AddNote', userNote('x')),
        field.get('/tickets/101/Assignments/0/0'),
        field.post('/tickets/101/ChangeStatus', { StatusName: 'Escalated' }),
        field.post('/tickets/101/Close', {}),
        field.post('/tickets/101/Delete'),
      ];
      for (const reply of await Promise.all(calls)) expectError(reply, 404);
      expect(expectError(await field.get('/tickets/101'), 404)).toMatch(/101/);
      expect(await apiSnapshot(admin, [101])).toEqual(before);
    });

    emulatorTest(
      'still lists attachments of 101: data segregation does not apply to them (§5 #26)',
      async () => {
        const field = await suite.client(demoUsers.field);
        expect(
          listOf(await field.get('/tickets/101/Attachments/0/0'), 'TicketAttachments').count,
        ).toBeGreaterThanOrEqual(2);
      },
    );

    emulatorTest('is not shown HELP DESK tickets by POST /searches, even by their number', async () => {
      const field = await suite.client(demoUsers.field);
      const body = ok(
        await field.post('/searches', {
          Term: '101',
          ModuleId: 24,
          PageSize: 0,
          PageNumber: 0,
          ResultFields: [1],
        }),
      );
      const ids = (body.Results as unknown[]).map((r) => numberValue(expectRecord(r), T.id));
      expect(ids).not.toContain(101);
    });

    emulatorTest('reads and writes a FIELD SERVICES ticket', async () => {
      const field = await suite.client(demoUsers.field);
      const id = await fieldServicesTicket(field);
      expect(id).toBeLessThan(200);
      expect(stringValue(ticketOf(await field.get(`/tickets/${id}`)), T.assignedToGroup)).toBe(
        'FIELD SERVICES',
      );
      ok(await field.post(`/tickets/${id}/AddNote`, userNote('On site at 10:00')));
      const tech = await suite.client(demoUsers.tech);
      expectError(await tech.get(`/tickets/${id}`), 404);
    });
  });

  describe('SYSTEM ADMINISTRATION\\ADMIN (everything, every group)', () => {
    emulatorTest(
      'sees HELP DESK and FIELD SERVICES tickets and more of them in searches than either group',
      async () => {
        const admin = await suite.client(demoUsers.admin);
        const field = await suite.client(demoUsers.field);
        const tech = await suite.client(demoUsers.tech);
        const fieldTicket = await fieldServicesTicket(field);
        ok(await admin.get('/tickets/101'));
        ok(await admin.get(`/tickets/${fieldTicket}`));
        const count = async (client: Client) =>
          ok(await client.post('/searches', { Term: '', ModuleId: 24, PageSize: 1, PageNumber: 1 }))
            .Count as number;
        const [all, mine, theirs] = await Promise.all([count(admin), count(tech), count(field)]);
        expect(all).toBeGreaterThan(mine);
        expect(all).toBeGreaterThan(theirs);
      },
    );

    emulatorTest('may write to any group’s ticket', async () => {
      const admin = await suite.client(demoUsers.admin);
      const field = await suite.client(demoUsers.field);
      const fieldTicket = await fieldServicesTicket(field);
      ok(await admin.post(`/tickets/${fieldTicket}/AddNote`, userNote('Admin checked in')));
      ok(await admin.post('/tickets/101', { Properties: { 'Additional Information': 'Reviewed by admin' } }));
    });
  });
});
