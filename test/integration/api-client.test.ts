import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestEmulator, type TestEmulator } from '../../emulator/testing.ts';
import { ApiError } from '../../src/api/api-error.ts';
import { createApiClient, type ApiClient } from '../../src/api/client.ts';
import { fieldNumber, fieldText } from '../../src/api/field-map.ts';
import { createSession, type Session } from '../../src/api/session.ts';
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
  searchTickets,
  updateTicket,
} from '../../src/api/tickets-api.ts';

// The API layer's fetchers against the in-process emulator (no socket), in both envelope shapes
// (decisions.md, Envelopes): the client must read the observed and the documented variants alike.

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe.each(['observed', 'doc'] as const)('fetchers against the emulator (%s shape)', (shape) => {
  let emulator: TestEmulator;
  let sessions: Session[] = [];
  const origin = 'http://emulator.test';

  function connect(): { session: Session; client: ApiClient } {
    const session = createSession({
      apiBaseUrl: emulator.baseUrl,
      fetch: emulator.fetch,
      sessionStorage: null,
      localStorage: null,
    });
    sessions.push(session);
    const client = createApiClient({ apiBaseUrl: emulator.baseUrl }, session, {
      fetch: emulator.fetch,
      retryDelayMs: () => 0,
    });
    return { session, client };
  }

  async function signedIn(
    group = 'help desk',
    login = 'tech1',
  ): Promise<{ session: Session; client: ApiClient }> {
    const connection = connect();
    await connection.session.signIn({ group, login, password: 'welcome' });
    return connection;
  }

  async function control(path: string, body?: unknown, method = 'POST'): Promise<unknown> {
    const response = await emulator.fetch(`${origin}/__emulator/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.ok).toBe(true);
    return response.headers.get('content-type')?.includes('json')
      ? ((await response.json()) as unknown)
      : null;
  }

  async function requestLog(): Promise<{ method: string; path: string; status: number }[]> {
    const log = (await control('log', undefined, 'GET')) as {
      requests: { method: string; path: string; status: number }[];
    };
    return log.requests;
  }

  beforeAll(() => {
    emulator = createTestEmulator({ shape, seedTickets: 150 });
  });

  afterEach(async () => {
    for (const session of sessions) session.dispose();
    sessions = [];
    await control('faults', undefined, 'DELETE');
  });

  afterAll(() => {
    emulator.close();
  });

  describe('sign-in', () => {
    it('signs in a plain login typed in lower case', async () => {
      const { session } = connect();
      const technician = await session.signIn({ group: 'help desk', login: 'tech1', password: 'welcome' });
      expect(technician.login.toUpperCase()).toBe('TECH1');
      expect(technician.group.toUpperCase()).toBe('HELP DESK');
      expect(session.getState().status).toBe('signed-in');
    });

    it('reports a wrong password as invalid-credentials', async () => {
      const { session } = connect();
      const error = await failure(session.signIn({ group: 'HELP DESK', login: 'TECH1', password: 'nope' }));
      expect(error.kind).toBe('invalid-credentials');
    });
  });

  describe('reads', () => {
    it('reads ticket 101 with the renamed display names', async () => {
      const { client } = await signedIn();
      const ticket = await getTicket(client, 101);
      expect(fieldNumber(ticket, 1)).toBe(101);
      const names = [...ticket.values()].map((entry) => entry.displayName);
      expect(names.every((name) => name === name.trim())).toBe(true);
      if (ticket.has(85)) expect(ticket.get(85)?.displayName).toBe('Asset Tag');
    });

    it('reads the notes with a count, hides system notes unless asked and cuts long notes', async () => {
      const { client } = await signedIn();
      const user = await getTicketNotes(client, 101, { systemNotes: false, maxContentLength: 200 });
      const all = await getTicketNotes(client, 101, { systemNotes: true, maxContentLength: -1 });
      expect(all.count).toBeGreaterThanOrEqual(30);
      expect(all.records.length).toBe(all.count);
      expect(user.records.every((note) => !note.has(14))).toBe(true);
      expect(all.records.some((note) => note.has(14))).toBe(true);
      const longest = Math.max(...all.records.map((note) => (fieldText(note, 5) ?? '').length));
      expect(longest).toBeGreaterThan(5000);
      expect(Math.max(...user.records.map((note) => (fieldText(note, 5) ?? '').length))).toBeLessThan(5000);
    });

    it('reads one note in full by id', async () => {
      const { client } = await signedIn();
      const note = await getNote(client, 1001);
      expect(fieldNumber(note, 1)).toBe(1001);
      expect(fieldNumber(note, 6)).toBe(101);
    });

    it('pages the notes', async () => {
      const { client } = await signedIn();
      const page = await getTicketNotes(client, 101, {
        systemNotes: true,
        maxContentLength: 100,
        pageSize: 5,
        pageNumber: 2,
      });
      expect(page.records).toHaveLength(5);
      expect(page.count).toBeGreaterThanOrEqual(30);
    });

    it('reads attachments, one of them a URL, and assignments', async () => {
      const { client } = await signedIn();
      const attachments = await getTicketAttachments(client, 101);
      expect(attachments.count).toBeGreaterThanOrEqual(2);
      expect(attachments.records.some((a) => a.has(14) && !a.has(6))).toBe(true);
      const assignments = await getTicketAssignments(client, 101);
      expect(assignments.count).toBeGreaterThanOrEqual(2);
      expect(assignments.records[0]?.has(1)).toBe(true);
    });

    it('reads the templates, the module fields and a search', async () => {
      const { client } = await signedIn();
      const templates = await getTicketTemplates(client);
      expect(templates.map((t) => fieldText(t, 3))).toContain('New Hire');
      const fields = await getModuleFields(client, 24);
      expect(fields.get(1)?.displayName).toBe('Ticket ID');
      const results = await searchTickets(client, {
        term: '',
        moduleId: 24,
        pageSize: 10,
        pageNumber: 1,
        resultFields: [1, 22, 96],
      });
      expect(results.records.length).toBeGreaterThan(0);
      expect(results.records.length).toBeLessThanOrEqual(10);
      expect(results.records.every((r) => r.has(1))).toBe(true);
      const byId = await searchTickets(client, { term: '101', moduleId: 24, resultFields: [1] });
      expect(byId.records.map((r) => fieldNumber(r, 1))).toContain(101);
    });
  });

  describe('writes', () => {
    afterAll(async () => {
      await control('reset');
    });

    it('updates a field by display name', async () => {
      const { client } = await signedIn();
      const ticket = await updateTicket(client, 101, { properties: { Category: 'Applications' } });
      expect(fieldText(ticket, 72)).toBe('Applications');
    });

    it('adds a note and gets it back', async () => {
      const { client } = await signedIn();
      const result = await addNote(client, 101, {
        noteType: 'Ticket Description',
        activityCode: 'Install',
        note: 'Line one\n<b>not bold</b>',
        duration: '00:10:00',
        private: true,
      });
      expect(fieldNumber(result.ticket, 1)).toBe(101);
      expect(fieldText(result.note!, 5)).toBe('Line one\n<b>not bold</b>');
      expect(fieldNumber(result.note!, 10)).toBe(600);
    });

    it('changes the status with a note, closes, creates and deletes', async () => {
      const { client } = await signedIn();
      const note = {
        noteType: 'Ticket Description',
        activityCode: 'Install',
        note: 'Escalating',
        private: false,
      };
      const escalated = await changeTicketStatus(client, 101, { statusName: 'Escalated', note });
      expect(fieldText(escalated.ticket, 96)).toBe('Escalated');
      const closed = await closeTicket(client, 101, { note: { ...note, note: 'Done' } });
      expect(fieldText(closed.ticket, 96)).toBe('Closed');
      const created = await createTicket(client, {
        properties: { 'Ticket Summary': 'Made by the API test' },
      });
      const id = fieldNumber(created, 1)!;
      expect(id).toBeGreaterThan(101);
      await deleteTicket(client, id);
      expect((await failure(getTicket(client, id))).kind).toBe('not-found');
    });
  });

  describe('errors', () => {
    it('reports an unknown ticket as not-found with the server message', async () => {
      const { client } = await signedIn();
      const error = await failure(getTicket(client, 999_999));
      expect(error.kind).toBe('not-found');
      expect(error.message).toMatch(/999999/);
    });

    it('hides a ticket of another group (data segregation)', async () => {
      const { client } = await signedIn('field services', 'field1');
      expect((await failure(getTicket(client, 101))).kind).toBe('not-found');
    });

    it('reports a missing permission as forbidden', async () => {
      const { client } = await signedIn('help desk', 'viewer');
      const error = await failure(deleteTicket(client, 101));
      expect(error.kind).toBe('forbidden');
      expect(error.message.length).toBeGreaterThan(0);
    });

    it('reports a validation error as bad-request naming the problem', async () => {
      const { client } = await signedIn();
      const error = await failure(changeTicketStatus(client, 101, { statusName: 'No Such Status' }));
      expect(error.kind).toBe('bad-request');
      expect(error.message).toMatch(/status/i);
    });
  });

  describe('faults', () => {
    it('retries a GET after a 500 and succeeds', async () => {
      const { client } = await signedIn();
      await control('log', undefined, 'DELETE');
      await control('faults', { path: '^/tickets/101$', method: 'GET', status: 500, count: 1 });
      expect(fieldNumber(await getTicket(client, 101), 1)).toBe(101);
      const gets = (await requestLog()).filter((r) => /^\/tickets\/101$/i.test(r.path));
      expect(gets.map((r) => r.status)).toEqual([500, 200]);
    });

    it('does not retry a POST after a 500', async () => {
      const { client } = await signedIn();
      await control('log', undefined, 'DELETE');
      await control('faults', { path: '/AddNote$', method: 'POST', status: 500, count: 5 });
      const note = { noteType: 'Ticket Description', activityCode: 'Install', note: 'x', private: false };
      expect((await failure(addNote(client, 101, note))).kind).toBe('server');
      expect((await requestLog()).filter((r) => /addnote/i.test(r.path))).toHaveLength(1);
    });

    it('turns a malformed or truncated body into kind malformed', async () => {
      const { client } = await signedIn();
      await control('faults', { path: '^/tickets/101$', malformed: true, count: 1 });
      expect((await failure(getTicket(client, 101))).kind).toBe('malformed');
      await control('faults', { path: '^/tickets/101$', truncated: true, count: 1 });
      expect((await failure(getTicket(client, 101))).kind).toBe('malformed');
    });

    it('turns a dropped connection into kind network after the retries', async () => {
      const { client } = await signedIn();
      await control('faults', { path: '^/tickets/101$', drop: true, count: 3 });
      const error = await failure(getTicket(client, 101));
      expect(error.kind).toBe('network');
      expect(error.status).toBe(0);
    });

    it('renews expired tokens with one token call for many requests in flight', async () => {
      const { client } = await signedIn();
      const visible = await searchTickets(client, {
        term: '',
        moduleId: 24,
        pageSize: 6,
        pageNumber: 1,
        resultFields: [1],
      });
      const ids = visible.records.map((r) => fieldNumber(r, 1)!);
      expect(ids.length).toBe(6);
      await control('expire-tokens', {});
      await control('log', undefined, 'DELETE');
      const tickets = await Promise.all(ids.map((id) => getTicket(client, id)));
      expect(tickets.map((t) => fieldNumber(t, 1))).toEqual(ids);
      const log = await requestLog();
      expect(log.filter((r) => /^\/token$/i.test(r.path))).toHaveLength(1);
      expect(log.filter((r) => /^\/tickets\/\d+$/i.test(r.path) && r.status === 200)).toHaveLength(
        ids.length,
      );
      expect(log.filter((r) => r.status === 401)).toHaveLength(ids.length);
    });

    it('signs out with GET /technicians/logout, after which the old token is refused', async () => {
      const token = await emulator.signIn();
      const { session } = await signedIn();
      const before = session.getAccessToken()!;
      await session.signOut();
      const response = await emulator.fetch(`${emulator.baseUrl}/tickets/101`, {
        headers: { Authorization: `Bearer ${before}` },
      });
      expect(response.status).toBe(401);
      const other = await emulator.fetch(`${emulator.baseUrl}/tickets/101`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(other.status).toBe(200);
    });
  });
});
