import { useEffect, useMemo, useState } from 'react';
import type { ListSource, ListTicket } from './list-ticket.ts';
import {
  effectiveSort,
  filterTickets,
  sortTickets,
  viewTickets,
  type ListFilters,
  type ListState,
  type ViewContext,
} from './list-model.ts';

// Ten thousand tickets filtered as one types (issue 5): the pipeline is view -> sort -> filter, each step
// memoised on what it depends on. The view and the sort change only with the index version, the view or the
// sort, so a keystroke in the text box re-runs the filter alone (a linear pass over pre-lowered text) and never
// re-sorts. Filtering a sorted list keeps its order.

/** A clock for "overdue" and "due today": one tick a minute is enough and keeps the memos stable between ticks. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export interface ListRowsInput {
  snapshot: ListSource;
  state: Pick<ListState, 'view' | 'sort'>;
  filters: ListFilters;
  context: ViewContext;
}

export function useListRows({ snapshot, state, filters, context }: ListRowsInput): {
  rows: readonly ListTicket[];
  viewCount: number;
} {
  const { tickets, byId } = snapshot;
  const { me, recentIds, pinnedIds, now } = context;
  const base = useMemo(
    () => viewTickets(state.view, tickets, byId, { me, recentIds, pinnedIds, now }),
    [state.view, tickets, byId, me, recentIds, pinnedIds, now],
  );
  const sort = effectiveSort(state);
  const sortKey = sort ? `${sort.column}:${sort.direction}` : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the sort's value, not its object
  const sorted = useMemo(() => sortTickets(base, sort), [base, sortKey]);
  const filtersKey = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the filters' value, not their object
  const rows = useMemo(() => filterTickets(sorted, filters, now), [sorted, filtersKey, now]);
  return { rows, viewCount: base.length };
}
