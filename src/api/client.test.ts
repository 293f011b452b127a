import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApiError } from './api-error.ts';
import { createApiClient, type ApiClient } from './client.ts';
import { createFakeFetch, jsonResponse, textResponse, type FakeHandler } from './fake-fetch.ts';
import { createSession, type Session } from './session.ts';
import { addNote, getTicket } from './tickets-api.ts';

const API = 'http://trackit.test/TrackIt/WebApi';
const ticketBody = { Ticket: { '1': { DisplayName: 'Ticket ID', Value: 101 } } };

const sessions: Session[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.dispose();
});

async function signedInClient(
  handler: FakeHandler,
  apiBaseUrl = API,
): Promise<{ client: ApiClient; calls: () => ReturnType<typeof createFakeFetch>['calls'] }> {
  const fake = createFakeFetch((call) => {
    if (call.url.pathname.endsWith('/token')) {
      return jsonResponse({
        access_token: 'tok+en/1=',
        expires_in: 1799,
        refresh_token: 'r',
        username: 'TECH1',
        usergroupname: 'HELP DESK',
      });
    }
    return handler(call);
  });
  const session = createSession({ apiBaseUrl, fetch: fake.fetch, sessionStorage: null, localStorage: null });
  sessions.push(session);
  await session.signIn({ group: 'HELP DESK', login: 'TECH1', password: 'welcome' });
  const client = createApiClient({ apiBaseUrl }, session, { fetch: fake.fetch, retryDelayMs: () => 0 });
  return { client, calls: () => fake.calls.filter((call) => !call.url.pathname.endsWith('/token')) };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('requests', () => {
  it('sends Accept: application/json and Authorization: Bearer <token>, never access_token:', async () => {
    const { client, calls } = await signedInClient(() => jsonResponse(ticketBody));
    await getTicket(client, 101);
    const [call] = calls();
    expect(call?.url.href).toBe(`${API}/tickets/101`);
    expect(call?.headers.get('accept')).toBe('application/json');
    expect(call?.headers.get('authorization')).toBe('Bearer tok+en/1=');
  });

  it('resolves a relative apiBaseUrl against the document', async () => {
    const { client, calls } = await signedInClient(() => jsonResponse(ticketBody), '/TrackIt/WebApi');
    await getTicket(client, 101);
    expect(calls()[0]?.url.href).toBe(new URL('/TrackIt/WebApi/tickets/101', document.baseURI).href);
    expect(client.baseUrl.endsWith('/TrackIt/WebApi/')).toBe(true);
  });
});

describe('retry policy', () => {
  it('retries a GET after a 5xx and succeeds', async () => {
    let n = 0;
    const { client, calls } = await signedInClient(() => {
      n += 1;
      return n === 1 ? jsonResponse({ Message: 'An error has occurred.' }, 503) : jsonResponse(ticketBody);
    });
    expect((await getTicket(client, 101)).get(1)?.value).toBe(101);
    expect(calls()).toHaveLength(2);
  });

  it('retries a GET at most twice, then reports the server message', async () => {
    const { client, calls } = await signedInClient(() =>
      jsonResponse({ Message: 'An error has occurred.', ExceptionMessage: 'x' }, 500),
    );
    const error = await failure(getTicket(client, 101));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(500);
    expect(error.message).toBe('An error has occurred.');
    expect(calls()).toHaveLength(3);
  });

  it('retries a GET after a network error, then reports kind network with status 0', async () => {
    const { client, calls } = await signedInClient(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(getTicket(client, 101));
    expect(error.kind).toBe('network');
    expect(error.status).toBe(0);
    expect(calls()).toHaveLength(3);
  });

  it('never retries a POST automatically', async () => {
    const { client, calls } = await signedInClient(() =>
      jsonResponse({ Message: 'An error has occurred.' }, 503),
    );
    const error = await failure(
      addNote(client, 101, {
        noteType: 'Technician Note',
        activityCode: 'Install',
        note: 'x',
        private: false,
      }),
    );
    expect(error.kind).toBe('server');
    expect(calls()).toHaveLength(1);
  });

  it('does not retry a 4xx', async () => {
    const { client, calls } = await signedInClient(() =>
      jsonResponse({ Message: 'Ticket 999 was not found.' }, 404),
    );
    const error = await failure(getTicket(client, 999));
    expect(error.kind).toBe('not-found');
    expect(error.message).toBe('Ticket 999 was not found.');
    expect(calls()).toHaveLength(1);
  });
});

describe('malformed responses', () => {
  it('turns a 2xx HTML page into kind malformed', async () => {
    const { client } = await signedInClient(() => textResponse('<html><body>Welcome to IIS</body></html>'));
    expect((await failure(getTicket(client, 101))).kind).toBe('malformed');
  });

  it('turns a truncated JSON body into kind malformed', async () => {
    const { client } = await signedInClient(() =>
      textResponse('{"Ticket": {"1": {"Disp', 200, 'application/json'),
    );
    expect((await failure(getTicket(client, 101))).kind).toBe('malformed');
  });

  it('turns JSON without the expected envelope into kind malformed', async () => {
    const { client } = await signedInClient(() => jsonResponse({ Tickets: 'nope' }));
    expect((await failure(getTicket(client, 101))).kind).toBe('malformed');
  });

  it('reads an HTML error page into a short text message', async () => {
    const { client } = await signedInClient(() =>
      textResponse('<html><head><title>403 - Forbidden: Access is denied.</title></head></html>', 403),
    );
    const error = await failure(getTicket(client, 101));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toBe('403 - Forbidden: Access is denied.');
  });

  it('never lets a random response body escape as anything but a value or an ApiError', async () => {
    let next: { status: number; text: string } = { status: 200, text: '' };
    const { client } = await signedInClient(() => new Response(next.text, { status: next.status }));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constant('{"Ticket":{"1":{"DisplayName":"Ticket ID","Value":5}}}'),
        ),
        fc.constantFrom(200, 201, 400, 403, 404, 405, 409),
        async (text, status) => {
          next = { status, text };
          try {
            await getTicket(client, 101);
          } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            if (status < 300) expect(error.kind).toBe('malformed');
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
