// The emulator's test control plane under /__emulator/ (interfaces.md), and that it is off unless enabled.
import { describe, expect } from 'vitest';
import { createClient } from './support/client.ts';
import { controlPlane } from './support/control.ts';
import { userNote } from './support/fixtures.ts';
import { T, expectError, listOf, ok, stringValue, ticketOf } from './support/records.ts';
import { emulatorTest, useTarget } from './support/suite.ts';

describe('the control plane', () => {
  const suite = useTarget({ seedTickets: 60 });

  emulatorTest('resets the store to the seed', async () => {
    const client = await suite.client();
    const seeded = ticketOf(await client.get('/tickets/101'));
    const notes = listOf(
      await client.get('/tickets/101/Notes/0/0', { query: { SystemNote: true } }),
      'TicketNotes',
    ).count;
    ok(await client.post('/tickets/101', { Properties: { 'Ticket Summary': 'changed' } }));
    ok(await client.post('/tickets/101/AddNote', userNote('extra')));
    const created = ticketOf(
      await client.post('/tickets', { Properties: { 'Ticket Summary': 'gone after reset' } }),
    );
    await controlPlane.reset(suite.target);
    suite.forgetTokens();
    const again = await suite.client();
    expect(ticketOf(await again.get('/tickets/101'))).toEqual(seeded);
    expect(
      listOf(await again.get('/tickets/101/Notes/0/0', { query: { SystemNote: true } }), 'TicketNotes').count,
    ).toBe(notes);
    expectError(await again.get(`/tickets/${String(created['1']?.Value)}`), 404);
  });

  emulatorTest('injects a status for the next N matching requests only', async () => {
    const client = await suite.client();
    await controlPlane.fault(suite.target, {
      path: '^/tickets/101$',
      method: 'GET',
      count: 2,
      status: 503,
      body: '{"Message":"busy"}',
    });
    for (let i = 0; i < 2; i += 1) {
      const reply = await client.get('/tickets/101');
      expect(reply.status).toBe(503);
      expect(reply.text).toBe('{"Message":"busy"}');
    }
    ok(await client.get('/tickets/101'));
  });

  emulatorTest(
    'matches the fault path case-insensitively and leaves other paths and methods alone',
    async () => {
      const client = await suite.client();
      await controlPlane.fault(suite.target, {
        path: '^/TICKETS/101/notes/',
        method: 'GET',
        count: 1,
        status: 500,
      });
      ok(await client.get('/tickets/101'));
      ok(await client.post('/tickets/101/AddNote', userNote('not matched: POST')));
      expect((await client.get('/tickets/101/Notes/0/0')).status).toBe(500);
      ok(await client.get('/tickets/101/Notes/0/0'));
    },
  );

  emulatorTest('serves a malformed body and a truncated body when asked', async () => {
    const client = await suite.client();
    await controlPlane.fault(suite.target, { path: '^/tickets/101$', count: 1, malformed: true });
    const malformed = await client.get('/tickets/101');
    expect(malformed.json).toBeUndefined();
    await controlPlane.fault(suite.target, { path: '^/tickets/101$', count: 1, truncated: true });
    const truncated = await client.get('/tickets/101');
    expect(truncated.json).toBeUndefined();
    expect(truncated.text.length).toBeGreaterThan(0);
    ok(await client.get('/tickets/101'));
  });

  emulatorTest('delays a response by delayMs', async () => {
    const client = await suite.client();
    await controlPlane.fault(suite.target, { path: '^/tickets/101$', count: 1, delayMs: 300 });
    const started = performance.now();
    ok(await client.get('/tickets/101'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
  });

  emulatorTest('drops the connection when asked (the fetch fails)', async () => {
    const client = await suite.client();
    await controlPlane.fault(suite.target, { path: '^/tickets/101$', count: 1, drop: true });
    await expect(client.get('/tickets/101')).rejects.toThrow();
    ok(await client.get('/tickets/101'));
  });

  emulatorTest('with after: true, runs the write and then replaces the answer', async () => {
    const client = await suite.client();
    await controlPlane.fault(suite.target, {
      path: '^/tickets/101$',
      method: 'POST',
      count: 1,
      status: 500,
      after: true,
    });
    const reply = await client.post('/tickets/101', {
      Properties: { 'Ticket Summary': 'written despite the 500' },
    });
    expect(reply.status).toBe(500);
    expect(stringValue(ticketOf(await client.get('/tickets/101')), T.summary)).toBe(
      'written despite the 500',
    );
  });

  emulatorTest('clears pending faults on DELETE /__emulator/faults', async () => {
    const client = await suite.client();
    await controlPlane.fault(suite.target, { path: '^/tickets/101$', count: 5, status: 500 });
    await controlPlane.clearFaults(suite.target);
    ok(await client.get('/tickets/101'));
  });

  emulatorTest('logs requests with method, path and status, and clears the log', async () => {
    const client = await suite.client();
    await controlPlane.clearLog(suite.target);
    await client.get('/tickets/101');
    await client.get('/tickets/999999');
    const log = await controlPlane.log(suite.target);
    expect(
      log.some(
        (entry) => entry.method === 'GET' && /\/tickets\/101$/i.test(entry.path) && entry.status === 200,
      ),
    ).toBe(true);
    expect(log.some((entry) => /\/tickets\/999999$/i.test(entry.path) && entry.status === 404)).toBe(true);
    for (const entry of log) expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    await controlPlane.clearLog(suite.target);
    expect((await controlPlane.log(suite.target)).filter((e) => /\/tickets\//i.test(e.path))).toEqual([]);
  });

  emulatorTest('refuses a fault with an invalid path pattern with a 400', async () => {
    const reply = await controlPlane.raw(suite.target, 'POST', 'faults', { path: '([unclosed', status: 500 });
    expect(reply.status).toBe(400);
  });

  emulatorTest('is not there when the control plane is off', async () => {
    const { createTestEmulator } = await import('../testing.ts');
    const off = await createTestEmulator({ seedTickets: 20, control: false });
    try {
      const anonymous = createClient(
        { ...suite.target, fetch: off.fetch, baseUrl: off.baseUrl, emulator: off },
        null,
      );
      for (const [method, path] of [
        ['POST', '//__emulator/reset'],
        ['POST', '//__emulator/faults'],
        ['POST', '//__emulator/expire-tokens'],
        ['GET', '//__emulator/log'],
      ] as const) {
        const reply = await anonymous.call(method, path, method === 'POST' ? { body: {} } : {});
        expect(reply.status, `${method} ${path}`).toBe(404);
      }
    } finally {
      await off.close();
    }
  });
});
