import {
  Button,
  Checkbox,
  CloseButton,
  Group,
  Loader,
  Modal,
  Popover,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import {
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useApiClient } from '../../api/api-context.ts';
import { ticketQueries } from '../../api/queries.ts';
import { useConfig } from '../../config/config-context.ts';
import { deferredComponent } from '../../ui/deferred.ts';
import { SearchIcon } from '../../ui/icons.tsx';
import { BulkActions } from './bulk-actions.tsx';
import { COLUMN_KEYS, listColumns, type ColumnKey } from './list-columns.ts';
import { csvFileName, downloadCsv, toCsv } from './list-csv.ts';
import type { FilterOption, FilterOptions } from './list-filters.tsx';
import {
  builtInViews,
  effectiveSort,
  isEmptyFilters,
  UNASSIGNED,
  VIEW_IDS,
  type ListFilters,
  type ListState,
  type SortSpec,
  type ViewId,
} from './list-model.ts';
import type { ListSource, ListTicket } from './list-ticket.ts';
import { parseListState, serializeListState } from './list-url.ts';
import { useSavedViews } from './saved-views.ts';
import { pickerOptions, type SeenLookups } from './seen-lookups.ts';
import { TicketTable } from './ticket-table.tsx';
import { useListRows, useMinuteClock } from './use-list-rows.ts';

// The filters panel (date pickers, multi-selects, their styles: about 21 kB gzip of JavaScript and 4 kB of CSS)
// is fetched when it is first opened, not with every list (issue 6 budgets).
const ListFiltersPanel = deferredComponent(async () => (await import('./list-filters.tsx')).ListFiltersPanel);

/**
 * What the list hands the detail route in the router state when it opens a ticket: the index's copy of the
 * header fields, to show at once while the full ticket loads (`location.state.listTicket`).
 */
export interface ListTicketHint {
  id: number;
  summary: string | null;
  status: string | null;
  priority: string | null;
  assigneeName: string | null;
  dueAt: number | null;
  lastModifiedAt: number | null;
}

export const LIST_TICKET_STATE_KEY = 'listTicket';

function hintOf(ticket: ListTicket): ListTicketHint {
  return {
    id: ticket.id,
    summary: ticket.summary,
    status: ticket.status,
    priority: ticket.priority,
    assigneeName: ticket.assigneeName ?? ticket.assigneeLogin,
    dueAt: ticket.dueAt,
    lastModifiedAt: ticket.lastModifiedAt,
  };
}

// Where each visited list was scrolled to, by history entry, so Back from a ticket lands on the same row.
const scrollMemory = new Map<string, { offset: number; activeId: number | null }>();

export interface TicketListScreenProps {
  source: ListSource;
  /** False until the index has loaded from this browser's storage. */
  loaded: boolean;
  /** The index's status line (count, newest id, last sync, progress and Pause). */
  indexStatus: ReactNode;
  /** The signed-in technician's login ("My open tickets"). */
  me: string | null;
  /** Key for this technician's saved views (group\login). */
  owner: string | null;
  recentIds: readonly number[];
  pinnedIds: readonly number[];
  /** Lookup values seen on indexed tickets. */
  seen: SeenLookups;
}

const TEXT_URL_DELAY_MS = 300;

export function TicketListScreen({
  source,
  loaded,
  indexStatus,
  me,
  owner,
  recentIds,
  pinnedIds,
  seen,
}: TicketListScreenProps) {
  const config = useConfig();
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const state = useMemo(() => parseListState(new URLSearchParams(search)), [search]);
  const compact = useMediaQuery('(max-width: 40em)') ?? false;
  const now = useMinuteClock();

  // The text box filters at once from local state; the URL follows a moment later (history.replaceState is
  // rate-limited by browsers, and a keystroke must not wait for the router).
  const [text, setText] = useState(state.filters.text);
  const written = useRef(state.filters.text);
  useEffect(() => {
    if (state.filters.text !== written.current) {
      written.current = state.filters.text;
      setText(state.filters.text);
    }
  }, [state.filters.text]);
  const deferredText = useDeferredValue(text);

  // The latest state asked for, ahead of the router: navigations render in a transition, so two quick changes
  // (a click on a header while the text is still on its way to the URL) must build on each other, not on the
  // last render.
  const stateRef = useRef(state);
  const renderedSearch = useRef(search);
  if (renderedSearch.current !== search) {
    renderedSearch.current = search;
    stateRef.current = state;
  }
  const setState = useCallback(
    (next: ListState, replace = false) => {
      written.current = next.filters.text;
      stateRef.current = next;
      setParams(serializeListState(next), { replace });
    },
    [setParams],
  );
  useEffect(() => {
    if (text === stateRef.current.filters.text) return undefined;
    const timer = setTimeout(() => {
      const current = stateRef.current;
      setState({ ...current, filters: { ...current.filters, text } }, true);
    }, TEXT_URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, setState]);

  const filters: ListFilters = useMemo(
    () => ({ ...state.filters, text: deferredText }),
    [state.filters, deferredText],
  );
  const context = useMemo(() => ({ me, recentIds, pinnedIds, now }), [me, recentIds, pinnedIds, now]);
  const { rows, viewCount } = useListRows({ snapshot: source, state, filters, context });
  useEffect(() => {
    performance.mark('ticket-list:rows-committed');
  }, [rows]);

  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  const toggle = useCallback((id: number) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const toggleAll = useCallback(
    (select: boolean) => setSelected(select ? new Set(rows.map((t) => t.id)) : new Set()),
    [rows],
  );
  const selectedInOrder = useMemo(
    () => rows.filter((t) => selected.has(t.id)).map((t) => t.id),
    [rows, selected],
  );

  const [filtersOpen, setFiltersOpen] = useState(() => !isEmptyFilters({ ...state.filters, text: '' }));
  const saved = useSavedViews(owner);
  const [saveOpen, setSaveOpen] = useState(false);
  const [saveName, setSaveName] = useState('');

  const sort = effectiveSort(state);
  const onSort = useCallback(
    (column: ColumnKey) => {
      const current = effectiveSort(stateRef.current);
      const next: SortSpec =
        current?.column === column
          ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: listColumns[column].kind === 'date' || column === 'id' ? 'desc' : 'asc' };
      setState({ ...stateRef.current, sort: next });
    },
    [setState],
  );

  const openTicket = useCallback(
    (ticket: ListTicket) => {
      void navigate(`/tickets/${ticket.id}`, { state: { [LIST_TICKET_STATE_KEY]: hintOf(ticket) } });
    },
    [navigate],
  );
  const prefetch = useCallback(
    (ticket: ListTicket) => {
      void queryClient.prefetchQuery(ticketQueries.detail(client, ticket.id));
    },
    [queryClient, client],
  );

  const vocabulary = config.vocabulary;
  const options: FilterOptions = useMemo(() => {
    const simple = (values: readonly string[]): FilterOption[] =>
      values.map((value) => ({ value, label: value }));
    const names = new Map(vocabulary.technicians.map((t) => [t.login.toLowerCase(), t.name]));
    const logins = pickerOptions(
      vocabulary.technicians.map((t) => t.login),
      seen.get('technician'),
    );
    return {
      statuses: simple(
        pickerOptions(
          vocabulary.statuses.map((s) => s.name),
          seen.get('status'),
        ),
      ),
      priorities: simple(pickerOptions(vocabulary.priorities, seen.get('priority'))),
      technicians: [
        { value: UNASSIGNED, label: 'Unassigned' },
        ...logins.map((login) => {
          const name = names.get(login.toLowerCase());
          return { value: login, label: name ? `${name} (${login})` : login };
        }),
      ],
      groups: simple(pickerOptions(vocabulary.groups, seen.get('group'))),
      categories: simple(pickerOptions(vocabulary.categories, seen.get('category'))),
      requestors: simple(pickerOptions([], seen.get('requestor'))),
    };
  }, [vocabulary, seen]);

  const activeSaved = saved.views.find((view) => view.search === search) ?? null;
  const title = activeSaved?.name ?? builtInViews[state.view].label;
  const closedStatus =
    vocabulary.statuses.find((s) => s.isDefaultClosed)?.name ??
    vocabulary.statuses.find((s) => s.type === 'closed')?.name ??
    null;

  // The columns as last asked for, ahead of the URL; they follow the URL when it changes (back, a saved view).
  const [shownColumns, setShownColumns] = useState<readonly ColumnKey[]>(state.columns);
  const [urlColumns, setUrlColumns] = useState(state.columns.join());
  if (urlColumns !== state.columns.join()) {
    setUrlColumns(state.columns.join());
    setShownColumns(state.columns);
  }
  const setView = (view: ViewId) => {
    setSelected(new Set());
    setText('');
    setState({ ...stateRef.current, view, filters: { ...stateRef.current.filters, text: '' }, sort: null });
  };
  const setColumns = (columns: ColumnKey[]) => {
    const ordered = [
      ...stateRef.current.columns.filter((key) => columns.includes(key)),
      ...columns.filter((key) => !stateRef.current.columns.includes(key)),
    ];
    if (ordered.length === 0) return;
    // The URL (and so `state`) changes in a navigation transition; the checkboxes show the choice at once.
    setShownColumns(ordered);
    setState({ ...stateRef.current, columns: ordered });
  };
  const exportCsv = () => {
    downloadCsv(toCsv(rows, state.columns), csvFileName(title, new Date()));
  };
  const saveView = () => {
    const current = serializeListState({
      ...stateRef.current,
      filters: { ...stateRef.current.filters, text },
    }).toString();
    saved.save({ name: saveName, search: current });
    setSaveOpen(false);
    setSaveName('');
    void navigate({ search: current }, { replace: true });
  };

  const sortValue = sort ? `${sort.column}:${sort.direction}` : null;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="xs" wrap="wrap">
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          {title}
        </Title>
        <div style={{ minWidth: 0, flex: '1 1 18rem', maxWidth: '40rem' }}>{indexStatus}</div>
      </Group>

      <nav aria-label="Ticket views">
        <Group gap={6} wrap="wrap">
          {VIEW_IDS.map((view) => {
            const current = state.view === view && activeSaved === null;
            return (
              <Button
                key={view}
                size="compact-sm"
                variant={current ? 'filled' : 'default'}
                aria-current={current ? 'page' : undefined}
                onClick={() => setView(view)}
              >
                {builtInViews[view].label}
              </Button>
            );
          })}
          {saved.views.map((view) => {
            const current = activeSaved?.name === view.name;
            return (
              <Group key={view.name} gap={0} wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant={current ? 'filled' : 'light'}
                  aria-current={current ? 'page' : undefined}
                  onClick={() => {
                    setSelected(new Set());
                    void navigate({ search: view.search });
                  }}
                >
                  {view.name}
                </Button>
                <CloseButton
                  size="sm"
                  aria-label={`Delete saved view ${view.name}`}
                  onClick={() => saved.remove(view.name)}
                />
              </Group>
            );
          })}
        </Group>
      </nav>

      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput
          aria-label="Filter tickets by text"
          placeholder="Filter: id, summary, requestor…"
          leftSection={<SearchIcon size={16} />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setText('');
          }}
          style={{ flex: '1 1 14rem', minWidth: 0 }}
          size="sm"
          type="search"
        />
        <Button
          size="sm"
          variant={filtersOpen ? 'light' : 'default'}
          aria-expanded={filtersOpen}
          aria-controls="ticket-list-filters"
          onClick={() => setFiltersOpen((open) => !open)}
        >
          Filters{isEmptyFilters({ ...state.filters, text: '' }) ? '' : ' (on)'}
        </Button>
        {compact ? (
          <Select
            size="sm"
            aria-label="Sort by"
            w="11rem"
            value={sortValue}
            data={COLUMN_KEYS.flatMap((key) => [
              { value: `${key}:asc`, label: `${listColumns[key].label} ↑` },
              { value: `${key}:desc`, label: `${listColumns[key].label} ↓` },
            ])}
            onChange={(value) => {
              if (!value) return;
              const [column, direction] = value.split(':') as [ColumnKey, 'asc' | 'desc'];
              setState({ ...stateRef.current, sort: { column, direction } });
            }}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Popover position="bottom-end" withinPortal shadow="md">
            <Popover.Target>
              <Button size="sm" variant="default">
                Columns
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Checkbox.Group
                label="Visible columns"
                value={[...shownColumns]}
                onChange={(values) => setColumns(values as ColumnKey[])}
              >
                <Stack gap={6} mt="xs">
                  {COLUMN_KEYS.map((key) => (
                    <Checkbox key={key} value={key} label={listColumns[key].label} size="xs" />
                  ))}
                </Stack>
              </Checkbox.Group>
            </Popover.Dropdown>
          </Popover>
        )}
        <Button size="sm" variant="default" onClick={() => setSaveOpen(true)}>
          Save view…
        </Button>
        <Button size="sm" variant="default" onClick={exportCsv} disabled={rows.length === 0}>
          Export CSV
        </Button>
      </Group>

      {filtersOpen ? (
        <div id="ticket-list-filters">
          <Suspense fallback={<Loader size="sm" role="status" aria-label="Loading the filters" />}>
            <ListFiltersPanel.Component
              filters={state.filters}
              options={options}
              onChange={(next) => setState({ ...stateRef.current, filters: { ...next, text } })}
            />
          </Suspense>
        </div>
      ) : null}

      <Group justify="space-between" gap="xs" wrap="wrap" mih={30}>
        <Text size="sm" c="dimmed" role="status" data-testid="ticket-list-count">
          {loaded
            ? rows.length === viewCount
              ? `${rows.length.toLocaleString('en-US')} ${rows.length === 1 ? 'ticket' : 'tickets'}`
              : `${rows.length.toLocaleString('en-US')} of ${viewCount.toLocaleString('en-US')} tickets`
            : 'Loading the ticket index…'}
        </Text>
        <BulkActions
          ids={selectedInOrder}
          statuses={options.statuses.map((o) => o.value)}
          technicians={options.technicians.filter((o) => o.value !== UNASSIGNED)}
          closedStatus={closedStatus}
          onFinished={(failed) => setSelected(new Set(failed))}
          onClearSelection={() => setSelected(new Set())}
        />
      </Group>

      {loaded && rows.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="xl">
          {viewCount === 0
            ? `No indexed tickets in “${builtInViews[state.view].label}”. The sync may not have reached them yet.`
            : 'No tickets match these filters.'}
        </Text>
      ) : null}
      <TicketTable
        key={compact ? 'compact' : 'table'}
        rows={rows}
        columns={state.columns}
        sort={sort}
        onSort={onSort}
        selected={selected}
        onToggle={toggle}
        onToggleAll={toggleAll}
        compact={compact}
        onOpen={openTicket}
        onPrefetch={prefetch}
        now={now}
        label={`${title}: tickets`}
        initialScroll={scrollMemory.get(location.key)}
        onScrollSaved={(saved) => scrollMemory.set(location.key, saved)}
      />

      <Modal opened={saveOpen} onClose={() => setSaveOpen(false)} title="Save this view">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (saveName.trim() !== '') saveView();
          }}
        >
          <Stack gap="sm">
            <TextInput
              label="Name"
              description="Saved in this browser for you. The address of the page is the view too: bookmark it or send it."
              value={saveName}
              onChange={(event) => setSaveName(event.currentTarget.value)}
              data-autofocus
              maxLength={60}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSaveOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={saveName.trim() === ''}>
                Save view
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
