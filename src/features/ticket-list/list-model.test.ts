import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  UNASSIGNED,
  compileFilters,
  filterTickets,
  listRows,
  sortTickets,
  viewTickets,
  type ListFilters,
  type ListState,
  type ViewContext,
} from './list-model.ts';
import { DEFAULT_COLUMNS } from './list-columns.ts';
import { at, listTicket } from './list-test-tickets.ts';

const now = at(2026, 11, 28, 10);

const tickets = [
  listTicket(110, {
    summary: 'Printer jammed on floor 3',
    status: 'Open',
    priority: '2 - High',
    assigneeLogin: 'TECH1',
    assigneeName: 'Tess Tech',
    group: 'HELP DESK',
    category: 'Hardware\\Printers',
    requestorName: 'Ada Lovelace',
    openedAt: at(2026, 11, 20),
    dueAt: at(2026, 11, 27),
    lastModifiedAt: at(2026, 11, 27),
  }),
  listTicket(109, {
    summary: 'VPN drops every hour',
    status: 'In Progress',
    priority: '1 - Critical',
    assigneeLogin: 'tech1',
    group: 'HELP DESK',
    category: 'Network\\VPN',
    requestorName: 'Grace Hopper',
    openedAt: at(2026, 11, 25),
    dueAt: at(2026, 11, 28, 16),
  }),
  listTicket(108, {
    summary: 'New laptop',
    status: 'Closed',
    statusType: 'closed',
    priority: '3 - Medium',
    assigneeLogin: 'TECH2',
    group: 'FIELD SERVICES',
    openedAt: at(2026, 10, 1),
    dueAt: at(2026, 10, 5),
    closedAt: at(2026, 10, 4),
  }),
  listTicket(107, {
    summary: 'Password reset',
    status: 'Waiting on Requestor',
    statusType: 'stop-the-clock',
    priority: '4 - Low',
    group: 'HELP DESK',
    requestorName: 'Ada Lovelace',
    openedAt: at(2026, 11, 28, 8),
    dueAt: at(2026, 12, 3),
  }),
  listTicket(106, { summary: 'Unknown status, no close date', status: 'Odd', statusType: null }),
];
const byId = new Map(tickets.map((t) => [t.id, t]));
const context: ViewContext = { me: 'TECH1', recentIds: [108, 106, 999], pinnedIds: [107], now };

function ids(list: readonly { id: number }[]): number[] {
  return list.map((t) => t.id);
}

function only(filters: Partial<ListFilters>): number[] {
  return ids(filterTickets(tickets, { ...EMPTY_FILTERS, ...filters }, now));
}

describe('built-in views', () => {
  it('My open tickets holds open tickets assigned to the signed-in login, in any case', () => {
    expect(ids(viewTickets('mine', tickets, byId, context))).toEqual([110, 109]);
  });

  it('Unassigned holds open tickets without a technician', () => {
    expect(ids(viewTickets('unassigned', tickets, byId, context))).toEqual([107, 106]);
  });

  it('All open leaves out closed tickets and keeps unknown statuses without a close date', () => {
    expect(ids(viewTickets('open', tickets, byId, context))).toEqual([110, 109, 107, 106]);
  });

  it('Overdue holds open tickets whose due date has passed', () => {
    expect(ids(viewTickets('overdue', tickets, byId, context))).toEqual([110]);
  });

  it('Due today holds open tickets due on the local calendar day', () => {
    expect(ids(viewTickets('due-today', tickets, byId, context))).toEqual([109]);
  });

  it('Recently viewed and Pinned keep their own order and skip tickets the index lacks', () => {
    expect(ids(viewTickets('recent', tickets, byId, context))).toEqual([108, 106]);
    expect(ids(viewTickets('pinned', tickets, byId, context))).toEqual([107]);
  });

  it('My open tickets is empty when nobody is signed in', () => {
    expect(viewTickets('mine', tickets, byId, { ...context, me: null })).toEqual([]);
  });
});

describe('filters', () => {
  it('filters by status, case-insensitively, any of several', () => {
    expect(only({ statuses: ['open', 'Closed'] })).toEqual([110, 108]);
  });

  it('filters by priority, group, category and requestor', () => {
    expect(only({ priorities: ['1 - Critical'] })).toEqual([109]);
    expect(only({ groups: ['FIELD SERVICES'] })).toEqual([108]);
    expect(only({ categories: ['Network\\VPN'] })).toEqual([109]);
    expect(only({ requestors: ['ada lovelace'] })).toEqual([110, 107]);
  });

  it('filters by technician, with a value for unassigned tickets', () => {
    expect(only({ technicians: ['TECH1'] })).toEqual([110, 109]);
    expect(only({ technicians: [UNASSIGNED, 'TECH2'] })).toEqual([108, 107, 106]);
  });

  it('filters by inclusive local date ranges, either side open', () => {
    expect(only({ opened: { from: '2026-11-25', to: '2026-11-28' } })).toEqual([109, 107]);
    expect(only({ opened: { from: null, to: '2026-11-20' } })).toEqual([110, 108]);
    expect(only({ due: { from: '2026-11-28', to: '2026-11-28' } })).toEqual([109]);
    expect(only({ closed: { from: '2026-10-01', to: null } })).toEqual([108]);
    expect(only({ modified: { from: '2026-11-27', to: '2026-11-27' } })).toEqual([110]);
  });

  it('leaves out tickets without the date when a date range is set', () => {
    expect(only({ due: { from: '2000-01-01', to: null } })).not.toContain(106);
  });

  it('filters overdue tickets only', () => {
    expect(only({ overdue: true })).toEqual([110]);
  });

  it('matches every word of the text in id, summary, requestor, assignee and more', () => {
    expect(only({ text: 'printer' })).toEqual([110]);
    expect(only({ text: 'ADA reset' })).toEqual([107]);
    expect(only({ text: '#109' })).toEqual([109]);
    expect(only({ text: '108' })).toEqual([108]);
    expect(only({ text: 'tess' })).toEqual([110]);
    expect(only({ text: 'vpn nothing' })).toEqual([]);
    expect(only({ text: '   ' })).toEqual([110, 109, 108, 107, 106]);
  });

  it('combines filters with AND', () => {
    expect(only({ groups: ['HELP DESK'], requestors: ['Ada Lovelace'], text: 'password' })).toEqual([107]);
    expect(only({ statuses: ['Open'], overdue: true, priorities: ['4 - Low'] })).toEqual([]);
  });

  it('compiles a predicate that can be reused', () => {
    const test = compileFilters({ ...EMPTY_FILTERS, statuses: ['Open'] }, now);
    expect(tickets.filter(test).map((t) => t.id)).toEqual([110]);
  });
});

describe('sorting', () => {
  it('sorts text case-insensitively, empty values last in both directions, ties newest first', () => {
    const asc = sortTickets(tickets, { column: 'assignee', direction: 'asc' });
    expect(ids(asc)).toEqual([109, 108, 110, 107, 106]);
    const desc = sortTickets(tickets, { column: 'assignee', direction: 'desc' });
    expect(ids(desc)).toEqual([110, 108, 109, 107, 106]);
  });

  it('sorts dates and ids numerically', () => {
    expect(ids(sortTickets(tickets, { column: 'due', direction: 'asc' }))).toEqual([108, 110, 109, 107, 106]);
    expect(ids(sortTickets(tickets, { column: 'id', direction: 'asc' }))).toEqual([106, 107, 108, 109, 110]);
  });

  it('keeps the input untouched and returns it as is without a sort', () => {
    const copy = [...tickets];
    sortTickets(tickets, { column: 'summary', direction: 'asc' });
    expect(tickets).toEqual(copy);
    expect(sortTickets(tickets, null)).toBe(tickets);
  });
});

describe('the whole pipeline', () => {
  it('applies the view, its default sort and the filters', () => {
    const state: ListState = {
      view: 'open',
      filters: { ...EMPTY_FILTERS, groups: ['HELP DESK'] },
      sort: null,
      columns: DEFAULT_COLUMNS,
    };
    expect(ids(listRows(state, tickets, byId, context))).toEqual([110, 109, 107]);
    expect(
      ids(listRows({ ...state, sort: { column: 'due', direction: 'desc' } }, tickets, byId, context)),
    ).toEqual([107, 109, 110]);
  });

  it('filters ten thousand tickets by text with the same result as a plain scan (speed: bench/ui-list.ts)', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      listTicket(10_000 - i, {
        summary: `Ticket about item ${i} printer ${i % 7}`,
        requestorName: `R ${i % 300}`,
      }),
    );
    const found = filterTickets(many, { ...EMPTY_FILTERS, text: 'printer 3 r 12' }, now);
    const terms = ['printer', '3', 'r', '12'];
    const plain = many.filter((t) => {
      const text = [`#${t.id}`, t.summary, t.requestorName, t.status].join('\n').toLowerCase();
      return terms.every((term) => text.includes(term));
    });
    expect(ids(found)).toEqual(ids(plain));
    expect(found.length).toBeGreaterThan(0);
  });
});
