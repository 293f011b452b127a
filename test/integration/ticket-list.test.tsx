import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexedTicket } from '../../src/features/ticket-index/indexed-ticket.ts';
import {
  forgetKeptTicketLists,
  recordRecentTicket,
  ticketListOwner,
  togglePinned,
} from '../../src/features/tickets/recent-tickets.ts';
import { createListHarness, probe, renderList, type ListHarness } from './ticket-list-harness.tsx';

// The list route (issue 5) against the in-process emulator: a real sync pass fills the index with a few hundred
// tickets, then each built-in view, the text filter, sorting, opening a row and a bulk close with one failure.

let harness: ListHarness;
const owner = ticketListOwner({ group: 'HELP DESK', login: 'TECH1' });
const heightDescriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
const widthDescriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth');

beforeAll(async () => {
  // jsdom lays nothing out: give the list's scroll box a screenful so the virtualizer renders rows.
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
  harness = await createListHarness(300);
  const { unmount } = renderList(harness, '/tickets?view=all');
  await waitFor(() => expect(probe.handle).not.toBeNull());
  await act(async () => {
    await probe.handle!.engine.runPass({ forceProbe: true });
  });
  await waitFor(() => expect(probe.snapshot?.stats.count ?? 0).toBeGreaterThan(50));
  unmount();
}, 60_000);

afterAll(() => {
  harness.close();
  if (heightDescriptor) Object.defineProperty(Element.prototype, 'clientHeight', heightDescriptor);
  if (widthDescriptor) Object.defineProperty(Element.prototype, 'clientWidth', widthDescriptor);
  window.localStorage.clear();
  forgetKeptTicketLists();
});

/** The tickets of the index the rendered list reads (waits until it has loaded). */
async function indexed(): Promise<IndexedTicket[]> {
  await waitFor(() => expect(probe.snapshot?.version ?? 0).toBeGreaterThan(0));
  return [...probe.snapshot!.tickets];
}

function isOpen(t: IndexedTicket): boolean {
  return t.statusType !== null ? t.statusType !== 'closed' : t.closedAt === null;
}

function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

/** Ticket ids of the body rows in the DOM, top to bottom. */
function shownIds(): number[] {
  return screen
    .getAllByRole('row')
    .map((row) => Number(row.getAttribute('data-row-id')))
    .filter((id) => id > 0);
}

function countText(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'ticket' : 'tickets'}`;
}

describe('the ticket list', () => {
  it('shows the right tickets in each built-in view', async () => {
    const { router, unmount } = renderList(harness, '/tickets?view=all');
    const tickets = await indexed();
    const now = Date.now();
    const recent = tickets.slice(5, 8);
    for (const t of [...recent].reverse())
      recordRecentTicket(owner, { id: t.id, summary: t.summary ?? '', status: t.status ?? '' });
    const pinned = tickets[20]!;
    togglePinned(owner, { id: pinned.id, summary: pinned.summary ?? '', status: pinned.status ?? '' });

    const expected: Record<string, IndexedTicket[]> = {
      mine: tickets.filter((t) => t.assigneeLogin?.toUpperCase() === 'TECH1' && isOpen(t)),
      unassigned: tickets.filter((t) => t.assigneeLogin === null && isOpen(t)),
      open: tickets.filter(isOpen),
      overdue: tickets.filter((t) => isOpen(t) && t.dueAt !== null && t.dueAt < now),
      'due-today': tickets.filter((t) => isOpen(t) && t.dueAt !== null && sameDay(t.dueAt, now)),
      recent,
      pinned: [pinned],
      all: tickets,
    };
    expect(expected.mine!.length).toBeGreaterThan(0);
    expect(expected.open!.length).toBeLessThan(tickets.length);

    for (const [view, want] of Object.entries(expected)) {
      await act(() => router.navigate(`/tickets?view=${view}`));
      await waitFor(() =>
        expect(screen.getByTestId('ticket-list-count')).toHaveTextContent(countText(want.length)),
      );
      const ids = new Set(want.map((t) => t.id));
      const shown = shownIds();
      expect(shown.length).toBe(Math.min(want.length, shown.length));
      expect(shown.length).toBeGreaterThan(Math.min(want.length, 5) - 1);
      for (const id of shown) expect(ids.has(id), `${view} shows #${id}`).toBe(true);
      expect(shown.length).toBeLessThanOrEqual(60);
    }
    // Recently viewed keeps its own order: most recent first.
    await act(() => router.navigate('/tickets?view=recent'));
    await waitFor(() => expect(shownIds()).toEqual(recent.map((t) => t.id)));
    unmount();
  });

  it('filters by text as one types and sorts by a clicked header', async () => {
    const user = userEvent.setup();
    renderList(harness, '/tickets?view=all');
    const tickets = await indexed();
    const word = tickets[0]!
      .summary!.split(/\s+/)
      .find((w) => w.length > 4)!
      .toLowerCase();
    const matching = tickets.filter(
      (t) => t.summary?.toLowerCase().includes(word) || t.requestorName?.toLowerCase().includes(word),
    );
    await screen.findByText(countText(tickets.length));

    await user.type(screen.getByRole('searchbox', { name: 'Filter tickets by text' }), word);
    await waitFor(() =>
      expect(screen.getByTestId('ticket-list-count').textContent).toMatch(
        new RegExp(`of ${tickets.length.toLocaleString('en-US')} tickets`),
      ),
    );
    for (const id of shownIds())
      expect(matching.some((t) => t.id === id) || String(id).includes(word)).toBe(true);

    await user.clear(screen.getByRole('searchbox', { name: 'Filter tickets by text' }));
    await screen.findByText(countText(tickets.length));
    const idHeader = screen.getByRole('columnheader', { name: /^ID/ });
    expect(idHeader).toHaveAttribute('aria-sort', 'descending');
    await user.click(within(idHeader).getByRole('button'));
    await waitFor(() =>
      expect(screen.getByRole('columnheader', { name: /^ID/ })).toHaveAttribute('aria-sort', 'ascending'),
    );
    const lowest = Math.min(...tickets.map((t) => t.id));
    expect(shownIds()[0]).toBe(lowest);
  });

  it('opens a row with a click or Enter and hands the detail a hint from the index', async () => {
    const user = userEvent.setup();
    const { router } = renderList(harness, '/tickets?view=all');
    const tickets = await indexed();
    const first = tickets[0]!;
    await screen.findByText(countText(tickets.length));
    const row = screen.getAllByRole('row').find((r) => r.getAttribute('data-row-id') === String(first.id))!;
    row.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { name: `Ticket ${first.id}` });
    expect(screen.getByTestId('hint')).toHaveTextContent(`hint: ${first.summary ?? ''}`);
    await act(() => router.navigate(-1));
    await screen.findByTestId('ticket-list-count');
  });

  it('closes selected tickets one by one, reports the one that failed and retries it', async () => {
    const user = userEvent.setup();
    renderList(harness, '/tickets?view=open');
    const openTickets = (await indexed()).filter(isOpen);
    await screen.findByText(countText(openTickets.length));
    const targets = shownIds().slice(0, 3);
    for (const id of targets) await user.click(screen.getByRole('checkbox', { name: `Select ticket ${id}` }));
    expect(screen.getByText('3 tickets selected')).toBeInTheDocument();

    const failing = targets[1]!;
    await harness.control('faults', {
      path: `^/tickets/${failing}/Close$`,
      method: 'POST',
      status: 500,
      body: JSON.stringify({ Message: 'The ticket is locked by another user.' }),
      count: 1,
    });
    await user.click(screen.getByRole('button', { name: 'Close…' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Close 3 tickets' }));
    await within(dialog).findByText(/Finished: 3 of 3 done · 2 succeeded · 1 failed/, {}, { timeout: 5000 });
    expect(within(dialog).getByText(new RegExp(`#${failing}: failed: .+`))).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Retry 1 failed' }));
    await within(dialog).findByText(/Finished: 3 of 3 done · 3 succeeded · 0 failed/, {}, { timeout: 5000 });
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    // The index has the tickets each write answered with: they left the open view.
    await waitFor(() => {
      for (const id of targets) expect(probe.snapshot!.byId.get(id)?.statusType).toBe('closed');
    });
    await screen.findByText(countText(openTickets.length - 3));
    expect(screen.queryByText(/selected$/)).not.toBeInTheDocument();
  });
});
