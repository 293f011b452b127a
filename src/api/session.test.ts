import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.ts';
import { createApiClient } from './client.ts';
import { createFakeFetch, jsonResponse, textResponse } from './fake-fetch.ts';
import { RecordingStorage, createFakeTrackIt, type FakeTrackIt } from './fake-track-it.ts';
import {
  LAST_SIGN_IN_KEY,
  SESSION_STORAGE_KEY,
  composeUsername,
  createSession,
  type Session,
} from './session.ts';
import { addNote, getTicket } from './tickets-api.ts';

const API = 'http://trackit.test/TrackIt/WebApi';
const TECH1 = { group: 'help desk', login: 'tech1', password: 'welcome' };

function setup(fake: FakeTrackIt = createFakeTrackIt()) {
  const sessionStorage = new RecordingStorage();
  const localStorage = new RecordingStorage();
  const session = createSession({ apiBaseUrl: API, fetch: fake.fetch, sessionStorage, localStorage });
  const client = createApiClient({ apiBaseUrl: API }, session, { fetch: fake.fetch, retryDelayMs: () => 0 });
  return { fake, session, client, sessionStorage, localStorage };
}

let sessions: Session[] = [];
function track<T extends { session: Session }>(value: T): T {
  sessions.push(value.session);
  return value;
}

afterEach(() => {
  for (const session of sessions) session.dispose();
  sessions = [];
  vi.useRealTimers();
});

describe('composeUsername', () => {
  it('upper-cases group and login of a plain Track-It! login', () => {
    expect(composeUsername({ group: ' help desk ', login: 'tech1 ' })).toBe('HELP DESK\\TECH1');
  });

  it('composes GROUP\\DOMAIN\\user for a Windows login, keeping the user part as typed', () => {
    expect(composeUsername({ group: 'help desk', login: 'jsmith', domain: 'CONTOSO' })).toBe(
      'HELP DESK\\CONTOSO\\jsmith',
    );
  });

  it('reads DOMAIN\\user typed into the login field as a Windows login', () => {
    expect(composeUsername({ group: 'Help Desk', login: 'CONTOSO\\jsmith' })).toBe(
      'HELP DESK\\CONTOSO\\jsmith',
    );
  });

  it('ignores a blank domain', () => {
    expect(composeUsername({ group: 'x', login: 'y', domain: '  ' })).toBe('X\\Y');
  });
});

describe('signing in', () => {
  it('posts the form-encoded password grant with the composed user name', async () => {
    const { fake, session } = track(setup());
    const technician = await session.signIn(TECH1);
    const [call] = fake.tokenCalls();
    expect(call?.method).toBe('POST');
    expect(call?.url.href).toBe(`${API}/token`);
    expect(call?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(call?.body).toBe('grant_type=password&username=HELP+DESK%5CTECH1&password=welcome');
    expect(technician).toEqual({
      login: 'TECH1',
      group: 'HELP DESK',
      firstName: 'Tess',
      lastName: 'One',
      email: 'tech1@example.test',
    });
    expect(session.getState().status).toBe('signed-in');
  });

  it('reports wrong credentials as invalid-credentials with the server message', async () => {
    const { session } = track(setup());
    const error = await session.signIn({ ...TECH1, password: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('invalid-credentials');
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe('The user name or password is incorrect.');
    expect(session.getState().status).toBe('signed-out');
  });

  it('reports an unreachable server as network with status 0', async () => {
    const fake = createFakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const session = createSession({
      apiBaseUrl: API,
      fetch: fake.fetch,
      sessionStorage: null,
      localStorage: null,
    });
    const error = (await session.signIn(TECH1).catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('network');
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/cannot be reached/);
  });

  it.each([
    [
      'an IIS HTML page with 200',
      () => textResponse('<!DOCTYPE html><html><title>IIS Windows Server</title></html>'),
    ],
    ['an HTML 404 page', () => textResponse('<html><body>Not Found</body></html>', 404)],
    ['a proxy 502 page', () => textResponse('<html><title>502 Bad Gateway</title></html>', 502)],
    ['JSON without access_token', () => jsonResponse({ hello: 'world' })],
    ['a JSON 404 (no /token route)', () => jsonResponse({ Message: 'No HTTP resource was found' }, 404)],
  ])('reports %s at /token as not-trackit', async (_name, respond) => {
    const fake = createFakeFetch(respond);
    const session = createSession({
      apiBaseUrl: API,
      fetch: fake.fetch,
      sessionStorage: null,
      localStorage: null,
    });
    const error = (await session.signIn(TECH1).catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('not-trackit');
    expect(error.message).toMatch(/not as a Track-It! WebApi/);
  });

  it('gives the three failures distinct messages', async () => {
    const messages = new Set<string>();
    for (const respond of [
      () => jsonResponse({ error: 'invalid_grant' }, 400),
      () => {
        throw new TypeError('fail');
      },
      () => textResponse('<html></html>'),
    ]) {
      const session = createSession({
        apiBaseUrl: API,
        fetch: createFakeFetch(respond).fetch,
        sessionStorage: null,
        localStorage: null,
      });
      messages.add(((await session.signIn(TECH1).catch((e: unknown) => e)) as ApiError).message);
    }
    expect(messages.size).toBe(3);
  });
});

describe('storage rules', () => {
  it('writes only the last group and login to localStorage, never the password', async () => {
    const { session, localStorage } = track(setup());
    await session.signIn(TECH1);
    expect(localStorage.keys()).toEqual([LAST_SIGN_IN_KEY]);
    expect(localStorage.writes.every((write) => write.key === LAST_SIGN_IN_KEY)).toBe(true);
    expect(JSON.parse(localStorage.getItem(LAST_SIGN_IN_KEY)!)).toEqual({
      group: 'help desk',
      login: 'tech1',
    });
    expect(localStorage.writes.some((write) => write.value.includes('welcome'))).toBe(false);
    expect(session.lastSignIn()).toEqual({ group: 'help desk', login: 'tech1' });
  });

  it('keeps the access token in sessionStorage but never the refresh token or password', async () => {
    const { session, sessionStorage } = track(setup());
    await session.signIn(TECH1);
    const stored = sessionStorage.getItem(SESSION_STORAGE_KEY)!;
    expect(stored).toContain('access-1');
    for (const write of sessionStorage.writes) {
      expect(write.value).not.toContain('refresh');
      expect(write.value).not.toContain('welcome');
    }
  });

  it('with the browser storages, touches no cookie, no IndexedDB and no other key', async () => {
    window.localStorage.clear();
    window.sessionStorage.clear();
    const fake = createFakeTrackIt();
    const session = createSession({ apiBaseUrl: API, fetch: fake.fetch });
    sessions.push(session);
    await session.signIn(TECH1);
    expect(Object.keys(window.localStorage)).toEqual([LAST_SIGN_IN_KEY]);
    expect(Object.keys(window.sessionStorage)).toEqual([SESSION_STORAGE_KEY]);
    expect(window.sessionStorage.getItem(SESSION_STORAGE_KEY)).not.toContain('refresh-1');
    expect(document.cookie).toBe('');
    expect(await indexedDB.databases()).toEqual([]);
    await session.signOut();
    expect(Object.keys(window.sessionStorage)).toEqual([]);
    window.localStorage.clear();
  });

  it('keeps the session across a reload, without a refresh token', async () => {
    const { fake, session, sessionStorage } = track(setup());
    await session.signIn(TECH1);
    const reloaded = createSession({
      apiBaseUrl: API,
      fetch: fake.fetch,
      sessionStorage,
      localStorage: null,
    });
    sessions.push(reloaded);
    expect(reloaded.getState().status).toBe('signed-in');
    expect(reloaded.technician?.login).toBe('TECH1');
    expect(reloaded.getAccessToken()).toBe('access-1');
  });

  it('ignores a stored session for another server or an expired one', async () => {
    const { session, sessionStorage } = track(setup());
    await session.signIn(TECH1);
    const other = createSession({
      apiBaseUrl: 'http://elsewhere.test/TrackIt/WebApi',
      sessionStorage,
      localStorage: null,
    });
    sessions.push(other);
    expect(other.getState().status).toBe('signed-out');
    const stored = JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY)!) as { expiresAt: number };
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...stored, expiresAt: Date.now() - 1 }));
    const expired = createSession({ apiBaseUrl: API, sessionStorage, localStorage: null });
    sessions.push(expired);
    expect(expired.getState().status).toBe('signed-out');
  });
});

describe('renewal', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  it('renews with the refresh grant between 60 and 120 s before expiry', async () => {
    const { fake, session } = track(setup());
    fake.expiresIn = 1800;
    await session.signIn(TECH1);
    await vi.advanceTimersByTimeAsync((1800 - 121) * 1000);
    expect(fake.tokenCalls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(61 * 1000);
    expect(fake.tokenCalls()).toHaveLength(2);
    const form = new URLSearchParams(fake.tokenCalls()[1]!.body);
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('refresh_token')).toBe('refresh-1');
    expect(session.getAccessToken()).toBe('access-2');
    expect(session.getState().status).toBe('signed-in');
  });

  it('keeps renewing on schedule with each new token', async () => {
    const { fake, session } = track(setup());
    fake.expiresIn = 1800;
    await session.signIn(TECH1);
    await vi.advanceTimersByTimeAsync(3 * 1800 * 1000);
    expect(fake.tokenCalls().length).toBeGreaterThanOrEqual(4);
    expect(session.getState().status).toBe('signed-in');
  });

  it('renews a short-lived token at half-life instead of looping', async () => {
    const { fake, session } = track(setup());
    fake.expiresIn = 10;
    await session.signIn(TECH1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(fake.tokenCalls()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(fake.tokenCalls()).toHaveLength(2);
  });

  it('asks for sign-in when the refresh grant is refused', async () => {
    const { fake, session } = track(setup());
    fake.refuseRefresh = true;
    await session.signIn(TECH1);
    const states: string[] = [];
    session.subscribe((state) => states.push(state.status));
    await vi.advanceTimersByTimeAsync(1799 * 1000);
    expect(session.getState().status).toBe('needs-sign-in');
    expect(session.getState().technician?.login).toBe('TECH1');
    expect(states).toContain('needs-sign-in');
  });

  it('asks for sign-in before expiry after a reload, since the refresh token was not kept', async () => {
    const { fake, session, sessionStorage } = track(setup());
    await session.signIn(TECH1);
    session.dispose();
    const reloaded = createSession({
      apiBaseUrl: API,
      fetch: fake.fetch,
      sessionStorage,
      localStorage: null,
    });
    sessions.push(reloaded);
    await vi.advanceTimersByTimeAsync((1799 - 60) * 1000);
    expect(reloaded.getState().status).toBe('needs-sign-in');
    expect(fake.tokenCalls()).toHaveLength(1);
  });
});

describe('401 handling', () => {
  it('makes one token call for many concurrent 401s and retries each request once', async () => {
    const { fake, session, client } = track(setup());
    await session.signIn(TECH1);
    fake.expireAccessTokens();
    const ids = [101, 102, 103, 104, 105, 106];
    const tickets = await Promise.all(ids.map((id) => getTicket(client, id)));
    expect(tickets.map((ticket) => ticket.get(1)?.value)).toEqual(ids);
    expect(fake.tokenCalls()).toHaveLength(2);
    expect(new URLSearchParams(fake.tokenCalls()[1]!.body).get('grant_type')).toBe('refresh_token');
    expect(fake.ticketCalls()).toHaveLength(ids.length * 2);
    for (const id of ids) {
      const calls = fake.ticketCalls().filter((call) => call.url.pathname.endsWith(`/${id}`));
      expect(calls.map((call) => call.headers.get('authorization'))).toEqual([
        'Bearer access-1',
        'Bearer access-2',
      ]);
    }
  });

  it('fails with unauthorized when the renewed token is refused too, without looping', async () => {
    const { fake, session } = track(setup());
    await session.signIn(TECH1);
    const refusing = createFakeFetch(() =>
      jsonResponse({ Message: 'Authorization has been denied for this request.' }, 401),
    );
    const stubborn = createApiClient({ apiBaseUrl: API }, session, {
      fetch: refusing.fetch,
      retryDelayMs: () => 0,
    });
    const error = (await getTicket(stubborn, 101).catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('Authorization has been denied for this request.');
    expect(refusing.calls).toHaveLength(2);
    expect(fake.tokenCalls()).toHaveLength(2);
  });

  it('waits for sign-in when renewal fails, then resumes the waiting requests with their input intact', async () => {
    const { fake, session, client } = track(setup());
    await session.signIn(TECH1);
    fake.refuseRefresh = true;
    fake.expireAccessTokens();
    const note = {
      noteType: 'Technician Note',
      activityCode: 'Install',
      note: 'A long note typed over 30 minutes',
      duration: '00:30:00',
      private: true,
    };
    const pendingNote = addNote(client, 101, note);
    const pendingTicket = getTicket(client, 101);
    await vi.waitFor(() => expect(session.getState().status).toBe('needs-sign-in'));
    expect(fake.addedNotes).toHaveLength(0);

    let settled = false;
    void pendingTicket.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);

    await session.signIn(TECH1);
    const [written, ticket] = await Promise.all([pendingNote, pendingTicket]);
    expect(ticket.get(1)?.value).toBe(101);
    expect(written.note?.get(1)?.value).toBe(5001);
    expect(fake.addedNotes).toEqual([
      {
        'Note Type': 'Technician Note',
        'Activity Code': 'Install',
        Note: 'A long note typed over 30 minutes',
        Duration: '00:30:00',
        Private: true,
      },
    ]);
  });

  it('sends requests made while sign-in is needed only after the sign-in', async () => {
    const { fake, session, client } = track(setup());
    await session.signIn(TECH1);
    fake.refuseRefresh = true;
    fake.expireAccessTokens();
    const first = getTicket(client, 101);
    await vi.waitFor(() => expect(session.getState().status).toBe('needs-sign-in'));
    const before = fake.ticketCalls().length;
    const later = getTicket(client, 102);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.ticketCalls()).toHaveLength(before);
    await session.signIn(TECH1);
    expect((await later).get(1)?.value).toBe(102);
    expect((await first).get(1)?.value).toBe(101);
    expect(fake.ticketCalls().filter((call) => call.url.pathname.endsWith('/102'))).toHaveLength(1);
  });

  it('drops the waiting requests when a different technician signs in', async () => {
    const { fake, session, client } = track(setup());
    await session.signIn(TECH1);
    fake.refuseRefresh = true;
    fake.expireAccessTokens();
    const pending = getTicket(client, 101).catch((e: unknown) => e);
    await vi.waitFor(() => expect(session.getState().status).toBe('needs-sign-in'));
    await session.signIn({ group: 'HELP DESK', login: 'TECH2', password: 'welcome' });
    const error = (await pending) as ApiError;
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toMatch(/different technician/);
    expect(fake.ticketCalls()).toHaveLength(1);
  });

  it('rejects the waiting requests on sign-out', async () => {
    const { fake, session, client } = track(setup());
    await session.signIn(TECH1);
    fake.refuseRefresh = true;
    fake.expireAccessTokens();
    const pending = getTicket(client, 101).catch((e: unknown) => e);
    await vi.waitFor(() => expect(session.getState().status).toBe('needs-sign-in'));
    await session.signOut();
    expect(((await pending) as ApiError).kind).toBe('unauthorized');
  });

  it('refuses requests while signed out instead of sending them', async () => {
    const { fake, client } = track(setup());
    const error = (await getTicket(client, 101).catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('unauthorized');
    expect(fake.calls).toHaveLength(0);
  });
});

describe('signing out', () => {
  it('calls GET /technicians/logout with the token, forgets it and notifies subscribers', async () => {
    const { fake, session, sessionStorage } = track(setup());
    await session.signIn(TECH1);
    const listener = vi.fn();
    session.subscribe(listener);
    await session.signOut();
    const logout = fake.callsTo('/technicians/logout');
    expect(logout).toHaveLength(1);
    expect(logout[0]?.method).toBe('GET');
    expect(logout[0]?.headers.get('authorization')).toBe('Bearer access-1');
    expect(session.getAccessToken()).toBeNull();
    expect(session.technician).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(listener).toHaveBeenCalledWith({ status: 'signed-out', technician: null, expiresAt: null });
  });

  it('signs out locally even when the server cannot be reached', async () => {
    const fake = createFakeTrackIt();
    const { session } = track(setup(fake));
    await session.signIn(TECH1);
    const offline = createSession({
      apiBaseUrl: API,
      fetch: createFakeFetch(() => {
        throw new TypeError('offline');
      }).fetch,
      sessionStorage: null,
      localStorage: null,
    });
    await expect(offline.signOut()).resolves.toBeUndefined();
    await expect(session.signOut()).resolves.toBeUndefined();
    expect(session.getState().status).toBe('signed-out');
  });
});
