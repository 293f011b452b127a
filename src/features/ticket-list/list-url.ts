import { DEFAULT_COLUMNS, isColumnKey, type ColumnKey } from './list-columns.ts';
import {
  DEFAULT_LIST_STATE,
  EMPTY_FILTERS,
  dayStart,
  isViewId,
  type DateFilterKey,
  type DateRange,
  type ListFilters,
  type ListState,
  type SortSpec,
  type ValuesFilterKey,
} from './list-model.ts';

// The list's whole state in the URL's search params, so a view can be bookmarked, sent to a colleague, and
// Back/Forward walk through it (issue 5). Readable names, one param per value for multi-valued filters:
//   ?view=open&status=Open&status=Escalated&tech=TECH1&due=2026-01-01..2026-01-31&overdue=1&q=printer
//    &sort=-due&cols=id,summary,status
// Parsing is forgiving: unknown params are ignored and a bad value drops only that part.

const valueParams: Record<ValuesFilterKey, string> = {
  statuses: 'status',
  priorities: 'priority',
  technicians: 'tech',
  groups: 'group',
  categories: 'category',
  requestors: 'requestor',
};

const dateParams: Record<DateFilterKey, string> = {
  opened: 'opened',
  due: 'due',
  closed: 'closed',
  modified: 'modified',
};

const MAX_VALUES = 50;
const MAX_TEXT = 200;

function parseValues(params: URLSearchParams, name: string): string[] {
  const seen = new Set<string>();
  for (const raw of params.getAll(name)) {
    const value = raw.trim();
    if (value !== '' && value.length <= MAX_TEXT) seen.add(value);
    if (seen.size >= MAX_VALUES) break;
  }
  return [...seen];
}

function parseRange(raw: string | null): DateRange | null {
  if (raw === null) return null;
  const [fromRaw, toRaw, ...rest] = raw.split('..');
  if (rest.length > 0 || toRaw === undefined) return null;
  const from = fromRaw && dayStart(fromRaw) !== null ? fromRaw : null;
  const to = toRaw && dayStart(toRaw) !== null ? toRaw : null;
  if (from === null && to === null) return null;
  return { from, to };
}

function parseSort(raw: string | null): SortSpec | null {
  if (raw === null) return null;
  const descending = raw.startsWith('-');
  const column = descending ? raw.slice(1) : raw;
  return isColumnKey(column) ? { column, direction: descending ? 'desc' : 'asc' } : null;
}

function parseColumns(raw: string | null): readonly ColumnKey[] {
  if (raw === null) return DEFAULT_COLUMNS;
  const columns = [...new Set(raw.split(',').map((key) => key.trim()))].filter(isColumnKey);
  return columns.length === 0 ? DEFAULT_COLUMNS : columns;
}

export function parseListState(params: URLSearchParams): ListState {
  const view = params.get('view');
  const filters: { -readonly [K in keyof ListFilters]: ListFilters[K] } = { ...EMPTY_FILTERS };
  for (const [key, name] of Object.entries(valueParams) as [ValuesFilterKey, string][])
    filters[key] = parseValues(params, name);
  for (const [key, name] of Object.entries(dateParams) as [DateFilterKey, string][])
    filters[key] = parseRange(params.get(name));
  filters.overdue = params.get('overdue') === '1';
  filters.text = (params.get('q') ?? '').slice(0, MAX_TEXT);
  return {
    view: view !== null && isViewId(view) ? view : DEFAULT_LIST_STATE.view,
    filters,
    sort: parseSort(params.get('sort')),
    columns: parseColumns(params.get('cols')),
  };
}

function sameColumns(a: readonly ColumnKey[], b: readonly ColumnKey[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** The state as search params; defaults are left out so links stay short. */
export function serializeListState(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  params.set('view', state.view);
  for (const [key, name] of Object.entries(valueParams) as [ValuesFilterKey, string][])
    for (const value of state.filters[key]) params.append(name, value);
  for (const [key, name] of Object.entries(dateParams) as [DateFilterKey, string][]) {
    const range = state.filters[key];
    if (range && (range.from !== null || range.to !== null))
      params.set(name, `${range.from ?? ''}..${range.to ?? ''}`);
  }
  if (state.filters.overdue) params.set('overdue', '1');
  if (state.filters.text !== '') params.set('q', state.filters.text);
  if (state.sort) params.set('sort', `${state.sort.direction === 'desc' ? '-' : ''}${state.sort.column}`);
  if (!sameColumns(state.columns, DEFAULT_COLUMNS)) params.set('cols', state.columns.join(','));
  return params;
}

/** `/tickets?...` for a state: what the dashboard links to. */
export function listHref(
  state: Partial<Omit<ListState, 'filters'>> & { filters?: Partial<ListFilters> },
): string {
  const full: ListState = {
    ...DEFAULT_LIST_STATE,
    ...state,
    filters: { ...EMPTY_FILTERS, ...state.filters },
  };
  return `/tickets?${serializeListState(full).toString()}`;
}
