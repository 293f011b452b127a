import type { FieldMap } from '../../api/field-map.ts';
import type { MissingKind, MissingTicket } from './index-db.ts';
import type { TicketIndex } from './index-snapshot.ts';
import { isOpenTicket, toIndexedTicket, type IndexedTicket, type StatusTypeOf } from './indexed-ticket.ts';
import type { FetchTicket, VisibilitySource } from './sync-engine.ts';

// Freshness without push or ETags (product.md, "Freshness comes from polling open and pinned tickets' Last
// Modified"): open and pinned tickets are re-read, stalest first, a few per pass; a changed Last Modified updates
// the index and, through onChanged, every view of the ticket (the app calls queryClient.setQueryData).

export interface PickStaleOptions {
  now: number;
  /** Pinned tickets are re-read even when closed or not indexed yet (read src/features/tickets: the app passes them). */
  pinnedIds: readonly number[];
  budget: number;
  /** Tickets read more recently than this are fresh enough. */
  minAgeMs: number;
}

/** Ids to re-read: open and pinned tickets, least recently read first, at most `budget`. */
export function pickStale(
  index: Pick<TicketIndex, 'get' | 'getSnapshot'>,
  options: PickStaleOptions,
): number[] {
  const cutoff = options.now - options.minAgeMs;
  const candidates = new Map<number, number>();
  for (const ticket of index.getSnapshot().tickets) {
    if (!isOpenTicket(ticket)) continue;
    // The snapshot's fetchedAt may lag a content-identical re-read; the live record knows.
    const fetchedAt = index.get(ticket.id)?.fetchedAt ?? ticket.fetchedAt;
    if (fetchedAt <= cutoff) candidates.set(ticket.id, fetchedAt);
  }
  for (const id of options.pinnedIds) {
    const fetchedAt = index.get(id)?.fetchedAt ?? Number.NEGATIVE_INFINITY;
    if (fetchedAt <= cutoff) candidates.set(id, fetchedAt);
  }
  return [...candidates.entries()]
    .sort((a, b) => a[1] - b[1] || b[0] - a[0])
    .slice(0, Math.max(0, options.budget))
    .map(([id]) => id);
}

export interface FreshnessPassOptions extends PickStaleOptions {
  index: TicketIndex;
  fetchTicket: FetchTicket;
  /** Requests at once. Default 2. */
  concurrency?: number;
  statusTypeOf?: StatusTypeOf;
  signal?: AbortSignal;
  /** A ticket whose Last Modified changed (or that was not indexed): update its views. */
  onChanged?: (id: number, ticket: FieldMap) => void;
  /** A ticket that now answers 404/403. */
  onGone?: (id: number, kind: MissingKind) => void;
}

export interface FreshnessResult {
  checked: number[];
  changed: number[];
  gone: number[];
  failed: number[];
}

/** One pass: picks the stalest open and pinned tickets and re-reads them within the budget. */
export async function runFreshnessPass(options: FreshnessPassOptions): Promise<FreshnessResult> {
  const ids = pickStale(options.index, options);
  const result: FreshnessResult = { checked: [], changed: [], gone: [], failed: [] };
  const signal = options.signal ?? new AbortController().signal;
  const queue = [...ids];
  const put: IndexedTicket[] = [];
  const missing: MissingTicket[] = [];
  const changedMaps: [number, FieldMap][] = [];

  async function worker(): Promise<void> {
    for (let id = queue.shift(); id !== undefined && !signal.aborted; id = queue.shift()) {
      try {
        const outcome = await options.fetchTicket(id, signal);
        result.checked.push(id);
        if (outcome.kind === 'missing') {
          if (options.index.get(id) || !options.index.getMissing(id)) {
            missing.push({ id, kind: outcome.reason, checkedAt: options.now });
            result.gone.push(id);
          }
          continue;
        }
        const ticket = toIndexedTicket(outcome.ticket, {
          fetchedAt: options.now,
          source: 'ticket',
          ...(options.statusTypeOf ? { statusTypeOf: options.statusTypeOf } : {}),
        });
        if (!ticket) continue;
        const before = options.index.get(ticket.id);
        put.push(ticket);
        if (!before || before.lastModifiedRaw !== ticket.lastModifiedRaw) {
          result.changed.push(ticket.id);
          changedMaps.push([ticket.id, outcome.ticket]);
        }
      } catch {
        // A failed re-read is tried again on a later pass; the sync engine owns back-off for bulk reads.
        result.failed.push(id);
      }
    }
  }

  const workers = Math.max(1, Math.min(options.concurrency ?? 2, queue.length));
  await Promise.all(Array.from({ length: workers }, () => worker()));
  if (put.length > 0 || missing.length > 0) await options.index.apply({ put, missing });
  for (const [id, map] of changedMaps) options.onChanged?.(id, map);
  for (const id of result.gone) options.onGone?.(id, missing.find((m) => m.id === id)?.kind ?? 'not-found');
  return result;
}

export interface FreshnessLoopOptions {
  intervalMs: number;
  visibility: VisibilitySource;
  /** One pass; the loop never runs two at once. */
  runPass: (signal: AbortSignal) => Promise<unknown>;
  /** Window focus events (default: window 'focus'). */
  subscribeFocus?: (listener: () => void) => () => void;
}

export interface FreshnessLoop {
  /** Runs a pass now unless one is running or the tab is hidden. */
  trigger(): void;
  stop(): void;
}

function windowFocus(listener: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('focus', listener);
  return () => window.removeEventListener('focus', listener);
}

/** Runs passes on an interval and when the window regains focus or the tab shows again; none while hidden. */
export function startFreshnessLoop(options: FreshnessLoopOptions): FreshnessLoop {
  const abort = new AbortController();
  let running = false;
  let stopped = false;

  function trigger(): void {
    if (stopped || running || !options.visibility.isVisible()) return;
    running = true;
    void options
      .runPass(abort.signal)
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }

  const timer = setInterval(trigger, Math.max(1000, options.intervalMs));
  const unsubscribeFocus = (options.subscribeFocus ?? windowFocus)(trigger);
  const unsubscribeVisibility = options.visibility.subscribe(() => {
    if (options.visibility.isVisible()) trigger();
  });
  return {
    trigger,
    stop() {
      stopped = true;
      abort.abort();
      clearInterval(timer);
      unsubscribeFocus();
      unsubscribeVisibility();
    },
  };
}
