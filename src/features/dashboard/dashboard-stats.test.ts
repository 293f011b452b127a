import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGE_BRACKETS,
  MAX_LINKED_TECHNICIANS,
  addDays,
  ageBracketOf,
  computeDashboard,
  daysBetween,
  describeCoverage,
  isOpenWork,
  isPartialCoverage,
  localDay,
  type DashboardTicket,
} from './dashboard-stats.ts';

// The browser's zone decides what "today" is. New York has a DST change inside the 30-day window used below
// (2026-11-01), and is far enough from UTC that a UTC-based day would be visibly wrong in the evening.
const previousTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = previousTz;
});

/** Local wall-clock time in the test's zone. */
function at(day: string, time = '12:00'): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, min).getTime();
}

let nextId = 1;
function ticket(over: Partial<DashboardTicket> = {}): DashboardTicket {
  return {
    id: nextId++,
    status: 'Open',
    statusType: 'open',
    priority: '3 - Medium',
    assigneeLogin: 'TECH1',
    assigneeName: 'Tess Tech',
    openedAt: null,
    dueAt: null,
    closedAt: null,
    ...over,
  };
}

const NOW = at('2026-11-20', '15:30');

describe('open work', () => {
  it('counts open and stop-the-clock status types as open and closed ones as not', () => {
    expect(isOpenWork({ statusType: 'open', closedAt: null })).toBe(true);
    expect(isOpenWork({ statusType: 'stop-the-clock', closedAt: null })).toBe(true);
    expect(isOpenWork({ statusType: 'closed', closedAt: null })).toBe(false);
  });

  it('treats an unknown status as open unless the ticket has a close date', () => {
    expect(isOpenWork({ statusType: null, closedAt: null })).toBe(true);
    expect(isOpenWork({ statusType: null, closedAt: NOW })).toBe(false);
  });

  it('trusts the vocabulary over a leftover close date', () => {
    expect(isOpenWork({ statusType: 'open', closedAt: NOW })).toBe(true);
  });

  it('leaves closed tickets out of every open-work chart', () => {
    const stats = computeDashboard(
      [
        ticket({ status: 'Closed', statusType: 'closed', closedAt: NOW, dueAt: NOW - 1 }),
        ticket({ status: 'Mystery', statusType: null, closedAt: NOW - 1000 }),
        ticket({ status: 'Paused', statusType: 'stop-the-clock' }),
        ticket({ status: 'Mystery', statusType: null }),
      ],
      { now: NOW },
    );
    expect(stats.openCount).toBe(2);
    expect(stats.byStatus.map((p) => [p.label, p.count])).toEqual([
      ['Mystery', 1],
      ['Paused', 1],
    ]);
    expect(stats.overdue.count).toBe(0);
  });
});

describe('by status and by priority', () => {
  it('follows the configured order, then the rest by count, and matches names case-insensitively', () => {
    const stats = computeDashboard(
      [
        ticket({ status: 'In Progress' }),
        ticket({ status: 'in progress' }),
        ticket({ status: 'Open' }),
        ticket({ status: 'Zeta', statusType: null }),
        ticket({ status: 'Alpha', statusType: null }),
        ticket({ status: 'Zeta', statusType: null }),
      ],
      { now: NOW, statusOrder: ['Open', 'In Progress', 'Escalated'] },
    );
    expect(stats.byStatus.map((p) => [p.label, p.count])).toEqual([
      ['Open', 1],
      ['In Progress', 2],
      ['Zeta', 2],
      ['Alpha', 1],
    ]);
    expect(stats.byStatus[1]?.target).toEqual({ kind: 'status', status: 'In Progress' });
  });

  it('shows tickets without a priority as a part without a link', () => {
    const stats = computeDashboard(
      [ticket({ priority: '2 - High' }), ticket({ priority: null }), ticket({ priority: '1 - Critical' })],
      { now: NOW, priorityOrder: ['1 - Critical', '2 - High', '3 - Medium'] },
    );
    expect(stats.byPriority).toEqual([
      {
        key: '1 - critical',
        label: '1 - Critical',
        count: 1,
        target: { kind: 'priority', priority: '1 - Critical' },
      },
      { key: '2 - high', label: '2 - High', count: 1, target: { kind: 'priority', priority: '2 - High' } },
      { key: '\u0000none', label: 'No priority', count: 1, target: null },
    ]);
  });
});

describe('by technician', () => {
  it('shows the busiest technicians, folds the rest into Others and keeps Unassigned apart', () => {
    const tickets = [
      ...Array.from({ length: 5 }, () => ticket({ assigneeLogin: 'ANNA', assigneeName: 'Anna A' })),
      ...Array.from({ length: 3 }, () => ticket({ assigneeLogin: 'bob', assigneeName: null })),
      ...Array.from({ length: 2 }, () => ticket({ assigneeLogin: 'CARL', assigneeName: 'Carl C' })),
      ticket({ assigneeLogin: 'Dina', assigneeName: 'Dina D' }),
      ticket({ assigneeLogin: 'carl', assigneeName: 'Carl C' }),
      ticket({ assigneeLogin: null, assigneeName: null }),
      ticket({ assigneeLogin: null, assigneeName: null }),
    ];
    const stats = computeDashboard(tickets, { now: NOW, topTechnicians: 2 });
    expect(stats.byTechnician.map((p) => [p.label, p.count, p.target])).toEqual([
      ['Anna A', 5, { kind: 'technicians', logins: ['ANNA'] }],
      // CARL and carl are one technician (logins are case-insensitive); 3 each, so the name decides.
      ['bob', 3, { kind: 'technicians', logins: ['bob'] }],
      ['Others (2)', 4, { kind: 'technicians', logins: ['CARL', 'Dina'] }],
      ['Unassigned', 2, { kind: 'unassigned' }],
    ]);
  });

  it('gives an Others part over more technicians than a list link can carry no link', () => {
    const tickets = Array.from({ length: MAX_LINKED_TECHNICIANS + 2 }, (_, i) =>
      ticket({ assigneeLogin: `T${i}`, assigneeName: null }),
    );
    const stats = computeDashboard(tickets, { now: NOW, topTechnicians: 1 });
    const others = stats.byTechnician.find((p) => p.key === 'others');
    expect(others?.count).toBe(MAX_LINKED_TECHNICIANS + 1);
    expect(others?.target).toBeNull();
  });
});

describe('by age', () => {
  it('counts age in calendar days in the browser zone, each bracket from its lower bound up to the next', () => {
    expect(daysBetween('2026-11-19', '2026-11-20')).toBe(1);
    expect(daysBetween('2026-10-21', '2026-11-20')).toBe(30);
    const cases: [string, string][] = [
      ['0', '0-1'],
      ['1', '1-3'],
      ['2', '1-3'],
      ['3', '3-7'],
      ['6', '3-7'],
      ['7', '7-14'],
      ['13', '7-14'],
      ['14', '14-30'],
      ['29', '14-30'],
      ['30', '30+'],
      ['400', '30+'],
      ['-2', '0-1'],
    ];
    for (const [age, key] of cases) expect(ageBracketOf(Number(age)).key, `age ${age}`).toBe(key);
  });

  it('puts a ticket opened late yesterday evening in 1-3 d and one opened this morning in 0-1 d', () => {
    const stats = computeDashboard(
      [
        ticket({ openedAt: at('2026-11-19', '23:50') }),
        ticket({ openedAt: at('2026-11-20', '00:05') }),
        // 30 days back crosses the DST change (Nov 1): still 30 calendar days, not 29 or 31.
        ticket({ openedAt: at('2026-10-21', '00:30') }),
        ticket({ openedAt: at('2026-10-22', '23:30') }),
        ticket({ openedAt: null }),
      ],
      { now: NOW },
    );
    expect(stats.byAge.map((p) => [p.label, p.count])).toEqual([
      ['0–1 d', 1],
      ['1–3 d', 1],
      ['3–7 d', 0],
      ['7–14 d', 0],
      ['14–30 d', 1],
      ['> 30 d', 1],
    ]);
    expect(stats.openWithoutOpenDate).toBe(1);
  });

  it('links each bracket to the open tickets opened in its days', () => {
    const stats = computeDashboard([], { now: NOW });
    expect(stats.byAge.map((p) => p.target)).toEqual([
      { kind: 'age', from: '2026-11-20', to: null },
      { kind: 'age', from: '2026-11-18', to: '2026-11-19' },
      { kind: 'age', from: '2026-11-14', to: '2026-11-17' },
      { kind: 'age', from: '2026-11-07', to: '2026-11-13' },
      { kind: 'age', from: '2026-10-22', to: '2026-11-06' },
      { kind: 'age', from: null, to: '2026-10-21' },
    ]);
    expect(AGE_BRACKETS).toHaveLength(6);
  });
});

describe('overdue and due today', () => {
  it('counts open work past its due date as overdue, stop-the-clock included, closed and undated not', () => {
    const stats = computeDashboard(
      [
        ticket({ dueAt: NOW - 60_000 }),
        ticket({ dueAt: NOW - 86_400_000 * 3, statusType: 'stop-the-clock', status: 'Paused' }),
        ticket({ dueAt: NOW - 60_000, statusType: 'closed', status: 'Closed', closedAt: NOW }),
        ticket({ dueAt: NOW + 60_000 }),
        ticket({ dueAt: null }),
      ],
      { now: NOW },
    );
    expect(stats.overdue).toEqual({
      key: 'overdue',
      label: 'Overdue',
      count: 2,
      target: { kind: 'overdue' },
    });
  });

  it('counts due today by the local calendar day, earlier today included, tonight included, tomorrow not', () => {
    const stats = computeDashboard(
      [
        ticket({ dueAt: at('2026-11-20', '00:00') }),
        ticket({ dueAt: at('2026-11-20', '09:00') }),
        ticket({ dueAt: at('2026-11-20', '23:59') }),
        // 23:30 on the 20th in New York is already the 21st in UTC; 20:00 on the 19th is the 20th in UTC.
        ticket({ dueAt: at('2026-11-21', '00:00') }),
        ticket({ dueAt: at('2026-11-19', '20:00') }),
      ],
      { now: NOW },
    );
    expect(stats.dueToday.count).toBe(3);
    expect(stats.dueToday.target).toEqual({ kind: 'due-today' });
    expect(stats.overdue.count).toBe(3);
  });
});

describe('opened versus closed per day', () => {
  it('has one point per day for the last 30 days, today last, with zero days kept', () => {
    const stats = computeDashboard([], { now: NOW });
    expect(stats.perDay).toHaveLength(30);
    expect(stats.perDay[0]).toEqual({ day: '2026-10-22', label: 'Oct 22', opened: 0, closed: 0 });
    expect(stats.perDay.at(-1)).toEqual({ day: '2026-11-20', label: 'Nov 20', opened: 0, closed: 0 });
    // The DST day is there once, and no day is skipped or doubled.
    const days = stats.perDay.map((p) => p.day);
    expect(new Set(days).size).toBe(30);
    expect(days).toContain('2026-11-01');
    for (let i = 1; i < days.length; i++) expect(daysBetween(days[i - 1]!, days[i]!)).toBe(1);
  });

  it('counts every ticket opened or closed on each local day, whatever its status now', () => {
    const stats = computeDashboard(
      [
        ticket({ openedAt: at('2026-11-20', '08:00') }),
        ticket({
          openedAt: at('2026-11-18', '22:00'),
          closedAt: at('2026-11-20', '01:00'),
          status: 'Closed',
          statusType: 'closed',
        }),
        ticket({ openedAt: at('2026-11-18', '10:00') }),
        // Before the window: counted nowhere.
        ticket({ openedAt: at('2026-10-21', '23:00'), closedAt: at('2026-10-21', '23:30') }),
      ],
      { now: NOW },
    );
    const byDay = new Map(stats.perDay.map((p) => [p.day, p]));
    expect(byDay.get('2026-11-20')).toMatchObject({ opened: 1, closed: 1 });
    expect(byDay.get('2026-11-18')).toMatchObject({ opened: 2, closed: 0 });
    expect(byDay.get('2026-11-19')).toMatchObject({ opened: 0, closed: 0 });
    expect(stats.openedInPeriod).toBe(3);
    expect(stats.closedInPeriod).toBe(1);
  });

  it('takes the window length from the options', () => {
    expect(computeDashboard([], { now: NOW, days: 7 }).perDay.map((p) => p.day)).toEqual([
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ]);
  });
});

describe('days', () => {
  it('runs in a zone behind UTC (so a UTC-based day would fail these tests)', () => {
    expect(new Date(at('2026-11-20', '23:30')).toISOString().slice(0, 10)).toBe('2026-11-21');
  });

  it('reads and steps days in the browser zone across a DST change', () => {
    expect(localDay(at('2026-11-01', '00:30'))).toBe('2026-11-01');
    expect(localDay(at('2026-11-01', '23:30'))).toBe('2026-11-01');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('coverage', () => {
  it('states how many tickets the numbers are based on, the newest id and when the index synced', () => {
    const coverage = {
      count: 4812,
      newestId: 5101,
      lastSyncedAt: NOW - 3 * 60_000,
      lastFullSyncAt: NOW,
      pendingIds: 0,
    };
    expect(describeCoverage(coverage, NOW)).toBe(
      'Based on 4,812 indexed tickets, newest #5,101, synced 3 min ago',
    );
    expect(isPartialCoverage(coverage)).toBe(false);
  });

  it('says so when nothing has synced yet and flags the numbers as partial', () => {
    const coverage = { count: 1, newestId: null, lastSyncedAt: null, lastFullSyncAt: null, pendingIds: 0 };
    expect(describeCoverage(coverage, NOW)).toBe('Based on 1 indexed ticket, not synced yet');
    expect(isPartialCoverage(coverage)).toBe(true);
    expect(isPartialCoverage({ ...coverage, lastFullSyncAt: NOW, pendingIds: 12 })).toBe(true);
  });
});
