import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { createApiClient, type ApiClient } from './client.ts';
import { createFakeFetch, jsonResponse, type FakeHandler, type RecordedCall } from './fake-fetch.ts';
import { createSession, type Session } from './session.ts';
import {
  addNote,
  changeTicketStatus,
  closeTicket,
  createTicket,
  deleteTicket,
  getModuleFields,
  getNote,
  getTicket,
  getTicketAssignments,
  getTicketAttachments,
  getTicketNotes,
  getTicketTemplates,
  logoutTechnician,
  searchTickets,
  updateTicket,
} from './tickets-api.ts';

const API = 'http://trackit.test/TrackIt/WebApi';
const ticket = {
  '1': { DisplayName: 'Ticket ID', Value: 101 },
  '96': { DisplayName: 'Status', Value: 'Closed' },
};
const note = { '1': { DisplayName: 'Sequence', Value: 1001 }, '5': { DisplayName: 'Note', Value: 'text' } };

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

async function withServer(handler: FakeHandler): Promise<{ client: ApiClient; last: () => RecordedCall }> {
  const fake = createFakeFetch((call) =>
    call.url.pathname.endsWith('/token')
      ? jsonResponse({ access_token: 't', expires_in: 1799 })
      : handler(call),
  );
  const session = createSession({
    apiBaseUrl: API,
    fetch: fake.fetch,
    sessionStorage: null,
    localStorage: null,
  });
  sessions.push(session);
  await session.signIn({ group: 'HELP DESK', login: 'TECH1', password: 'welcome' });
  const client = createApiClient({ apiBaseUrl: API }, session, { fetch: fake.fetch, retryDelayMs: () => 0 });
  return { client, last: () => fake.calls[fake.calls.length - 1]! };
}

function pathOf(call: RecordedCall): string {
  return call.url.pathname.replace('/TrackIt/WebApi', '') + call.url.search;
}

describe('ticket fetchers', () => {
  it('GET /tickets/{id}', async () => {
    const { client, last } = await withServer(() => jsonResponse({ Tickets: ticket }));
    expect((await getTicket(client, 101)).get(96)?.value).toBe('Closed');
    expect([last().method, pathOf(last())]).toEqual(['GET', '/tickets/101']);
  });

  it('POST /tickets/{id} with Properties keyed by display name, and an optional note', async () => {
    const { client, last } = await withServer(() => jsonResponse({ Ticket: ticket }));
    await updateTicket(client, 101, {
      properties: { Category: 'Applications', 'Asset Tag': 'AT-1' },
      note: { noteType: 'Technician Note', activityCode: 'Install', note: 'why', private: false },
    });
    expect([last().method, pathOf(last())]).toEqual(['POST', '/tickets/101']);
    expect(JSON.parse(last().body)).toEqual({
      Properties: { Category: 'Applications', 'Asset Tag': 'AT-1' },
      OptionalParams: {
        Note: {
          'Note Type': 'Technician Note',
          'Activity Code': 'Install',
          Note: 'why',
          Duration: '00:00:00',
          Private: false,
        },
      },
    });
    expect(last().headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('POST /tickets creates a ticket', async () => {
    const { client, last } = await withServer(() => jsonResponse({ Ticket: ticket }));
    expect((await createTicket(client, { properties: { 'Ticket Summary': 'New' } })).get(1)?.value).toBe(101);
    expect([last().method, pathOf(last()), last().body]).toEqual([
      'POST',
      '/tickets',
      '{"Properties":{"Ticket Summary":"New"}}',
    ]);
  });

  it('GET /tickets/{id}/Notes/{pageSize}/{pageNumber} with maxContentLength and SystemNote', async () => {
    const { client, last } = await withServer(() => jsonResponse({ Count: 1, TicketNotes: [note] }));
    const list = await getTicketNotes(client, 101, {
      systemNotes: true,
      maxContentLength: 1500,
      pageSize: 25,
      pageNumber: 2,
    });
    expect(list.count).toBe(1);
    expect(pathOf(last())).toBe('/tickets/101/Notes/25/2?maxContentLength=1500&SystemNote=true');
    await getTicketNotes(client, 101, { systemNotes: false, maxContentLength: -1 });
    expect(pathOf(last())).toBe('/tickets/101/Notes/0/0?maxContentLength=-1&SystemNote=false');
  });

  it('GET /tickets/Note/{noteId}', async () => {
    const { client, last } = await withServer(() => jsonResponse({ Note: [note] }));
    expect((await getNote(client, 1001)).get(5)?.value).toBe('text');
    expect(pathOf(last())).toBe('/tickets/Note/1001');
  });

  it('POST /tickets/{id}/AddNote with Private always sent', async () => {
    const { client, last } = await withServer(() => jsonResponse({ Ticket: ticket, TicketNote: note }));
    const result = await addNote(client, 101, {
      noteType: 'Technician Note',
      activityCode: 'Install',
      note: 'n',
      duration: '00:10:00',
      private: false,
    });
    expect(result.note?.get(1)?.value).toBe(1001);
    expect(pathOf(last())).toBe('/tickets/101/AddNote');
    expect(JSON.parse(last().body)).toEqual({
      'Note Type': 'Technician Note',
      'Activity Code': 'Install',
      Note: 'n',
      Duration: '00:10:00',
      Private: false,
    });
  });

  it('GET attachments and assignments with 0/0 paging', async () => {
    const { client, last } = await withServer((call) =>
      /Attachments/.test(call.url.pathname)
        ? jsonResponse({ Count: 2, TicketAttachments: [{}, {}] })
        : jsonResponse({ Count: 1, Assignments: [{}] }),
    );
    expect((await getTicketAttachments(client, 101)).count).toBe(2);
    expect(pathOf(last())).toBe('/tickets/101/Attachments/0/0');
    expect((await getTicketAssignments(client, 101)).count).toBe(1);
    expect(pathOf(last())).toBe('/tickets/101/Assignments/0/0');
  });

  it('POST ChangeStatus with StatusName and a note without Duration', async () => {
    const { client, last } = await withServer(() => jsonResponse({ Ticket: ticket, Note: note }));
    await changeTicketStatus(client, 101, {
      statusName: 'Escalated',
      note: { noteType: 'Technician Note', activityCode: 'Install', note: 'up', private: true },
    });
    expect(pathOf(last())).toBe('/tickets/101/ChangeStatus');
    expect(JSON.parse(last().body)).toEqual({
      StatusName: 'Escalated',
      Note: { 'Note Type': 'Technician Note', 'Activity Code': 'Install', Note: 'up', Private: true },
    });
  });

  it('POST Close with an empty body when no note is given', async () => {
    const { client, last } = await withServer(() => jsonResponse({ Ticket: ticket, Note: note }));
    expect((await closeTicket(client, 101)).ticket.get(96)?.value).toBe('Closed');
    expect([pathOf(last()), last().body]).toEqual(['/tickets/101/Close', '{}']);
  });

  it('POST Delete checks success', async () => {
    let answer: unknown = { success: true };
    const { client, last } = await withServer(() => jsonResponse(answer));
    await expect(deleteTicket(client, 101)).resolves.toBeUndefined();
    expect([last().method, pathOf(last())]).toEqual(['POST', '/tickets/101/Delete']);
    answer = { success: false };
    await expect(deleteTicket(client, 101)).rejects.toBeInstanceOf(ApiError);
  });

  it('GET /tickets/Templates', async () => {
    const { client, last } = await withServer(() =>
      jsonResponse({ TicketTemplates: [{ '3': { DisplayName: 'Name', Value: 'New Hire' } }] }),
    );
    expect((await getTicketTemplates(client))[0]?.get(3)?.value).toBe('New Hire');
    expect(pathOf(last())).toBe('/tickets/Templates');
  });

  it('POST /searches with the SearchInputDto fields', async () => {
    const { client, last } = await withServer(() => jsonResponse({ Count: 1, Results: [ticket] }));
    const result = await searchTickets(client, {
      term: 'printer',
      moduleId: 24,
      pageSize: 50,
      pageNumber: 1,
      resultFields: [1, 22, 96],
    });
    expect(result.count).toBe(1);
    expect(pathOf(last())).toBe('/searches');
    expect(JSON.parse(last().body)).toEqual({
      Term: 'printer',
      ModuleId: 24,
      Mode: 0,
      PageSize: 50,
      PageNumber: 1,
      ResultFields: [1, 22, 96],
    });
  });

  it('GET /module/{id}/fields and GET /technicians/logout', async () => {
    const { client, last } = await withServer((call) =>
      call.url.pathname.endsWith('/fields')
        ? jsonResponse({ '1': { DisplayName: 'Ticket ID' } })
        : new Response(null),
    );
    expect((await getModuleFields(client, 24)).get(1)?.displayName).toBe('Ticket ID');
    expect(pathOf(last())).toBe('/module/24/fields');
    await logoutTechnician(client);
    expect([last().method, pathOf(last())]).toEqual(['GET', '/technicians/logout']);
  });

  it('refuses an id that is not a whole number without sending anything', async () => {
    const { client } = await withServer(() => jsonResponse({ Ticket: ticket }));
    await expect(getTicket(client, Number.NaN)).rejects.toMatchObject({ kind: 'bad-request' });
    await expect(getTicket(client, 1.5)).rejects.toMatchObject({ kind: 'bad-request' });
  });
});
