import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openStore } from '../store.ts';
import { createTestEmulator } from '../testing.ts';
import type { TestEmulator } from '../testing.ts';

type Rec = Record<string, { DisplayName: string; Value: unknown }>;

describe('emulator smoke', () => {
  let emu: TestEmulator;
  let token: string;

  beforeAll(async () => {
    emu = createTestEmulator();
    token = await emu.signIn();
  });
  afterAll(() => emu.close());

  const get = (path: string, t = token): Promise<Response> =>
    emu.fetch(`${emu.baseUrl}${path}`, { headers: { Authorization: `Bearer ${t}` } });
  const post = (path: string, body: unknown): Promise<Response> =>
    emu.fetch(`${emu.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('issues an OWIN-style token for a demo technician', async () => {
    const res = await emu.fetch(`${emu.baseUrl}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=HELP%20DESK%5CTECH1&password=welcome',
    });
    const body = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(body.token_type).toBe('bearer');
    expect(body.expires_in).toBe(1799);
    expect(String(body['.expires'])).toMatch(/GMT$/);
    expect(body.usergroupname).toBe('HELP DESK');
    expect(typeof body.refresh_token).toBe('string');
  });

  it('returns ticket 101 wrapped in "Ticket" by default', async () => {
    const res = await get('/tickets/101');
    const body = (await res.json()) as { Ticket: Rec };
    expect(res.status).toBe(200);
    expect(body.Ticket['1']).toEqual({ DisplayName: 'Ticket ID', Value: 101 });
    expect(body.Ticket['2']?.Value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
  });

  it('returns ticket 101 wrapped in "Tickets" in the doc shape', async () => {
    const doc = createTestEmulator({ shape: 'doc', seedTickets: 20 });
    const t = await doc.signIn();
    const res = await doc.fetch(`${doc.baseUrl}/tickets/101`, { headers: { Authorization: `Bearer ${t}` } });
    const body = (await res.json()) as { Tickets: Rec };
    expect(body.Tickets['1']?.Value).toBe(101);
    doc.close();
  });

  it('pages notes with a total Count and 1-based pages', async () => {
    const all = (await (await get('/tickets/101/Notes/0/0?SystemNote=true')).json()) as {
      Count: number;
      TicketNotes: Rec[];
    };
    const page2 = (await (await get('/tickets/101/Notes/5/2?SystemNote=true')).json()) as {
      Count: number;
      TicketNotes: Rec[];
    };
    expect(all.Count).toBeGreaterThanOrEqual(30);
    expect(all.TicketNotes).toHaveLength(all.Count);
    expect(page2.Count).toBe(all.Count);
    expect(page2.TicketNotes.map((n) => n['1']?.Value)).toEqual(
      all.TicketNotes.slice(5, 10).map((n) => n['1']?.Value),
    );
  });

  it('adds a note, counts its duration and moves Last Modified forward', async () => {
    const before = ((await (await get('/tickets/101')).json()) as { Ticket: Rec }).Ticket;
    const res = await post('/tickets/101/AddNote', {
      'Note Type': 'Ticket Description',
      'Activity Code': 'Install',
      Note: 'This is a ticket Note added by API',
      Duration: '00:10:00',
    });
    const body = (await res.json()) as { Ticket: Rec; Note: Rec };
    expect(res.status).toBe(200);
    expect(body.Note['10']?.Value).toBe(600);
    expect(body.Ticket['163']?.Value).toBe(Number(before['163']?.Value ?? 0) + 600);
    expect(String(body.Ticket['2']?.Value) > String(before['2']?.Value)).toBe(true);
  });

  it('refuses a read-only field and leaves the ticket unchanged', async () => {
    const before = await (await get('/tickets/101')).text();
    const res = await post('/tickets/101', { Properties: { 'Ticket ID': 5 } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { Message: string }).Message).toContain('Ticket ID');
    expect(await (await get('/tickets/101')).text()).toBe(before);
  });

  it('rejects an in-process request whose signal is aborted, like fetch', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      emu.fetch(`${emu.baseUrl}/tickets/101`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('turns a dropped connection into a network error', async () => {
    await emu.fetch('/__emulator/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '^/tickets/101$', drop: true }),
    });
    await expect(get('/tickets/101')).rejects.toThrow(TypeError);
    expect((await get('/tickets/101')).status).toBe(200);
  });
});

describe('serving the built app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-spa-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><link rel="icon" href="./favicon.svg"><script type="module" src="./assets/index-abc123.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  const store = openStore({ path: ':memory:', seedTickets: 5 });
  const app = createApp(store, { appDir: dir, appBase: '/helpdesk/' });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html for client routes with absolute asset URLs and production headers', async () => {
    const res = await app.request('http://x/helpdesk/tickets/101');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('src="/helpdesk/assets/index-abc123.js"');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('caches hashed assets for a year and compresses them on request', async () => {
    const res = await app.request('http://x/helpdesk/assets/index-abc123.js', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('answers 404 for a missing asset and for /TrackIt paths outside the WebApi', async () => {
    expect((await app.request('http://x/helpdesk/assets/missing-123.js')).status).toBe(404);
    expect((await app.request('http://x/TrackIt/other')).status).toBe(404);
  });

  it('serves a config.json built from the seed vocabulary, never cached', async () => {
    const res = await app.request('http://x/helpdesk/config.json');
    const config = (await res.json()) as { apiBaseUrl: string; vocabulary: { statuses: { name: string }[] } };
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(config.apiBaseUrl).toBe('/TrackIt/WebApi');
    expect(config.vocabulary.statuses.map((s) => s.name)).toContain('Escalated');
  });
});
