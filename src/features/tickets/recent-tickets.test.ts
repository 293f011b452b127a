import { afterEach, describe, expect, it } from 'vitest';
import {
  RECENT_TICKETS_LIMIT,
  forgetKeptTicketLists,
  isPinned,
  readPinnedTickets,
  readRecentTickets,
  recordRecentTicket,
  ticketListOwner,
  togglePinned,
} from './recent-tickets.ts';

const tech1 = ticketListOwner({ group: 'Help Desk', login: 'tech1' });
const field1 = ticketListOwner({ group: 'FIELD SERVICES', login: 'FIELD1' });

afterEach(() => {
  window.localStorage.clear();
  forgetKeptTicketLists();
});

describe('recently viewed tickets', () => {
  it('puts the last viewed ticket first and keeps each ticket once', () => {
    recordRecentTicket(tech1, { id: 101, summary: 'Printer', status: 'Open' });
    recordRecentTicket(tech1, { id: 102, summary: 'Mail', status: 'Open' });
    recordRecentTicket(tech1, { id: 101, summary: 'Printer jam', status: 'Closed' });
    expect(readRecentTickets(tech1).map((t) => [t.id, t.summary, t.status])).toEqual([
      [101, 'Printer jam', 'Closed'],
      [102, 'Mail', 'Open'],
    ]);
  });

  it('keeps only the last 20', () => {
    for (let id = 1; id <= 25; id += 1) recordRecentTicket(tech1, { id, summary: `T${id}`, status: 'Open' });
    const recent = readRecentTickets(tech1);
    expect(recent).toHaveLength(RECENT_TICKETS_LIMIT);
    expect(recent[0]?.id).toBe(25);
    expect(recent.at(-1)?.id).toBe(6);
  });

  it('keeps one list per technician', () => {
    recordRecentTicket(tech1, { id: 101, summary: 'Printer', status: 'Open' });
    expect(readRecentTickets(field1)).toEqual([]);
    expect(tech1).toBe('HELP DESK\\TECH1');
  });

  it('ignores a corrupt stored list instead of failing', () => {
    window.localStorage.setItem(`trackit-helpdesk:recent-tickets:${tech1}`, '{not json');
    forgetKeptTicketLists();
    expect(readRecentTickets(tech1)).toEqual([]);
    window.localStorage.setItem(`trackit-helpdesk:recent-tickets:${tech1}`, JSON.stringify([{ id: 'x' }]));
    forgetKeptTicketLists();
    expect(readRecentTickets(tech1)).toEqual([]);
  });
});

describe('kept lists', () => {
  it('reads what another tab wrote once its storage event arrives', () => {
    recordRecentTicket(tech1, { id: 101, summary: 'Printer', status: 'Open' });
    const key = `trackit-helpdesk:recent-tickets:${tech1}`;
    window.localStorage.setItem(
      key,
      JSON.stringify([{ id: 7, summary: 'Mail', status: 'Open', viewedAt: 'x' }]),
    );
    expect(readRecentTickets(tech1)[0]?.id).toBe(101);
    window.dispatchEvent(new StorageEvent('storage', { key }));
    expect(readRecentTickets(tech1)[0]?.id).toBe(7);
  });
});

describe('pinned tickets', () => {
  it('pins and unpins a ticket', () => {
    expect(togglePinned(tech1, { id: 101, summary: 'Printer', status: 'Open' })).toBe(true);
    expect(isPinned(tech1, 101)).toBe(true);
    expect(togglePinned(tech1, { id: 101, summary: 'Printer', status: 'Open' })).toBe(false);
    expect(isPinned(tech1, 101)).toBe(false);
  });

  it('refreshes a pinned ticket summary and status when it is viewed again', () => {
    togglePinned(tech1, { id: 101, summary: 'Printer', status: 'Open' });
    recordRecentTicket(tech1, { id: 101, summary: 'Printer', status: 'Closed' });
    expect(readPinnedTickets(tech1)[0]?.status).toBe('Closed');
  });
});
