// Every row of decisions.md "Errors", on every endpoint it applies to.
import { describe, expect, vi } from 'vitest';
import { createClient, type Client } from './support/client.ts';
import { controlPlane } from './support/control.ts';
import { raw, scratchTicket, userNote } from './support/fixtures.ts';
import { expectError, ok } from './support/records.ts';
import { emulatorTest, readTest, useTarget, writeTest } from './support/suite.ts';
import { createEmulatorTarget, targetShapes } from './support/target.ts';

const denied = 'Authorization has been denied for this request.';

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: (id: string) => string;
  body?: unknown;
  /** Whether the path carries a ticket id (or note id) that can be unknown or non-integer. */
  hasId: boolean;
}

const endpoints: Endpoint[] = [
  { name: 'GET /tickets/{id}', method: 'GET', path: (id) => `/tickets/${id}`, hasId: true },
  {
    name: 'POST /tickets/{id}',
    method: 'POST',
    path: (id) => `/tickets/${id}`,
    body: { Properties: { 'Ticket Summary': 'x' } },
    hasId: true,
  },
  {
    name: 'POST /tickets',
    method: 'POST',
    path: () => '/tickets',
    body: { Properties: { 'Ticket Summary': 'x' } },
    hasId: false,
  },
  {
    name: 'GET /tickets/{id}/Notes/0/0',
    method: 'GET',
    path: (id) => `/tickets/${id}/Notes/0/0`,
    hasId: true,
  },
  {
    name: 'GET /tickets/Note/{noteId}',
    method: 'GET',
    path: (id) => `/tickets/Note/${id === '101' ? '1001' : id}`,
    hasId: true,
  },
  {
    name: 'POST /tickets/{id}/AddNote',
    method: 'POST',
    path: (id) => `/tickets/${id}/AddNote`,
    body: userNote('x'),
    hasId: true,
  },
  {
    name: 'GET /tickets/{id}/Attachments/0/0',
    method: 'GET',
    path: (id) => `/tickets/${id}/Attachments/0/0`,
    hasId: true,
  },
  {
    name: 'GET /tickets/{id}/Assignments/0/0',
    method: 'GET',
    path: (id) => `/tickets/${id}/Assignments/0/0`,
    hasId: true,
  },
  {
    name: 'POST /tickets/{id}/ChangeStatus',
    method: 'POST',
    path: (id) => `/tickets/${id}/ChangeStatus`,
    body: { StatusName: 'Escalated' },
    hasId: true,
  },
  {
    name: 'POST /tickets/{id}/Close',
    method: 'POST',
    path: (id) => `/tickets/${id}/Close`,
    body: {},
    hasId: true,
  },
  { name: 'POST /tickets/{id}/Delete', method: 'POST', path: (id) => `/tickets/${id}/Delete`, hasId: true },
  { name: 'GET /tickets/Templates', method: 'GET', path: () => '/tickets/Templates', hasId: false },
  {
    name: 'POST /searches',
    method: 'POST',
    path: () => '/searches',
    body: { Term: '', ModuleId: 24, PageSize: 1, PageNumber: 1 },
    hasId: false,
  },
  { name: 'GET /module/24/fields', method: 'GET', path: () => '/module/24/fields', hasId: false },
  { name: 'GET /technicians/logout', method: 'GET', path: () => '/technicians/logout', hasId: false },
];

function send(client: Client, endpoint: Endpoint, id: string, token?: string | null) {
  return client.call(endpoint.method, endpoint.path(id), {
    ...(endpoint.body === undefined ? {} : { body: endpoint.body }),
    ...(token === undefined ? {} : { token }),
  });
}

/** Writes are only sent to a real server with TRACKIT_ALLOW_WRITES=1, even when they should be refused. */
function testFor(endpoint: Endpoint) {
  return endpoint.method === 'GET' ? readTest : writeTest;
}

describe.each(targetShapes())('errors ($label)', ({ shape }) => {
  const suite = useTarget({ shape });
  const ticket = () => String(suite.target.ticketId);

  describe('401: missing, bad, expired or logged-out token', () => {
    for (const endpoint of endpoints) {
      testFor(endpoint)(`${endpoint.name} without a token answers 401 "${denied}"`, async () => {
        expectError(
          await send(suite.anonymous(), endpoint, ticket()),
          401,
          new RegExp(`^${denied.replace(/\./g, '\\.')}$`),
        );
      });
    }

    readTest('a made-up token answers 401', async () => {
      const client = createClient(suite.target, 'Zm9vYmFy+bm90LWEtdG9rZW4=');
      expect(expectError(await client.get(`/tickets/${ticket()}`), 401)).toBe(denied);
    });

    writeTest('a made-up token cannot write', async () => {
      const client = createClient(suite.target, 'Zm9vYmFy+bm90LWEtdG9rZW4=');
      expect(expectError(await client.post(`/tickets/${ticket()}/AddNote`, userNote('x')), 401)).toBe(denied);
    });

    readTest('a token after GET /technicians/logout answers 401', async () => {
      const client = createClient(suite.target, await suite.target.signIn());
      ok(await client.get(`/tickets/${ticket()}`));
      expect((await client.get('/technicians/logout')).status).toBe(200);
      expect(expectError(await client.get(`/tickets/${ticket()}`), 401)).toBe(denied);
    });

    emulatorTest(
      'a token expired through the control plane answers 401, and a new sign-in works',
      async () => {
        const client = createClient(suite.target, await suite.target.signIn());
        ok(await client.get('/tickets/101'));
        await controlPlane.expireTokens(suite.target, 'TECH1');
        expect(expectError(await client.get('/tickets/101'), 401)).toBe(denied);
        suite.forgetTokens();
        ok(await (await suite.client()).get('/tickets/101'));
      },
    );

    emulatorTest('expiring one technician’s tokens leaves the others working', async () => {
      const tech = createClient(suite.target, await suite.target.signIn('HELP DESK\\TECH1'));
      const admin = createClient(suite.target, await suite.target.signIn('SYSTEM ADMINISTRATION\\ADMIN'));
      await controlPlane.expireTokens(suite.target, 'TECH1');
      expectError(await tech.get('/tickets/101'), 401);
      ok(await admin.get('/tickets/101'));
      await controlPlane.expireTokens(suite.target);
      expectError(await admin.get('/tickets/101'), 401);
      suite.forgetTokens();
    });

    emulatorTest('a token past its lifetime answers 401', async () => {
      const shortLived = await createEmulatorTarget({ shape, seedTickets: 20, tokenTtlSeconds: 60 });
      try {
        const client = createClient(shortLived, await shortLived.signIn());
        ok(await client.get('/tickets/101'));
        // Only Date is faked: the emulator reads Date.now() for expiry, and promises keep running for real.
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(Date.now() + 61_000);
        expect(expectError(await client.get('/tickets/101'), 401)).toBe(denied);
      } finally {
        vi.useRealTimers();
        await shortLived.close();
      }
    });
  });

  describe('400 at /token: bad credentials', () => {
    const bad = [
      ['a wrong password', 'HELP DESK\\TECH1', 'not-the-password'],
      ['an unknown login', 'HELP DESK\\NOBODY', 'welcome'],
      ['an unknown group', 'NO SUCH GROUP\\TECH1', 'welcome'],
      ['a login without a group', 'TECH1', 'welcome'],
    ] as const;
    for (const [what, username, password] of bad) {
      readTest(`${what} answers 400 invalid_grant`, async () => {
        const reply = await suite
          .anonymous()
          .post(
            '/token',
            raw(
              new URLSearchParams({ grant_type: 'password', username, password }).toString(),
              'application/x-www-form-urlencoded',
            ),
          );
        expect(reply.status).toBe(400);
        expect(reply.json).toEqual({
          error: 'invalid_grant',
          error_description: 'The user name or password is incorrect.',
        });
      });
    }

    readTest('an unknown grant type answers 400 unsupported_grant_type', async () => {
      const reply = await suite
        .anonymous()
        .post('/token', raw('grant_type=client_credentials', 'application/x-www-form-urlencoded'));
      expect(reply.status).toBe(400);
      expect((reply.json as { error?: unknown }).error).toBe('unsupported_grant_type');
    });

    readTest('a made-up refresh token answers 400 invalid_grant', async () => {
      const reply = await suite
        .anonymous()
        .post(
          '/token',
          raw('grant_type=refresh_token&refresh_token=bm9wZQ', 'application/x-www-form-urlencoded'),
        );
      expect(reply.status).toBe(400);
      expect((reply.json as { error?: unknown }).error).toBe('invalid_grant');
    });
  });

  describe('404: unknown route', () => {
    const unknown = [
      ['a made-up action', '/tickets/101/Frobnicate'],
      ['an unknown resource', '/gizmos/1'],
      ['the doc example’s Notes URL (§5 #6)', '/tickets/101/0/0/Notes'],
      ['the doc example’s repeated segment (§5 #8)', '//TrackIt/WebAPI/WebApi/tickets/101'],
      ['a Notes URL without paging', '/tickets/101/Notes'],
    ] as const;
    for (const [what, path] of unknown) {
      readTest(`${what} answers 404 "No HTTP resource was found…" naming the URI`, async () => {
        const client = await suite.client();
        const message = expectError(
          await client.get(path),
          404,
          /^No HTTP resource was found that matches the request URI '.+'\.$/,
        );
        const lastSegment = path.split('/').at(-1)!;
        expect(message).toContain(lastSegment);
      });
    }
  });

  describe('404: unknown or deleted id', () => {
    for (const endpoint of endpoints.filter((e) => e.hasId)) {
      testFor(endpoint)(`${endpoint.name} with an unknown id answers 404 naming it`, async () => {
        const client = await suite.client();
        expectError(await send(client, endpoint, '987654'), 404, /987654/);
      });
    }

    writeTest('every endpoint answers 404 for a deleted ticket', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      ok(await client.post(`/tickets/${id}/Delete`));
      for (const endpoint of endpoints.filter((e) => e.hasId && !e.name.includes('Note/'))) {
        expectError(await send(client, endpoint, String(id)), 404, new RegExp(String(id)));
      }
    });
  });

  describe('400: non-integer id', () => {
    for (const endpoint of endpoints.filter((e) => e.hasId)) {
      testFor(endpoint)(`${endpoint.name} with "abc" answers 400 "The request is invalid."`, async () => {
        const client = await suite.client();
        expectError(await send(client, endpoint, 'abc'), 400, /^The request is invalid\.$/);
      });
    }

    readTest('a non-integer page size or page number answers 400', async () => {
      const client = await suite.client();
      expectError(await client.get(`/tickets/${ticket()}/Notes/x/0`), 400, /^The request is invalid\.$/);
      expectError(
        await client.get(`/tickets/${ticket()}/Attachments/0/1.5`),
        400,
        /^The request is invalid\.$/,
      );
      expectError(
        await client.get(`/tickets/${ticket()}/Assignments/1e2/1`),
        400,
        /^The request is invalid\.$/,
      );
    });

    readTest('an id beyond Int32 answers 400 (ids are int32, §2.1)', async () => {
      const client = await suite.client();
      expectError(await client.get('/tickets/2147483648'), 400, /^The request is invalid\.$/);
      expectError(await client.get('/tickets/99999999999999999999999'), 400, /^The request is invalid\.$/);
    });
  });

  describe('405: wrong method', () => {
    const wrong = [
      ['PUT', '/tickets/101'],
      ['DELETE', '/tickets/101'],
      ['PATCH', '/tickets/101'],
      ['GET', '/tickets/101/AddNote'],
      ['GET', '/tickets/101/Close'],
      ['GET', '/tickets/101/Delete'],
      ['DELETE', '/tickets/101/Notes/0/0'],
      ['POST', '/tickets/Templates'],
      ['PUT', '/tickets'],
    ] as const;
    for (const [method, path] of wrong) {
      writeTest(`${method} ${path} answers 405 naming the method`, async () => {
        const client = await suite.client();
        expectError(
          await client.call(method, path, method === 'GET' ? {} : { body: {} }),
          405,
          new RegExp(`^The requested resource does not support http method '${method}'\\.$`),
        );
      });
    }
  });

  describe('400: validation', () => {
    writeTest('bad JSON answers 400 with a Message', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      expectError(await client.post(`/tickets/${id}`, raw('{"Properties": {"Ticket Summary": }')), 400);
      expectError(await client.post(`/tickets/${id}/AddNote`, raw('{"Note": "x",}')), 400);
    });

    writeTest('an unknown status via Properties answers 400 naming it (§5 #16)', async () => {
      const client = await suite.client();
      const id = await scratchTicket(client);
      expectError(
        await client.post(`/tickets/${id}`, { Properties: { Status: 'Sleeping' } }),
        400,
        /Sleeping/,
      );
    });
  });
});
