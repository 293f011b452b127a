import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEmulator, type TestEmulator } from '../../emulator/testing.ts';
import { AppProviders } from '../../src/app/app-providers.tsx';
import type { AppServices } from '../../src/app/app-services.ts';
import { DashboardRoute } from '../../src/app/routes/dashboard-route.tsx';
import { TicketListRoute } from '../../src/app/routes/ticket-list-route.tsx';
import type { AppConfig } from '../../src/config/config-schema.ts';
import type { TicketIndexSnapshot } from '../../src/features/ticket-index/index-snapshot.ts';
import type { IndexedTicket } from '../../src/features/ticket-index/indexed-ticket.ts';
import {
  useTicketIndex,
  useTicketIndexHandle,
  type TicketIndexHandle,
} from '../../src/features/ticket-index/ticket-index-provider.tsx';
import { listRows } from '../../src/features/ticket-list/list-model.ts';
import { parseListState } from '../../src/features/ticket-list/list-url.ts';
import { openEmulatorSession, type EmulatorSession } from './emulator-session.ts';

// The dashboard route (issue 5) against the in-process emulator: one pass of the real sync engine fills the
// index (fake-indexeddb) with a small help desk, then the dashboard's numbers are checked against the index and
// every link on it is followed into the list's own filtering, which must show exactly the tickets counted.

let emulator: TestEmulator;
let config: AppConfig;
let services: AppServices;
let session: EmulatorSession;

const probe: { handle: TicketIndexHandle | null; snapshot: TicketIndexSnapshot | null } = {
  handle: null,
  snapshot: null,
};

function IndexProbe() {
  const handle = useTicketIndexHandle();
  const snapshot = useTicketIndex();
  useEffect(() => {
    probe.handle = handle;
    probe.snapshot = snapshot;
  });
  return null;
}

function renderApp(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/dashboard', element: <DashboardRoute /> },
      { path: '/tickets', element: <TicketListRoute /> },
    ],
    { initialEntries: [path] },
  );
  const result = render(
    <AppProviders config={config} services={services} env="test">
      <IndexProbe />
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router };
}

const heightDescriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
const widthDescriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');

beforeAll(async () => {
  // recharts measures its box, and jsdom lays nothing out: the tables beside the charts are what is tested here.
  const warn = console.warn.bind(console);
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('The width(0) and height(0) of chart')) return;
    warn(...args);
  });
  // jsdom lays nothing out: give the list's scroll box a screenful so that its virtualizer renders rows.
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.getAttribute('data-testid') === 'ticket-list-scroll' ? 600 : 0;
    },
  });
  Object.defineProperty(Element.prototype, 'clientWidth', {
    configurable: true,
    get(this: Element) {
      return this.getAttribute('data-testid') === 'ticket-list-scroll' ? 1200 : 0;
    },
  });
  emulator = createTestEmulator({ seedTickets: 300 });
  // No pause between batches: the test walks a few hundred ids at once.
  session = await openEmulatorSession(emulator, { sync: { batchDelayMs: 0, concurrency: 8 } });
  ({ config, services } = session);

  const { unmount } = renderApp('/dashboard');
  await waitFor(() => expect(probe.handle).not.toBeNull());
  // TECH1 sees the HELP DESK tickets only (data segregation): about 120 of the 300. A pass may stop early;
  // a few cover every id of this small help desk.
  for (let pass = 0; pass < 10; pass++) {
    await act(async () => {
      await probe.handle!.engine.runPass({ forceProbe: pass === 0 });
    });
    if (probe.handle!.index.getSnapshot().stats.pendingIds === 0) break;
  }
  await waitFor(() => expect(probe.snapshot?.stats.count ?? 0).toBeGreaterThan(100));
  unmount();
}, 60_000);

afterAll(() => {
  vi.restoreAllMocks();
  session.close();
  if (heightDescriptor) Object.defineProperty(Element.prototype, 'clientHeight', heightDescriptor);
  if (widthDescriptor) Object.defineProperty(Element.prototype, 'clientWidth', widthDescriptor);
});

async function indexed(): Promise<IndexedTicket[]> {
  await waitFor(() => expect(probe.snapshot?.version ?? 0).toBeGreaterThan(0));
  return [...probe.snapshot!.tickets];
}

function isOpen(t: IndexedTicket): boolean {
  return t.statusType !== null ? t.statusType !== 'closed' : t.closedAt === null;
}

function number(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** The chart card whose heading is `title`. */
function card(title: string): HTMLElement {
  return screen.getByRole('region', { name: title });
}

/** [label, count, href] per row of a card's table. */
function tableRows(container: HTMLElement): [string, number, string | null][] {
  const table = within(container).getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const cells = within(row).getAllByRole('cell');
      const link = within(cells[0]!).queryByRole('link');
      return [cells[0]!.textContent ?? '', number(cells[1]!.textContent), link?.getAttribute('href') ?? null];
    });
}

/** What the list shows for a dashboard link: the list's own URL parsing and filtering, over the same index. */
function listCountFor(href: string, tickets: readonly IndexedTicket[]): number {
  const url = new URL(href, 'http://app.test');
  expect(url.pathname).toBe('/tickets');
  const byId = new Map(tickets.map((t) => [t.id, t]));
  return listRows(parseListState(url.searchParams), tickets, byId, {
    me: 'TECH1',
    recentIds: [],
    pinnedIds: [],
    now: Date.now(),
  }).length;
}

describe('the manager dashboard', () => {
  it('states the index coverage it is based on', async () => {
    renderApp('/dashboard');
    const tickets = await indexed();
    const newest = Math.max(...tickets.map((t) => t.id));
    expect(
      await screen.findByText(
        new RegExp(
          `^Based on ${tickets.length.toLocaleString('en-US')} indexed tickets, newest #${newest.toLocaleString('en-US')}, synced just now$`,
        ),
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('index-status')).toHaveTextContent(/tickets indexed/);
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
  });

  it('counts every open ticket once in each breakdown, and only open ones', async () => {
    renderApp('/dashboard');
    const tickets = await indexed();
    const open = tickets.filter(isOpen);
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(tickets.length);
    await screen.findByRole('region', { name: 'Open tickets by status' });

    const statusRows = tableRows(card('Open tickets by status'));
    expect(statusRows.reduce((sum, [, n]) => sum + n, 0)).toBe(open.length);
    for (const [label, n] of statusRows)
      expect(n, label).toBe(open.filter((t) => t.status?.toLowerCase() === label.toLowerCase()).length);
    // config.json's order: Open before In Progress before Escalated.
    const labels = statusRows.map(([label]) => label);
    expect(labels.indexOf('Open')).toBeLessThan(labels.indexOf('In Progress'));
    expect(labels).not.toContain('Closed');

    for (const title of ['Open tickets by priority', 'Workload by technician', 'Open tickets by age']) {
      const rows = tableRows(card(title));
      expect(
        rows.reduce((sum, [, n]) => sum + n, 0),
        title,
      ).toBe(open.length);
    }
    expect(tableRows(card('Open tickets by age')).map(([label]) => label)).toEqual([
      '0–1 d',
      '1–3 d',
      '3–7 d',
      '7–14 d',
      '14–30 d',
      '> 30 d',
    ]);

    const now = Date.now();
    const overdue = open.filter((t) => t.dueAt !== null && t.dueAt < now).length;
    expect(screen.getByRole('link', { name: `Overdue: ${overdue} tickets` })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: `Open: ${open.length.toLocaleString('en-US')} tickets` }),
    ).toBeInTheDocument();
  });

  it('links every part to a list that shows exactly the tickets it counts', async () => {
    renderApp('/dashboard');
    const tickets = await indexed();
    await screen.findByRole('region', { name: 'Open tickets by status' });
    let checked = 0;
    for (const title of [
      'Open tickets by status',
      'Open tickets by priority',
      'Workload by technician',
      'Open tickets by age',
    ]) {
      for (const [label, n, href] of tableRows(card(title))) {
        expect(href, `${title}: ${label} has a link`).not.toBeNull();
        expect(listCountFor(href!, tickets), `${title}: ${label}`).toBe(n);
        checked++;
      }
    }
    for (const name of [/^Open: /, /^Overdue: /, /^Due today: /]) {
      const link = screen.getByRole('link', { name });
      const n = number(link.getAttribute('aria-label'));
      expect(listCountFor(link.getAttribute('href')!, tickets), String(name)).toBe(n);
      checked++;
    }
    // Opened and closed per day: one link per non-zero cell.
    const days = within(card('Opened and closed per day')).getAllByRole('link', { hidden: true });
    expect(days.length).toBeGreaterThan(0);
    for (const link of days) {
      const n = number(link.textContent);
      expect(listCountFor(link.getAttribute('href')!, tickets), link.getAttribute('aria-label') ?? '').toBe(
        n,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('sums opened and closed per day over the last 30 days, days without tickets as zero', async () => {
    renderApp('/dashboard');
    const tickets = await indexed();
    const region = await screen.findByRole('region', { name: 'Opened and closed per day' });
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    start.setDate(start.getDate() - 29);
    const opened = tickets.filter((t) => t.openedAt !== null && t.openedAt >= start.getTime()).length;
    const closed = tickets.filter((t) => t.closedAt !== null && t.closedAt >= start.getTime()).length;
    expect(
      within(region).getByText(
        `Last 30 days: ${opened.toLocaleString('en-US')} opened, ${closed.toLocaleString('en-US')} closed`,
      ),
    ).toBeInTheDocument();
    const rows = within(within(region).getByRole('table', { hidden: true })).getAllByRole('row', {
      hidden: true,
    });
    expect(rows).toHaveLength(31);
  });

  it('opens the list filtered to a status when its name is chosen', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/dashboard');
    const tickets = await indexed();
    const region = await screen.findByRole('region', { name: 'Open tickets by status' });
    const [label, n] = tableRows(region).find(([, count]) => count > 0)!;
    await user.click(within(region).getByRole('link', { name: label }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/tickets'));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('view')).toBe('open');
    expect(params.getAll('status')).toEqual([label]);
    await waitFor(() =>
      expect(screen.getByTestId('ticket-list-count')).toHaveTextContent(
        new RegExp(`^${n.toLocaleString('en-US')} (of [\\d,]+ )?tickets?$`),
      ),
    );
    const shown = screen
      .getAllByRole('row')
      .map((row) => Number(row.getAttribute('data-row-id')))
      .filter((id) => id > 0);
    expect(shown.length).toBeGreaterThan(0);
    const byId = new Map(tickets.map((t) => [t.id, t]));
    for (const id of shown) expect(byId.get(id)?.status, `#${id}`).toBe(label);
  });
});
