// POST /token (password and refresh_token grants) and GET /technicians/logout (protocol-notes §1, decisions.md).
import { describe, expect } from 'vitest';
import { createClient, type Reply } from './support/client.ts';
import { raw } from './support/fixtures.ts';
import { expectError, ok, ticketOf } from './support/records.ts';
import { emulatorTest, readTest, useTarget } from './support/suite.ts';
import { createEmulatorTarget, demoPassword, demoUsers, targetShapes } from './support/target.ts';

function form(fields: Record<string, string>) {
  return raw(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded');
}

function tokenBody(reply: Reply): Record<string, unknown> {
  const body = ok(reply);
  expect(typeof body.access_token).toBe('string');
  return body;
}

const rfc1123 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

describe.each(targetShapes())('the Token API ($label)', ({ shape }) => {
  const suite = useTarget({ shape });
  const signInBody = () => ({
    grant_type: 'password',
    username: suite.target.defaultUser,
    password: suite.target.defaultPassword,
  });

  readTest('answers a form-encoded password grant with an OWIN bearer token response', async () => {
    const body = tokenBody(await suite.anonymous().post('/token', form(signInBody())));
    expect(body.token_type).toBe('bearer');
    expect(typeof body.expires_in).toBe('number');
    expect(body.expires_in as number).toBeGreaterThan(0);
    expect(body['.issued']).toMatch(rfc1123);
    expect(body['.expires']).toMatch(rfc1123);
    expect(Date.parse(body['.expires'] as string)).toBeGreaterThan(Date.parse(body['.issued'] as string));
  });

  readTest('accepts the empty scope field older clients send (S9, S11)', async () => {
    tokenBody(await suite.anonymous().post('/token', form({ scope: '', ...signInBody() })));
  });

  emulatorTest('returns the technician’s identity and a 1799 s lifetime by default', async () => {
    const body = tokenBody(await suite.anonymous().post('/token', form(signInBody())));
    expect(body.expires_in).toBe(1799);
    expect(body.username).toBe('TECH1');
    expect(body.usergroupname).toBe('HELP DESK');
    expect(typeof body['First Name']).toBe('string');
    expect(typeof body['Last Name']).toBe('string');
    expect(body['EMail Address']).toMatch(/@/);
    expect(typeof body.refresh_token).toBe('string');
  });

  emulatorTest('signs in every demo technician with the password "welcome"', async () => {
    for (const user of Object.values(demoUsers)) {
      const body = tokenBody(
        await suite
          .anonymous()
          .post('/token', form({ grant_type: 'password', username: user, password: demoPassword })),
      );
      const [group, login] = user.split('\\');
      expect(body.usergroupname).toBe(group);
      expect(body.username).toBe(login);
    }
  });

  emulatorTest('accepts the Windows-domain form GROUP\\DOMAIN\\LOGIN (S8)', async () => {
    const body = tokenBody(
      await suite
        .anonymous()
        .post(
          '/token',
          form({ grant_type: 'password', username: 'HELP DESK\\CONTOSO\\tech1', password: demoPassword }),
        ),
    );
    const client = createClient(suite.target, body.access_token as string);
    ok(await client.get('/tickets/101'));
  });

  readTest('issues a token that works as "Authorization: Bearer <token>"', async () => {
    const body = tokenBody(await suite.anonymous().post('/token', form(signInBody())));
    const client = createClient(suite.target, body.access_token as string);
    ticketOf(await client.get(`/tickets/${suite.target.ticketId}`));
  });

  readTest('accepts the bearer scheme in any letter case', async () => {
    const token = await suite.target.signIn();
    const reply = await suite
      .anonymous()
      .get(`/tickets/${suite.target.ticketId}`, { headers: { Authorization: `bearer ${token}` } });
    ticketOf(reply);
  });

  readTest('exchanges a refresh token for a new working access token and refresh token (S8)', async () => {
    const first = tokenBody(await suite.anonymous().post('/token', form(signInBody())));
    expect(typeof first.refresh_token).toBe('string');
    const second = tokenBody(
      await suite
        .anonymous()
        .post('/token', form({ grant_type: 'refresh_token', refresh_token: first.refresh_token as string })),
    );
    expect(second.access_token).not.toBe(first.access_token);
    expect(typeof second.refresh_token).toBe('string');
    ticketOf(
      await createClient(suite.target, second.access_token as string).get(
        `/tickets/${suite.target.ticketId}`,
      ),
    );
  });

  readTest(
    'ends the session on GET /technicians/logout: the token then answers 401, other tokens still work',
    async () => {
      const other = createClient(suite.target, await suite.target.signIn());
      const client = createClient(suite.target, await suite.target.signIn());
      expect((await client.get('/technicians/logout')).status).toBe(200);
      expectError(await client.get(`/tickets/${suite.target.ticketId}`), 401);
      ticketOf(await other.get(`/tickets/${suite.target.ticketId}`));
    },
  );

  emulatorTest('honours a configured token lifetime in expires_in', async () => {
    const target = await createEmulatorTarget({ shape, seedTickets: 20, tokenTtlSeconds: 120 });
    try {
      const reply = await createClient(target, null).post('/token', form(signInBody()));
      expect(tokenBody(reply).expires_in).toBe(120);
    } finally {
      await target.close();
    }
  });
});
