import { Checkbox, Text, VisuallyHidden } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useMemo,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useHref } from 'react-router';
import { formatCell, listColumns, type ColumnKey } from './list-columns.ts';
import { isOverdue, type SortSpec } from './list-model.ts';
import type { ListTicket } from './list-ticket.ts';
import classes from './ticket-list.module.css';

// The virtualized ticket table (issue 5): only the rows in sight (plus a small overscan) are in the DOM, so ten
// thousand tickets scroll smoothly with well under 60 row elements. Rows are keyed by ticket id, the selection
// is a set of ids, and the first visible ticket stays in place when the data under the list changes (a sync
// adding tickets above it, a ticket changing status). One tab stop: the active row (roving tabindex); j/k or
// the arrow keys move it, Enter opens, Space selects.

const HEADER_HEIGHT = 41;
const ROW_HEIGHT = 40;
const COMPACT_ROW_HEIGHT = 60;
const OVERSCAN = 5;
const CHECK_WIDTH = 44;

export interface TicketTableProps {
  rows: readonly ListTicket[];
  columns: readonly ColumnKey[];
  /** The sort in effect (for aria-sort). */
  sort: SortSpec | null;
  onSort: (column: ColumnKey) => void;
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
  onToggleAll: (select: boolean) => void;
  /** Phone: one compact row per ticket (id, summary, status, assignee). */
  compact: boolean;
  onOpen: (ticket: ListTicket) => void;
  onPrefetch: (ticket: ListTicket) => void;
  now: number;
  label: string;
  /** Where the list was scrolled to when it was last left (Back from a ticket). */
  initialScroll?: { offset: number; activeId: number | null } | undefined;
  onScrollSaved?: (state: { offset: number; activeId: number | null }) => void;
}

function gridTemplate(columns: readonly ColumnKey[]): string {
  return [
    `${CHECK_WIDTH}px`,
    ...columns.map((key) =>
      key === 'summary' ? `minmax(${listColumns.summary.width}px, 1fr)` : `${listColumns[key].width}px`,
    ),
  ].join(' ');
}

function minWidth(columns: readonly ColumnKey[]): number {
  return CHECK_WIDTH + columns.reduce((sum, key) => sum + listColumns[key].width, 0);
}

function ariaSort(sort: SortSpec | null, column: ColumnKey): 'ascending' | 'descending' | 'none' {
  if (!sort || sort.column !== column) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
    target.closest('[role="dialog"], [role="listbox"], [role="menu"]') !== null
  );
}

/** The id as a real link (open in a new tab, copy the address); a plain click is the row's. */
function IdLink({ id, base }: { id: number; base: string }) {
  return (
    <a
      href={`${base}/${id}`}
      tabIndex={-1}
      className={classes.idLink}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey) event.stopPropagation();
        else event.preventDefault();
      }}
    >
      #{id}
    </a>
  );
}

interface RowProps {
  base: string;
  ticket: ListTicket;
  index: number;
  start: number;
  columns: readonly ColumnKey[];
  template: string;
  compact: boolean;
  active: boolean;
  selected: boolean;
  overdue: boolean;
  onToggle: (id: number) => void;
  onOpen: (ticket: ListTicket) => void;
  onFocusRow: (ticket: ListTicket) => void;
  onHover: (ticket: ListTicket | null) => void;
  height: number;
}

const TicketRow = memo(function TicketRow({
  base,
  ticket,
  index,
  start,
  columns,
  template,
  compact,
  active,
  selected,
  overdue,
  onToggle,
  onOpen,
  onFocusRow,
  onHover,
  height,
}: RowProps) {
  const summary = ticket.summary ?? 'No summary';
  const check = (
    <div role="cell" className={classes.checkCell} onClick={(event) => event.stopPropagation()}>
      <Checkbox
        size="xs"
        tabIndex={-1}
        checked={selected}
        onChange={() => onToggle(ticket.id)}
        aria-label={`Select ticket ${ticket.id}`}
      />
    </div>
  );
  const className = [
    classes.bodyRow,
    compact ? classes.compact : classes.row,
    active ? classes.active : '',
    selected ? classes.selected : '',
  ].join(' ');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-row-id={ticket.id}
      tabIndex={active ? 0 : -1}
      className={className}
      style={{
        transform: `translateY(${start}px)`,
        height,
        ...(compact ? {} : { gridTemplateColumns: template }),
      }}
      onClick={() => onOpen(ticket)}
      onFocus={() => onFocusRow(ticket)}
      onMouseEnter={() => onHover(ticket)}
      onMouseLeave={() => onHover(null)}
    >
      {check}
      {compact ? (
        <div role="cell" className={classes.compactLines}>
          <span className={classes.compactTop}>
            <IdLink id={ticket.id} base={base} />
            <span>{ticket.status ?? ''}</span>
            <span>{ticket.assigneeName ?? ticket.assigneeLogin ?? 'Unassigned'}</span>
          </span>
          <span className={classes.compactSummary} dir="auto">
            {summary}
          </span>
        </div>
      ) : (
        columns.map((key) => {
          if (key === 'id')
            return (
              <div role="cell" key={key} className={classes.cell}>
                <IdLink id={ticket.id} base={base} />
              </div>
            );
          const text = formatCell(listColumns[key], ticket);
          return (
            <div
              role="cell"
              key={key}
              className={`${classes.cell} ${key === 'due' && overdue ? classes.overdue : ''}`}
              dir={key === 'summary' ? 'auto' : undefined}
              title={key === 'summary' ? text : undefined}
            >
              {key === 'summary' ? summary : text}
              {key === 'due' && overdue ? <VisuallyHidden component="span"> (overdue)</VisuallyHidden> : null}
            </div>
          );
        })
      )}
    </div>
  );
});

export function TicketTable({
  rows,
  columns,
  sort,
  onSort,
  selected,
  onToggle,
  onToggleAll,
  compact,
  onOpen,
  onPrefetch,
  now,
  label,
  initialScroll,
  onScrollSaved,
}: TicketTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const base = useHref('/tickets');
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT;
  const [activeId, setActiveId] = useState<number | null>(initialScroll?.activeId ?? null);
  const focusAfterScroll = useRef<number | null>(null);
  const hoverTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    initialOffset: initialScroll?.offset ?? 0,
    // jsdom and the first paint: assume a screenful until the element is measured.
    initialRect: { width: 1024, height: 600 },
  });

  useEffect(() => {
    virtualizer.measure();
  }, [rowHeight, virtualizer]);

  // Keep the first visible ticket where it was when rows come and go above it (stable by id, not by index).
  const anchor = useRef<{ id: number; delta: number } | null>(null);
  const recordAnchor = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const top = element.scrollTop;
    const index = Math.max(0, Math.floor(top / rowHeight));
    const ticket = rows[index];
    anchor.current =
      top > 0 && ticket ? { id: ticket.id, delta: top - (HEADER_HEIGHT + index * rowHeight) } : null;
  }, [rows, rowHeight]);
  const previousRows = useRef(rows);
  useLayoutEffect(() => {
    if (previousRows.current === rows) return;
    previousRows.current = rows;
    const element = scrollRef.current;
    const kept = anchor.current;
    if (!element || !kept) return;
    const index = rows.findIndex((ticket) => ticket.id === kept.id);
    if (index >= 0) element.scrollTop = HEADER_HEIGHT + index * rowHeight + kept.delta;
  }, [rows, rowHeight]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        recordAnchor();
      });
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [recordAnchor]);

  // Leaving the list (opening a ticket) keeps where it was, so Back returns to the same place.
  const saveRef = useRef(onScrollSaved);
  saveRef.current = onScrollSaved;
  const activeRef = useRef(activeId);
  activeRef.current = activeId;
  useEffect(() => {
    const element = scrollRef.current;
    return () => saveRef.current?.({ offset: element?.scrollTop ?? 0, activeId: activeRef.current });
  }, []);

  const focusRow = useCallback((id: number) => {
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-row-id="${id}"]`);
    if (element) {
      element.focus({ preventScroll: true });
      focusAfterScroll.current = null;
    } else focusAfterScroll.current = id;
  }, []);

  const items = virtualizer.getVirtualItems();
  useEffect(() => {
    if (focusAfterScroll.current !== null) focusRow(focusAfterScroll.current);
  });

  const moveTo = useCallback(
    (index: number) => {
      const ticket = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (!ticket) return;
      setActiveId(ticket.id);
      virtualizer.scrollToIndex(rows.indexOf(ticket), { align: 'auto' });
      focusAfterScroll.current = ticket.id;
      requestAnimationFrame(() => focusRow(ticket.id));
    },
    [rows, virtualizer, focusRow],
  );

  const activeIndex = activeId === null ? -1 : rows.findIndex((t) => t.id === activeId);

  // j/k anywhere on the list screen (not while typing), like the arrow keys inside the table.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target))
        return;
      if (scrollRef.current?.contains(event.target as Node)) return;
      if (event.key === 'j' || event.key === 'k') {
        event.preventDefault();
        moveTo(activeIndex < 0 ? 0 : activeIndex + (event.key === 'j' ? 1 : -1));
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [moveTo, activeIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / rowHeight) - 1);
    const moves: Record<string, number> = {
      j: 1,
      ArrowDown: 1,
      k: -1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      event.preventDefault();
      moveTo(activeIndex < 0 ? 0 : activeIndex + move);
      return;
    }
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveTo(event.key === 'Home' ? 0 : rows.length - 1);
      return;
    }
    const ticket = activeIndex >= 0 ? rows[activeIndex] : undefined;
    if (!ticket || !(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'row')
      return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen(ticket);
    } else if (event.key === ' ' || event.key === 'x') {
      event.preventDefault();
      onToggle(ticket.id);
    }
  };

  const onFocusRow = useCallback(
    (ticket: ListTicket) => {
      setActiveId(ticket.id);
      onPrefetch(ticket);
    },
    [onPrefetch],
  );
  const onHover = useCallback(
    (ticket: ListTicket | null) => {
      if (hoverTimer.current) clearTimeout(hoverTimer.current);
      hoverTimer.current = null;
      // A short delay: the pointer crossing rows on its way elsewhere fetches nothing.
      if (ticket) hoverTimer.current = setTimeout(() => onPrefetch(ticket), 150);
    },
    [onPrefetch],
  );
  useEffect(
    () => () => {
      if (hoverTimer.current) clearTimeout(hoverTimer.current);
    },
    [],
  );

  const template = gridTemplate(columns);
  // Not per scroll frame: only when the rows or the selection change.
  const { allSelected, someSelected } = useMemo(() => {
    const all = rows.length > 0 && selected.size >= rows.length && rows.every((t) => selected.has(t.id));
    return {
      allSelected: all,
      someSelected: !all && selected.size > 0 && rows.some((t) => selected.has(t.id)),
    };
  }, [rows, selected]);
  // The first row is the tab stop until one is chosen.
  const tabStopId = activeIndex >= 0 ? activeId : (rows[0]?.id ?? null);

  return (
    <div ref={scrollRef} className={classes.scroll} onKeyDown={onKeyDown} data-testid="ticket-list-scroll">
      <div
        role="table"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        className={classes.table}
        style={{ height: virtualizer.getTotalSize(), minWidth: compact ? undefined : minWidth(columns) }}
      >
        <div role="rowgroup" className={classes.header}>
          <div
            role="row"
            aria-rowindex={1}
            className={classes.row}
            style={{
              gridTemplateColumns: compact ? `40px minmax(0, 1fr)` : template,
              height: HEADER_HEIGHT - 1,
            }}
          >
            <div role="columnheader" className={`${classes.headerCell} ${classes.checkCell}`}>
              <Checkbox
                size="xs"
                checked={allSelected}
                indeterminate={someSelected}
                disabled={rows.length === 0}
                onChange={(event) => onToggleAll(event.currentTarget.checked)}
                aria-label={`Select all ${rows.length} tickets in this view`}
              />
            </div>
            {compact ? (
              <div
                role="columnheader"
                className={classes.headerCell}
                aria-sort={sort ? ariaSort(sort, sort.column) : 'none'}
              >
                <Text size="sm" fw={650} px={4}>
                  Ticket
                </Text>
              </div>
            ) : (
              columns.map((key) => {
                const state = ariaSort(sort, key);
                return (
                  <div role="columnheader" key={key} aria-sort={state} className={classes.headerCell}>
                    <button type="button" className={classes.sortButton} onClick={() => onSort(key)}>
                      {listColumns[key].label}
                      <span aria-hidden="true">
                        {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : ''}
                      </span>
                    </button>
                  </div>
                );
              })
            )}
          </div>
        </div>
        <div role="rowgroup">
          {items.map((item) => {
            const ticket = rows[item.index];
            if (!ticket) return null;
            return (
              <TicketRow
                base={base}
                key={ticket.id}
                ticket={ticket}
                index={item.index}
                start={item.start}
                columns={columns}
                template={template}
                compact={compact}
                active={ticket.id === tabStopId}
                selected={selected.has(ticket.id)}
                overdue={isOverdue(ticket, now)}
                onToggle={onToggle}
                onOpen={onOpen}
                onFocusRow={onFocusRow}
                onHover={onHover}
                height={rowHeight}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
