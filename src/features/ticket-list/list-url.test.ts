import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMNS } from './list-columns.ts';
import { DEFAULT_LIST_STATE, EMPTY_FILTERS, type ListState } from './list-model.ts';
import { listHref, parseListState, serializeListState } from './list-url.ts';

const full: ListState = {
  view: 'overdue',
  filters: {
    statuses: ['Open', 'Waiting on Requestor'],
    priorities: ['1 - Critical'],
    technicians: ['TECH1', '-'],
    groups: ['HELP DESK'],
    categories: ['Hardware\\Printers', 'a,b & c'],
    requestors: ['Ada Lovelace'],
    opened: { from: '2026-01-01', to: '2026-01-31' },
    due: { from: null, to: '2026-12-31' },
    closed: { from: '2025-02-28', to: null },
    modified: { from: '2026-11-28', to: '2026-11-28' },
    overdue: true,
    text: 'printer #12 "quoted" =1+1',
  },
  sort: { column: 'due', direction: 'desc' },
  columns: ['id', 'summary', 'requestor', 'closed', 'inactive'],
};

function roundTrip(state: ListState): ListState {
  return parseListState(new URLSearchParams(serializeListState(state).toString()));
}

describe('list state in the URL', () => {
  it('reads back every part of the state it wrote', () => {
    expect(roundTrip(full)).toEqual(full);
    expect(roundTrip(DEFAULT_LIST_STATE)).toEqual(DEFAULT_LIST_STATE);
    expect(
      roundTrip({ ...DEFAULT_LIST_STATE, view: 'recent', sort: { column: 'id', direction: 'asc' } }),
    ).toEqual({
      ...DEFAULT_LIST_STATE,
      view: 'recent',
      sort: { column: 'id', direction: 'asc' },
    });
  });

  it('writes short, readable links and leaves defaults out', () => {
    expect(serializeListState(DEFAULT_LIST_STATE).toString()).toBe('view=mine');
    expect(listHref({ view: 'open', filters: { statuses: ['Escalated'] } })).toBe(
      '/tickets?view=open&status=Escalated',
    );
    expect(serializeListState(full).get('sort')).toBe('-due');
    expect(serializeListState(full).get('due')).toBe('..2026-12-31');
  });

  it('ignores unknown params', () => {
    const state = parseListState(new URLSearchParams('view=open&utm_source=mail&page=3&status=Open'));
    expect(state).toEqual({
      ...DEFAULT_LIST_STATE,
      view: 'open',
      filters: { ...EMPTY_FILTERS, statuses: ['Open'] },
    });
  });

  it('tolerates garbage: a bad part falls back on its default, the rest stands', () => {
    const state = parseListState(
      new URLSearchParams(
        'view=<script>&status=&status=Open&status=Open&opened=2026-02-30..2026-03-01&due=yesterday&closed=..&modified=1..2..3' +
          '&overdue=yes&sort=-nonsense&cols=bogus,,id,id&priority=%20%20',
      ),
    );
    expect(state.view).toBe(DEFAULT_LIST_STATE.view);
    expect(state.filters.statuses).toEqual(['Open']);
    expect(state.filters.priorities).toEqual([]);
    expect(state.filters.opened).toEqual({ from: null, to: '2026-03-01' });
    expect(state.filters.due).toBeNull();
    expect(state.filters.closed).toBeNull();
    expect(state.filters.modified).toBeNull();
    expect(state.filters.overdue).toBe(false);
    expect(state.sort).toBeNull();
    expect(state.columns).toEqual(['id']);
    expect(parseListState(new URLSearchParams('cols=,,,')).columns).toEqual(DEFAULT_COLUMNS);
  });

  it('caps very long text', () => {
    const state = parseListState(new URLSearchParams({ q: 'x'.repeat(5000) }));
    expect(state.filters.text).toHaveLength(200);
  });
});
