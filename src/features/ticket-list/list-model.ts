import { isOpenListTicket as isOpenTicket, type ListTicket } from './list-ticket.ts';
import { DEFAULT_COLUMNS, listColumns, type ColumnKey } from './list-columns.ts';

// The list's state and what it means, as plain data and pure functions (no React), so that the list screen,
// the URL (list-url.ts) and the dashboard share one model: a built-in view, filters on top of it, a sort and
// the visible columns. Every filter is an AND; the values inside one filter are an OR.

export const VIEW_IDS = [
  'mine',
  'unassigned',
  'open',
  'overdue',
  'due-today',
  'recent',
  'pinned',
  'all',
] as const;

export type ViewId = (typeof VIEW_IDS)[number];

export function isViewId(value: string): value is ViewId {
  return (VIEW_IDS as readonly string[]).includes(value);
}

/** Inclusive calendar days in the browser's zone, `YYYY-MM-DD`; a missing side is open. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

/** The technician filter's value for "nobody". */
export const UNASSIGNED = '-';

export interface ListFilters {
  statuses: readonly string[];
  priorities: readonly string[];
  /** Assignee logins; UNASSIGNED for tickets without one. */
  technicians: readonly string[];
  groups: readonly string[];
  categories: readonly string[];
  requestors: readonly string[];
  opened: DateRange | null;
  due: DateRange | null;
  closed: DateRange | null;
  modified: DateRange | null;
  overdue: boolean;
  /** Words that must all appear in the id, summary, requestor, assignee, status, priority, category or group. */
  text: string;
}

export type DateFilterKey = 'opened' | 'due' | 'closed' | 'modified';
export type ValuesFilterKey =
  'statuses' | 'priorities' | 'technicians' | 'groups' | 'categories' | 'requestors';

export interface SortSpec {
  column: ColumnKey;
  direction: 'asc' | 'desc';
}

export interface ListState {
  view: ViewId;
  filters: ListFilters;
  /** Null = the view's own order. */
  sort: SortSpec | null;
  columns: readonly ColumnKey[];
}

export const EMPTY_FILTERS: ListFilters = {
  statuses: [],
  priorities: [],
  technicians: [],
  groups: [],
  categories: [],
  requestors: [],
  opened: null,
  due: null,
  closed: null,
  modified: null,
  overdue: false,
  text: '',
};

export const DEFAULT_VIEW: ViewId = 'mine';

export const DEFAULT_LIST_STATE: ListState = {
  view: DEFAULT_VIEW,
  filters: EMPTY_FILTERS,
  sort: null,
  columns: DEFAULT_COLUMNS,
};

/** What the views need to know that the index does not: who is signed in, the browser's lists, the time. */
export interface ViewContext {
  /** The signed-in technician's login. */
  me: string | null;
  /** Most recent first (features/tickets/recent-tickets.ts, passed in by the route). */
  recentIds: readonly number[];
  pinnedIds: readonly number[];
  now: number;
}

export interface ViewDefinition {
  id: ViewId;
  label: string;
  /** The order when the state has no sort; null = the order of the view's own ids (recent, pinned). */
  defaultSort: SortSpec | null;
}

export const builtInViews: Readonly<Record<ViewId, ViewDefinition>> = {
  mine: { id: 'mine', label: 'My open tickets', defaultSort: { column: 'due', direction: 'asc' } },
  unassigned: { id: 'unassigned', label: 'Unassigned', defaultSort: { column: 'opened', direction: 'asc' } },
  open: { id: 'open', label: 'All open', defaultSort: { column: 'id', direction: 'desc' } },
  overdue: { id: 'overdue', label: 'Overdue', defaultSort: { column: 'due', direction: 'asc' } },
  'due-today': { id: 'due-today', label: 'Due today', defaultSort: { column: 'due', direction: 'asc' } },
  recent: { id: 'recent', label: 'Recently viewed', defaultSort: null },
  pinned: { id: 'pinned', label: 'Pinned', defaultSort: null },
  all: { id: 'all', label: 'All indexed', defaultSort: { column: 'id', direction: 'desc' } },
};

/** Midnight (local) of a `YYYY-MM-DD` day, or null when it is not a real day. */
export function dayStart(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(year, month - 1, date);
  if (value.getFullYear() !== year || value.getMonth() !== month - 1 || value.getDate() !== date) return null;
  return value.getTime();
}

/** The next local midnight after a day (DST-safe: built from the calendar, not by adding 24 h). */
function dayEnd(day: string): number | null {
  const start = dayStart(day);
  if (start === null) return null;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next.getTime();
}

/** `YYYY-MM-DD` of an instant in the browser's zone. */
export function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Open work (not closed) whose due date has passed. Stop-the-clock tickets count: their due date still passed. */
export function isOverdue(ticket: ListTicket, now: number): boolean {
  return isOpenTicket(ticket) && ticket.dueAt !== null && ticket.dueAt < now;
}

export function isDueToday(ticket: ListTicket, now: number): boolean {
  if (!isOpenTicket(ticket) || ticket.dueAt === null) return false;
  const today = localDay(now);
  return ticket.dueAt >= (dayStart(today) ?? 0) && ticket.dueAt < (dayEnd(today) ?? 0);
}

/** The tickets a view starts from, before filters. Recent and pinned keep their own order. */
export function viewTickets(
  view: ViewId,
  tickets: readonly ListTicket[],
  byId: ReadonlyMap<number, ListTicket>,
  context: ViewContext,
): readonly ListTicket[] {
  const me = context.me?.toLowerCase() ?? null;
  switch (view) {
    case 'mine':
      return tickets.filter((t) => me !== null && t.assigneeLogin?.toLowerCase() === me && isOpenTicket(t));
    case 'unassigned':
      return tickets.filter((t) => t.assigneeLogin === null && isOpenTicket(t));
    case 'open':
      return tickets.filter((t) => isOpenTicket(t));
    case 'overdue':
      return tickets.filter((t) => isOverdue(t, context.now));
    case 'due-today':
      return tickets.filter((t) => isDueToday(t, context.now));
    case 'recent':
      return context.recentIds.flatMap((id) => byId.get(id) ?? []);
    case 'pinned':
      return context.pinnedIds.flatMap((id) => byId.get(id) ?? []);
    case 'all':
      return tickets;
  }
}

// Lower-cased text to search, made once per ticket record: records are immutable and replaced when they change,
// so a WeakMap keyed by the record is never stale and costs nothing for tickets that did not change.
const searchTexts = new WeakMap<ListTicket, string>();

export function searchTextOf(ticket: ListTicket): string {
  let text = searchTexts.get(ticket);
  if (text === undefined) {
    text = [
      `#${ticket.id}`,
      ticket.summary,
      ticket.requestorName,
      ticket.assigneeName,
      ticket.assigneeLogin,
      ticket.status,
      ticket.priority,
      ticket.category,
      ticket.group,
    ]
      .filter((part) => part !== null)
      .join('\n')
      .toLowerCase();
    searchTexts.set(ticket, text);
  }
  return text;
}

/** The words of a text filter, lower-cased; `#123` and `123` both find ticket 123. */
export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== '' && term !== '#');
}

function valueSet(values: readonly string[]): Set<string> | null {
  return values.length === 0 ? null : new Set(values.map((v) => v.trim().toLowerCase()));
}

function inSet(set: Set<string> | null, value: string | null): boolean {
  return set === null || (value !== null && set.has(value.toLowerCase()));
}

function rangeTest(range: DateRange | null): ((at: number | null) => boolean) | null {
  if (range === null) return null;
  const from = range.from === null ? null : dayStart(range.from);
  const to = range.to === null ? null : dayEnd(range.to);
  if (from === null && to === null) return null;
  return (at) => at !== null && (from === null || at >= from) && (to === null || at < to);
}

/** One predicate for all filters, with their sets and bounds built once. */
export function compileFilters(filters: ListFilters, now: number): (ticket: ListTicket) => boolean {
  const statuses = valueSet(filters.statuses);
  const priorities = valueSet(filters.priorities);
  const technicians = valueSet(filters.technicians);
  const groups = valueSet(filters.groups);
  const categories = valueSet(filters.categories);
  const requestors = valueSet(filters.requestors);
  const opened = rangeTest(filters.opened);
  const due = rangeTest(filters.due);
  const closed = rangeTest(filters.closed);
  const modified = rangeTest(filters.modified);
  const terms = searchTerms(filters.text).map((term) => (term.startsWith('#') ? term.slice(1) : term));
  const overdue = filters.overdue;
  return (t) =>
    inSet(statuses, t.status) &&
    inSet(priorities, t.priority) &&
    (technicians === null || technicians.has((t.assigneeLogin ?? UNASSIGNED).toLowerCase())) &&
    inSet(groups, t.group) &&
    inSet(categories, t.category) &&
    inSet(requestors, t.requestorName) &&
    (opened === null || opened(t.openedAt)) &&
    (due === null || due(t.dueAt)) &&
    (closed === null || closed(t.closedAt)) &&
    (modified === null || modified(t.lastModifiedAt)) &&
    (!overdue || isOverdue(t, now)) &&
    (terms.length === 0 || matchesTerms(searchTextOf(t), terms));
}

function matchesTerms(text: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!text.includes(term)) return false;
  return true;
}

export function filterTickets(
  tickets: readonly ListTicket[],
  filters: ListFilters,
  now: number,
): readonly ListTicket[] {
  if (isEmptyFilters(filters)) return tickets;
  return tickets.filter(compileFilters(filters, now));
}

export function isEmptyFilters(filters: ListFilters): boolean {
  return (
    filters.statuses.length === 0 &&
    filters.priorities.length === 0 &&
    filters.technicians.length === 0 &&
    filters.groups.length === 0 &&
    filters.categories.length === 0 &&
    filters.requestors.length === 0 &&
    filters.opened === null &&
    filters.due === null &&
    filters.closed === null &&
    filters.modified === null &&
    !filters.overdue &&
    searchTerms(filters.text).length === 0
  );
}

type SortKey = string | number | null;

function sortKeyOf(column: ColumnKey, ticket: ListTicket): SortKey {
  const value = listColumns[column].value(ticket);
  if (value === null) return null;
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * Sorted by one column, empty values last in either direction, ties newest id first. Keys are computed once
 * per ticket (decorate, sort, undecorate) so ten thousand tickets sort in a few milliseconds.
 */
export function sortTickets(tickets: readonly ListTicket[], sort: SortSpec | null): readonly ListTicket[] {
  if (sort === null) return tickets;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const decorated = tickets.map((ticket) => ({ ticket, key: sortKeyOf(sort.column, ticket) }));
  decorated.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
    } else if (a.key < b.key) return -sign;
    else if (a.key > b.key) return sign;
    return b.ticket.id - a.ticket.id;
  });
  return decorated.map((entry) => entry.ticket);
}

/** The sort in effect: the state's, else the view's own. */
export function effectiveSort(state: Pick<ListState, 'view' | 'sort'>): SortSpec | null {
  return state.sort ?? builtInViews[state.view].defaultSort;
}

/** The whole pipeline in one call (the screen memoises the steps separately: see use-list-rows.ts). */
export function listRows(
  state: ListState,
  tickets: readonly ListTicket[],
  byId: ReadonlyMap<number, ListTicket>,
  context: ViewContext,
): readonly ListTicket[] {
  const base = viewTickets(state.view, tickets, byId, context);
  return filterTickets(sortTickets(base, effectiveSort(state)), state.filters, context.now);
}
