import type { StatusType } from '../../config/config-schema.ts';

// The manager dashboard's numbers (issue 5, "The manager dashboard"), as pure functions over the local ticket
// index: no React, no clock of their own (`now` is passed in), so the unit tests pin every boundary.
//
// Each number comes with a `target` saying which tickets it counts, in words the ticket list understands (the
// route turns a target into a `/tickets?...` link). So that a bar and the list it opens always agree, every
// definition here is the list's: open work = status type open or stop-the-clock; an unknown status counts as
// open unless the ticket has a Close Date; days are calendar days in the browser's zone.

/** The fields the dashboard reads; the index's `IndexedTicket` has this shape (the route hands it in). */
export interface DashboardTicket {
  id: number;
  status: string | null;
  /** From config.json's vocabulary; null when the status is not in it. */
  statusType: StatusType | null;
  priority: string | null;
  assigneeLogin: string | null;
  assigneeName: string | null;
  /** Epoch milliseconds, or null. */
  openedAt: number | null;
  dueAt: number | null;
  closedAt: number | null;
}

/** Which tickets a part of a chart counts, for the route to turn into a filtered list. Days are `YYYY-MM-DD`. */
export type DashboardTarget =
  /** All open work. */
  | { kind: 'open' }
  | { kind: 'status'; status: string }
  | { kind: 'priority'; priority: string }
  /** Open tickets assigned to any of these logins. */
  | { kind: 'technicians'; logins: readonly string[] }
  | { kind: 'unassigned' }
  /** Open tickets opened on these days (inclusive; null = open-ended). */
  | { kind: 'age'; from: string | null; to: string | null }
  | { kind: 'overdue' }
  | { kind: 'due-today' }
  /** Any ticket, open or closed, opened (or closed) on that day. */
  | { kind: 'opened-on'; day: string }
  | { kind: 'closed-on'; day: string };

export interface DashboardPart {
  /** Stable, unique within its chart. */
  key: string;
  /** What the part is called on screen (server text: render as text). */
  label: string;
  count: number;
  /** Null when the list cannot show exactly these tickets (e.g. tickets without a priority). */
  target: DashboardTarget | null;
}

export interface DayPoint {
  day: string;
  /** "Nov 3" */
  label: string;
  opened: number;
  closed: number;
}

export interface DashboardStats {
  /** Open work in the index. */
  openCount: number;
  byStatus: DashboardPart[];
  byPriority: DashboardPart[];
  /** The busiest technicians, then "Others", then "Unassigned" (each only when non-zero). */
  byTechnician: DashboardPart[];
  /** Always the six brackets, youngest first. */
  byAge: DashboardPart[];
  /** Open tickets without an Open Date (in no age bracket). */
  openWithoutOpenDate: number;
  overdue: DashboardPart;
  dueToday: DashboardPart;
  /** The last `days` days, oldest first, today last; days without tickets are zero. */
  perDay: DayPoint[];
  openedInPeriod: number;
  closedInPeriod: number;
}

export interface DashboardOptions {
  now: number;
  /** Statuses in config.json's order: the status chart follows it. */
  statusOrder?: readonly string[];
  /** Priorities in config.json's order ("1 - Critical" first). */
  priorityOrder?: readonly string[];
  /** Technicians shown by name before the rest fold into "Others". Default 8. */
  topTechnicians?: number;
  /** Days in the opened-versus-closed series. Default 30. */
  days?: number;
}

/**
 * The list's URL keeps at most this many values of one filter (ticket-list/list-url.ts, MAX_VALUES); an
 * "Others" bar over more technicians than that has no link rather than a link to fewer tickets than it counts.
 */
export const MAX_LINKED_TECHNICIANS = 50;

/** Open work: open or stop-the-clock; an unknown status is open unless the ticket has a Close Date. */
export function isOpenWork(ticket: Pick<DashboardTicket, 'statusType' | 'closedAt'>): boolean {
  if (ticket.statusType !== null) return ticket.statusType !== 'closed';
  return ticket.closedAt === null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` of an instant in the browser's zone. */
export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parseDay(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

/** Local midnight at the start of a `YYYY-MM-DD` day (epoch ms). */
export function dayStartMs(day: string): number {
  const [y, m, d] = parseDay(day);
  return new Date(y, m - 1, d).getTime();
}

/** The day `n` calendar days after (negative: before) a day; by the calendar, so DST changes cannot shift it. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parseDay(day);
  const date = new Date(Date.UTC(y, m - 1, d + n));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parseDay(from);
  const [ty, tm, td] = parseDay(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/** Open work whose due date has passed; stop-the-clock tickets count too (the list's Overdue view). */
export function isOverdue(ticket: DashboardTicket, now: number): boolean {
  return isOpenWork(ticket) && ticket.dueAt !== null && ticket.dueAt < now;
}

/** Open work due on today's calendar day in the browser's zone, earlier today included (the Due today view). */
export function isDueToday(ticket: DashboardTicket, now: number): boolean {
  return isOpenWork(ticket) && ticket.dueAt !== null && localDay(ticket.dueAt) === localDay(now);
}

export interface AgeBracket {
  key: string;
  label: string;
  /** Whole calendar days since the Open Date: min inclusive, max exclusive (null = no upper bound). */
  minDays: number;
  maxDays: number | null;
}

/**
 * Age is counted in calendar days (today = 0, yesterday = 1), not in hours, so that a bracket is exactly a range
 * of Open Dates and its link (`opened=from..to` on the list) shows the same tickets the bar counts.
 */
export const AGE_BRACKETS: readonly AgeBracket[] = [
  { key: '0-1', label: '0–1 d', minDays: 0, maxDays: 1 },
  { key: '1-3', label: '1–3 d', minDays: 1, maxDays: 3 },
  { key: '3-7', label: '3–7 d', minDays: 3, maxDays: 7 },
  { key: '7-14', label: '7–14 d', minDays: 7, maxDays: 14 },
  { key: '14-30', label: '14–30 d', minDays: 14, maxDays: 30 },
  { key: '30+', label: '> 30 d', minDays: 30, maxDays: null },
];

/** The bracket of an age in days; ages below zero (an Open Date after today: clocks differ) are the youngest. */
export function ageBracketOf(ageDays: number): AgeBracket {
  const found = AGE_BRACKETS.find((b) => ageDays >= b.minDays && (b.maxDays === null || ageDays < b.maxDays));
  return found ?? AGE_BRACKETS[0]!;
}

/** The Open Dates of a bracket as a day range; the youngest is open-ended upward (see ageBracketOf). */
export function ageBracketRange(
  bracket: AgeBracket,
  today: string,
): { from: string | null; to: string | null } {
  return {
    from: bracket.maxDays === null ? null : addDays(today, -(bracket.maxDays - 1)),
    to: bracket.minDays === 0 ? null : addDays(today, -bracket.minDays),
  };
}

const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

function dayLabel(day: string): string {
  const [y, m, d] = parseDay(day);
  return shortDate.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Case-insensitive buckets that keep the first spelling seen (or the vocabulary's). */
class Buckets {
  private readonly entries = new Map<string, { label: string; count: number }>();

  add(value: string): void {
    const key = value.toLowerCase();
    const entry = this.entries.get(key);
    if (entry) entry.count++;
    else this.entries.set(key, { label: value, count: 1 });
  }

  /** In the given order first (with its spelling), then the rest by count, then by name. */
  ordered(order: readonly string[]): { label: string; count: number }[] {
    const result: { label: string; count: number }[] = [];
    const used = new Set<string>();
    for (const name of order) {
      const key = name.trim().toLowerCase();
      const entry = this.entries.get(key);
      if (!entry || used.has(key)) continue;
      used.add(key);
      result.push({ label: name.trim(), count: entry.count });
    }
    const rest = [...this.entries].filter(([key]) => !used.has(key)).map(([, entry]) => entry);
    rest.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return [...result, ...rest];
  }
}

function valueParts(
  buckets: Buckets,
  order: readonly string[],
  missing: number,
  missingLabel: string,
  target: (value: string) => DashboardTarget,
): DashboardPart[] {
  const parts: DashboardPart[] = buckets.ordered(order).map(({ label, count }) => ({
    key: label.toLowerCase(),
    label,
    count,
    target: target(label),
  }));
  // The list cannot filter on "no value" for these fields, so this part is shown without a link.
  if (missing > 0) parts.push({ key: '\u0000none', label: missingLabel, count: missing, target: null });
  return parts;
}

function technicianParts(open: readonly DashboardTicket[], top: number): DashboardPart[] {
  const byLogin = new Map<string, { login: string; name: string | null; count: number }>();
  let unassigned = 0;
  for (const ticket of open) {
    if (ticket.assigneeLogin === null) {
      unassigned++;
      continue;
    }
    const key = ticket.assigneeLogin.toLowerCase();
    const entry = byLogin.get(key);
    if (entry) {
      entry.count++;
      entry.name ??= ticket.assigneeName;
    } else byLogin.set(key, { login: ticket.assigneeLogin, name: ticket.assigneeName, count: 1 });
  }
  const ranked = [...byLogin.values()].sort(
    (a, b) => b.count - a.count || (a.name ?? a.login).localeCompare(b.name ?? b.login),
  );
  const shown = ranked.slice(0, Math.max(0, top));
  const others = ranked.slice(shown.length);
  const parts: DashboardPart[] = shown.map((t) => ({
    key: `tech:${t.login.toLowerCase()}`,
    label: t.name ?? t.login,
    count: t.count,
    target: { kind: 'technicians', logins: [t.login] },
  }));
  if (others.length > 0) {
    parts.push({
      key: 'others',
      label: `Others (${others.length})`,
      count: others.reduce((sum, t) => sum + t.count, 0),
      target:
        others.length <= MAX_LINKED_TECHNICIANS
          ? { kind: 'technicians', logins: others.map((t) => t.login) }
          : null,
    });
  }
  if (unassigned > 0)
    parts.push({ key: 'unassigned', label: 'Unassigned', count: unassigned, target: { kind: 'unassigned' } });
  return parts;
}

/** Every number on the dashboard, in one pass over the index (ten thousand tickets: a few milliseconds). */
export function computeDashboard(
  tickets: readonly DashboardTicket[],
  options: DashboardOptions,
): DashboardStats {
  const { now, statusOrder = [], priorityOrder = [], topTechnicians = 8, days = 30 } = options;
  const today = localDay(now);
  // Local midnights, computed once: starts[k] = the start of the day k days ago (starts[0] = today's), from the
  // calendar so DST days keep their 23 or 25 hours. Each ticket is then placed by comparing numbers: turning
  // ten thousand timestamps into local days (Date in the browser's zone) costs a few hundred milliseconds.
  const span = Math.max(
    days,
    AGE_BRACKETS.reduce((max, b) => Math.max(max, b.maxDays ?? b.minDays), 0),
  );
  const starts: number[] = [];
  for (let k = 0; k <= span; k++) starts.push(dayStartMs(addDays(today, -k)));
  const tomorrowStart = dayStartMs(addDays(today, 1));
  const windowStart = starts[days - 1] ?? tomorrowStart;
  const perDay: DayPoint[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(today, -(days - 1 - i));
    perDay.push({ day, label: dayLabel(day), opened: 0, closed: 0 });
  }
  /** How many days ago an instant inside the window was (0 = today); -1 outside it. */
  const daysAgo = (at: number): number => {
    if (at < windowStart || at >= tomorrowStart) return -1;
    let k = 0;
    while ((starts[k] ?? -Infinity) > at) k++;
    return k;
  };
  // An Open Date at or after starts[maxDays - 1] is younger than maxDays calendar days.
  const bracketFloors = AGE_BRACKETS.map((b) =>
    b.maxDays === null ? -Infinity : (starts[b.maxDays - 1] ?? -Infinity),
  );

  const open: DashboardTicket[] = [];
  const statuses = new Buckets();
  const priorities = new Buckets();
  let noStatus = 0;
  let noPriority = 0;
  let overdue = 0;
  let dueToday = 0;
  let withoutOpenDate = 0;
  const ageCounts = AGE_BRACKETS.map(() => 0);

  for (const ticket of tickets) {
    // Opened and closed per day count every ticket, open or closed now.
    if (ticket.openedAt !== null) {
      const k = daysAgo(ticket.openedAt);
      if (k >= 0) perDay[days - 1 - k]!.opened++;
    }
    if (ticket.closedAt !== null) {
      const k = daysAgo(ticket.closedAt);
      if (k >= 0) perDay[days - 1 - k]!.closed++;
    }
    if (!isOpenWork(ticket)) continue;
    open.push(ticket);
    if (ticket.status === null) noStatus++;
    else statuses.add(ticket.status);
    if (ticket.priority === null) noPriority++;
    else priorities.add(ticket.priority);
    if (ticket.dueAt !== null) {
      if (ticket.dueAt < now) overdue++;
      if (ticket.dueAt >= (starts[0] ?? 0) && ticket.dueAt < tomorrowStart) dueToday++;
    }
    if (ticket.openedAt === null) withoutOpenDate++;
    else {
      const opened = ticket.openedAt;
      const index = bracketFloors.findIndex((floor) => opened >= floor);
      ageCounts[index < 0 ? ageCounts.length - 1 : index]!++;
    }
  }

  return {
    openCount: open.length,
    byStatus: valueParts(statuses, statusOrder, noStatus, 'No status', (status) => ({
      kind: 'status',
      status,
    })),
    byPriority: valueParts(priorities, priorityOrder, noPriority, 'No priority', (priority) => ({
      kind: 'priority',
      priority,
    })),
    byTechnician: technicianParts(open, topTechnicians),
    byAge: AGE_BRACKETS.map((bracket, i) => ({
      key: bracket.key,
      label: bracket.label,
      count: ageCounts[i] ?? 0,
      target: { kind: 'age', ...ageBracketRange(bracket, today) },
    })),
    openWithoutOpenDate: withoutOpenDate,
    overdue: { key: 'overdue', label: 'Overdue', count: overdue, target: { kind: 'overdue' } },
    dueToday: { key: 'due-today', label: 'Due today', count: dueToday, target: { kind: 'due-today' } },
    perDay,
    openedInPeriod: perDay.reduce((sum, p) => sum + p.opened, 0),
    closedInPeriod: perDay.reduce((sum, p) => sum + p.closed, 0),
  };
}

const numbers = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return numbers.format(n);
}

/** "just now", "3 min ago", "2 h ago", "4 days ago"; "never" without a time. */
export function formatAgo(at: number | null, now: number): string {
  if (at === null) return 'never';
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

/** What the dashboard knows of the index's coverage; the index's `IndexStats` has this shape. */
export interface DashboardCoverage {
  count: number;
  newestId: number | null;
  lastSyncedAt: number | null;
  /** Null until the background sync has walked every id once. */
  lastFullSyncAt: number | null;
  /** Ids the sync still has to read. */
  pendingIds: number;
}

/** "Based on 4,812 indexed tickets, newest #5,101, synced 3 min ago" */
export function describeCoverage(coverage: DashboardCoverage, now: number): string {
  const parts = [
    `Based on ${formatCount(coverage.count)} indexed ${coverage.count === 1 ? 'ticket' : 'tickets'}`,
  ];
  if (coverage.newestId !== null) parts.push(`newest #${formatCount(coverage.newestId)}`);
  parts.push(
    coverage.lastSyncedAt === null ? 'not synced yet' : `synced ${formatAgo(coverage.lastSyncedAt, now)}`,
  );
  return parts.join(', ');
}

/** Whether the numbers may still grow: the sync has not yet read every ticket id. */
export function isPartialCoverage(coverage: DashboardCoverage): boolean {
  return coverage.lastFullSyncAt === null || coverage.pendingIds > 0;
}
