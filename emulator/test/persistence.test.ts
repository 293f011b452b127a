// Data survives a restart (a file database in a temp dir), and clients writing at once over real HTTP lose nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createApp } from '../app.ts';
import { openStore } from '../store.ts';
import { createClient, type Client } from './support/client.ts';
import { userNote } from './support/fixtures.ts';
import { N, T, listOf, noteOf, numberValue, stringValue, ticketOf } from './support/records.ts';
import { storeDigest } from './support/store-digest.ts';
import { emulatorTest } from './support/suite.ts';
import { demoPassword, demoUsers, type Target } from './support/target.ts';

type Store = ReturnType<typeof openStore>;
const appOptions = { shape: 'observed', tokenTtlSeconds: 1799, latencyMs: 0, control: false } as const;

/** A target over a given app, in-process (`app.request`) or over a real socket. */
function targetFor(fetchImpl: typeof fetch, origin: string): Target {
  const baseUrl = `${origin}/TrackIt/WebApi`;
  const signIn = async (user: string = demoUsers.tech, password: string = demoPassword) => {
    const reply = await createClient(target, null).post('/token', {
      raw: new URLSearchParams({ grant_type: 'password', username: user, password }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    });
    return (reply.json as { access_token: string }).access_token;
  };
  const target: Target = {
    kind: 'emulator',
    shape: 'observed',
    baseUrl,
    fetch: fetchImpl,
    canWrite: true,
    emulator: null,
    ticketId: 101,
    defaultUser: demoUsers.tech,
    defaultPassword: demoPassword,
    signIn,
    close: async () => {},
  };
  return target;
}

function inProcess(store: Store): Target {
  const app = createApp(store, appOptions);
  const fetchImpl: typeof fetch = async (input, init) => app.request(String(input), init);
  return targetFor(fetchImpl, 'http://emulator.test');
}

async function signedIn(target: Target, user: string = demoUsers.tech): Promise<Client> {
  return createClient(target, await target.signIn(user));
}

function closeStore(store: Store): void {
  store.close();
}

describe('persistence', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'trackit-contract-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  emulatorTest(
    'keeps a created ticket, an update, a note, a status change and a deletion across a restart',
    async () => {
      const path = join(dir, 'restart.db');
      const first = openStore({ path, seedTickets: 60 });
      const client = await signedIn(inProcess(first));
      const created = numberValue(
        ticketOf(await client.post('/tickets', { Properties: { 'Ticket Summary': 'Survives restarts' } })),
        T.id,
      )!;
      await client.post('/tickets/101', {
        Properties: { 'Additional Information': 'Written before the restart' },
      });
      const note = numberValue(
        noteOf(await client.post('/tickets/101/AddNote', userNote('Before restart', '00:05:00'))),
        N.sequence,
      )!;
      await client.post(`/tickets/${created}/ChangeStatus`, { StatusName: 'Escalated' });
      const seeded = listOf(
        await client.get('/tickets/101/Notes/0/0', { query: { SystemNote: true } }),
        'TicketNotes',
      );
      const before = ticketOf(await client.get('/tickets/101'));
      const doomed = numberValue(
        ticketOf(await client.post('/tickets', { Properties: { 'Ticket Summary': 'Deleted' } })),
        T.id,
      )!;
      await client.post(`/tickets/${doomed}/Delete`);
      const digest = storeDigest(first);
      closeStore(first);

      const second = openStore({ path, seedTickets: 60 });
      try {
        expect(storeDigest(second)).toBe(digest);
        const again = await signedIn(inProcess(second));
        const ticket = ticketOf(await again.get(`/tickets/${created}`));
        expect(stringValue(ticket, T.summary)).toBe('Survives restarts');
        expect(stringValue(ticket, T.status)).toBe('Escalated');
        const after = ticketOf(await again.get('/tickets/101'));
        expect(after).toEqual(before);
        expect(stringValue(after, T.additionalInformation)).toBe('Written before the restart');
        const notes = listOf(
          await again.get('/tickets/101/Notes/0/0', { query: { SystemNote: true } }),
          'TicketNotes',
        );
        expect(notes.count).toBe(seeded.count);
        expect(notes.items.map((n) => numberValue(n, N.sequence))).toContain(note);
        expect((await again.get(`/tickets/${doomed}`)).status).toBe(404);
        const next = numberValue(
          ticketOf(await again.post('/tickets', { Properties: { 'Ticket Summary': 'After restart' } })),
          T.id,
        )!;
        expect(next).toBeGreaterThan(doomed);
      } finally {
        closeStore(second);
      }
    },
  );

  emulatorTest('does not re-seed an existing database on reopen', async () => {
    const path = join(dir, 'reseed.db');
    const first = openStore({ path, seedTickets: 30 });
    const client = await signedIn(inProcess(first));
    await client.post('/tickets/101/Delete');
    closeStore(first);
    const second = openStore({ path, seedTickets: 30 });
    try {
      expect((await (await signedIn(inProcess(second))).get('/tickets/101')).status).toBe(404);
    } finally {
      closeStore(second);
    }
  });

  describe('two clients writing at once over HTTP', () => {
    let store: Store;
    let server: ServerType;
    let target: Target;
    beforeAll(async () => {
      store = openStore({ path: join(dir, 'concurrent.db'), seedTickets: 60 });
      const app = createApp(store, appOptions);
      server = await new Promise<ServerType>((resolve) => {
        const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
      });
      const { port } = server.address() as AddressInfo;
      target = targetFor((input, init) => fetch(input, init), `http://127.0.0.1:${port}`);
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      closeStore(store);
    });

    emulatorTest(
      'loses none of 2 x 50 concurrent AddNotes: 100 more notes, Count right, time adds up',
      async () => {
        const tech = await signedIn(target, demoUsers.tech);
        const admin = await signedIn(target, demoUsers.admin);
        const before = listOf(
          await tech.get('/tickets/101/Notes/0/0', { query: { SystemNote: true } }),
          'TicketNotes',
        );
        const spentBefore = numberValue(ticketOf(await tech.get('/tickets/101')), T.totalTimeSpent) ?? 0;
        const writes = [tech, admin].flatMap((client, c) =>
          Array.from({ length: 50 }, (_, i) =>
            client.post('/tickets/101/AddNote', userNote(`client ${c} note ${i}`, '00:01:00')),
          ),
        );
        const replies = await Promise.all(writes);
        for (const reply of replies) expect(reply.status, reply.text.slice(0, 200)).toBe(200);
        const ids = replies.map((reply) => numberValue(noteOf(reply), N.sequence));
        expect(new Set(ids).size).toBe(100);
        const after = listOf(
          await tech.get('/tickets/101/Notes/0/0', { query: { SystemNote: true } }),
          'TicketNotes',
        );
        expect(after.count).toBe(before.count + 100);
        expect(after.items).toHaveLength(after.count);
        const texts = new Set(after.items.map((n) => stringValue(n, N.note)));
        for (let c = 0; c < 2; c += 1)
          for (let i = 0; i < 50; i += 1) expect(texts.has(`client ${c} note ${i}`)).toBe(true);
        expect(numberValue(ticketOf(await tech.get('/tickets/101')), T.totalTimeSpent)).toBe(
          spentBefore + 100 * 60,
        );
      },
    );

    emulatorTest('gives 2 x 25 concurrent creates 50 distinct ids, all readable', async () => {
      const tech = await signedIn(target, demoUsers.tech);
      const admin = await signedIn(target, demoUsers.admin);
      const replies = await Promise.all(
        [tech, admin].flatMap((client, c) =>
          Array.from({ length: 25 }, (_, i) =>
            client.post('/tickets', { Properties: { 'Ticket Summary': `parallel ${c}-${i}` } }),
          ),
        ),
      );
      const ids = replies.map((reply) => numberValue(ticketOf(reply), T.id)!);
      expect(new Set(ids).size).toBe(50);
      for (const id of ids) expect((await admin.get(`/tickets/${id}`)).status).toBe(200);
    });

    emulatorTest(
      'applies concurrent updates of different fields of one ticket without losing either',
      async () => {
        const tech = await signedIn(target, demoUsers.tech);
        const admin = await signedIn(target, demoUsers.admin);
        const [a, b] = await Promise.all([
          tech.post('/tickets/101', { Properties: { 'Ticket Summary': 'Summary from TECH1' } }),
          admin.post('/tickets/101', { Properties: { 'Additional Information': 'Info from ADMIN' } }),
        ]);
        expect(a.status).toBe(200);
        expect(b.status).toBe(200);
        const ticket = ticketOf(await tech.get('/tickets/101'));
        expect(stringValue(ticket, T.summary)).toBe('Summary from TECH1');
        expect(stringValue(ticket, T.additionalInformation)).toBe('Info from ADMIN');
      },
    );
  });
});
