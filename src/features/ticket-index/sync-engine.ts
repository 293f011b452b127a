import type { FieldMap } from '../../api/field-map.ts';
import { pendingIdCount, type TicketIndex } from './index-snapshot.ts';
import type { IdRange, MissingKind, MissingTicket, SyncMeta } from './index-db.ts';
import { toIndexedTicket, type IndexedTicket, type StatusTypeOf } from './indexed-ticket.ts';

// The background sync of the local ticket index (issue 5), as a pure core: the network (`fetchTicket`), the
// index, the clock, the scheduler and the page's visibility are injected, so unit tests run it without timers
// or a server. The WebApi has no list endpoint (product.md, "What the API gives and lacks"), so the sync
//  1. probes for the newest ticket id: upward from the highest known id with growing steps (+1, +2, +4, ...),
//     a miss confirmed by a few ids beyond it (deleted tickets leave gaps: decisions.md, "unknown or deleted
//     id ... 404"), then narrows by binary search;
//  2. walks ids downward in batches at a bounded concurrency with a pause between batches, never while paused
//     or while the tab is hidden, keeping its cursor in the index's meta so it resumes after a reload;
//  3. remembers 404/403 as not visible (data segregation answers like "not found", decisions.md, Errors) and
//     does not ask again for a day;
//  4. backs off exponentially on errors (5xx, network); a 401 is the API client's and session's business.
// Once every id down to the floor is covered it only probes for new ids and re-checks old misses, gently.

export type FetchOutcome = { kind: 'found'; ticket: FieldMap } | { kind: 'missing'; reason: MissingKind };

/** Reads one ticket. Resolves 'missing' for 404/403 (and 400, which some servers send for unknown ids); throws
 * for anything that may pass (network, 5xx, malformed). */
export type FetchTicket = (id: number, signal: AbortSignal) => Promise<FetchOutcome>;

export interface SyncClock {
  now(): number;
}

export interface SyncScheduler {
  /** Waits `ms`; resolves early (never rejects) when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface VisibilitySource {
  isVisible(): boolean;
  subscribe(listener: () => void): () => void;
}

export interface SyncSettings {
  /** Requests in flight at once (config.json sync.concurrency). */
  concurrency: number;
  /** Pause between batches (config.json sync.batchDelayMs). */
  batchDelayMs: number;
  /** How often to probe for new ids once covered (config.json sync.refreshIntervalSeconds × 1000). */
  idleIntervalMs: number;
  /** Ids per batch. Default 4 × concurrency. */
  batchSize?: number;
  /** Ids after a miss that must miss too before it counts as the end, at least. Default 5 (grows when many ids
   * are not visible to the technician). */
  gapTolerance?: number;
  /** A remembered 404/403 is asked again after this long. Default one day. */
  missingRecheckMs?: number;
  /** Missing ids re-checked per pass once covered. Default = batchSize. */
  missingRecheckBudget?: number;
  /** First back-off; doubles per consecutive failure up to maxBackoffMs. Defaults 2 s and 5 min. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A ticket that fails this often with a server error (not a network error) is recorded and skipped. Default 3. */
  maxAttemptsPerId?: number;
  /** Once covered, every id is walked again after this long, so that closed tickets changed elsewhere (reopened,
   * reassigned, deleted) do not stay stale: freshness re-reads only open and pinned ones. Default one day. */
  fullResyncMs?: number;
  /** The lowest id walked. Default 1. */
  floorId?: number;
  /** The highest id the cold-start probe tries before concluding that nothing is visible. Default 2^24. */
  probeCeiling?: number;
}

export type SyncPhase =
  'starting' | 'probing' | 'walking' | 'rechecking' | 'idle' | 'backing-off' | 'stopped';

export interface SyncProgress {
  phase: SyncPhase;
  /** Paused by the technician. */
  paused: boolean;
  /** The tab is hidden: no requests until it shows again. */
  hidden: boolean;
  /** Ids of the current walk done and in all (both 0 when nothing is being walked). */
  done: number;
  total: number;
  /** Ids per second over the last half minute; null before there is enough to tell. */
  ratePerSecond: number | null;
  secondsLeft: number | null;
  newestId: number | null;
  /** Requests sent by this engine since it started. */
  requests: number;
  lastError: string | null;
  /** When the next try after an error is due (epoch ms). */
  retryAt: number | null;
}

export interface SyncEngine {
  getProgress(): SyncProgress;
  subscribe(listener: () => void): () => void;
  pause(): void;
  resume(): void;
  /** Wakes an idle or backing-off engine to probe at once. */
  syncNow(): void;
  /** One pass: probe if due, walk until nothing is pending, re-check old misses. Tests drive this. */
  runPass(options?: { forceProbe?: boolean }): Promise<void>;
  /** Runs passes forever, sleeping idleIntervalMs between them, until stop(). */
  start(): void;
  stop(): Promise<void>;
}

export interface SyncEngineOptions {
  index: TicketIndex;
  fetchTicket: FetchTicket;
  settings: SyncSettings;
  clock?: SyncClock;
  scheduler?: SyncScheduler;
  visibility?: VisibilitySource;
  statusTypeOf?: StatusTypeOf;
  /** Jitter source for back-off (tests pass a constant). */
  random?: () => number;
  /** Called with each failure (for logging). */
  onError?: (error: unknown) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const RATE_WINDOW_MS = 30_000;
/** Ids read one by one when doubling found nothing. */
const COLD_SCAN_IDS = 256;

export const realClock: SyncClock = { now: () => Date.now() };

export const realScheduler: SyncScheduler = {
  sleep(ms, signal) {
    return new Promise((resolve) => {
      if (signal.aborted) {
        resolve();
        return;
      }
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    });
  },
};

/** The page's visibility (document.visibilityState); always visible outside a browser. */
export function documentVisibility(): VisibilitySource {
  if (typeof document === 'undefined') return { isVisible: () => true, subscribe: () => () => undefined };
  return {
    isVisible: () => document.visibilityState !== 'hidden',
    subscribe(listener) {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}

class TransientFailure extends Error {
  constructor(
    readonly id: number,
    readonly failure: unknown,
  ) {
    super(`ticket ${id}: ${failure instanceof Error ? failure.message : String(failure)}`);
  }
}

type Attempt = { id: number; outcome: FetchOutcome } | { id: number; error: unknown };

function isNetworkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const status = (error as { status?: unknown }).status;
  const kind = (error as { kind?: unknown }).kind;
  return kind === 'network' || kind === 'unauthorized' || status === 0;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { index, fetchTicket } = options;
  const clock = options.clock ?? realClock;
  const scheduler = options.scheduler ?? realScheduler;
  const visibility = options.visibility ?? documentVisibility();
  const random = options.random ?? Math.random;
  const concurrency = Math.max(1, Math.floor(options.settings.concurrency));
  const settings = {
    batchDelayMs: Math.max(0, options.settings.batchDelayMs),
    idleIntervalMs: Math.max(1000, options.settings.idleIntervalMs),
    batchSize: Math.max(1, options.settings.batchSize ?? concurrency * 4),
    gapTolerance: Math.max(0, options.settings.gapTolerance ?? 5),
    missingRecheckMs: options.settings.missingRecheckMs ?? DAY_MS,
    baseBackoffMs: options.settings.baseBackoffMs ?? 2000,
    maxBackoffMs: options.settings.maxBackoffMs ?? 5 * 60_000,
    maxAttemptsPerId: options.settings.maxAttemptsPerId ?? 3,
    floorId: Math.max(1, options.settings.floorId ?? 1),
    fullResyncMs: options.settings.fullResyncMs ?? DAY_MS,
    probeCeiling: options.settings.probeCeiling ?? 2 ** 24,
  };
  const missingRecheckBudget = options.settings.missingRecheckBudget ?? settings.batchSize;

  const abort = new AbortController();
  const listeners = new Set<() => void>();
  let stopped = false;
  let paused = false;
  let hidden = !visibility.isVisible();
  let phase: SyncPhase = 'starting';
  let requests = 0;
  let inFlight = 0;
  let lastError: string | null = null;
  let retryAt: number | null = null;
  let failures = 0;
  const attemptsById = new Map<number, number>();
  const completions: { at: number; count: number }[] = [];
  let gateWaiters: (() => void)[] = [];
  let slotWaiters: (() => void)[] = [];
  let wake: AbortController | null = null;
  let loop: Promise<void> | null = null;
  let progress: SyncProgress | null = null;
  let lastProbeWindow = Number.POSITIVE_INFINITY;

  const unsubscribeVisibility = visibility.subscribe(() => {
    hidden = !visibility.isVisible();
    openGate();
    notify();
  });

  function notify(): void {
    progress = null;
    for (const listener of [...listeners]) listener();
  }

  function openGate(): void {
    const waiting = gateWaiters;
    gateWaiters = [];
    for (const resolve of waiting) resolve();
  }

  function runnable(): boolean {
    return stopped || (!paused && !hidden);
  }

  async function gate(): Promise<void> {
    while (!runnable()) await new Promise<void>((resolve) => gateWaiters.push(resolve));
  }

  async function acquireSlot(): Promise<void> {
    for (;;) {
      await gate();
      if (inFlight < concurrency) {
        inFlight += 1;
        return;
      }
      await new Promise<void>((resolve) => slotWaiters.push(resolve));
    }
  }

  function releaseSlot(): void {
    inFlight -= 1;
    const waiting = slotWaiters;
    slotWaiters = [];
    for (const resolve of waiting) resolve();
  }

  /** One request under the concurrency bound, never started while paused or hidden. */
  async function attempt(id: number): Promise<Attempt> {
    await acquireSlot();
    if (stopped) {
      releaseSlot();
      return { id, error: new Error('stopped') };
    }
    requests += 1;
    try {
      return { id, outcome: await fetchTicket(id, abort.signal) };
    } catch (error) {
      return { id, error };
    } finally {
      releaseSlot();
    }
  }

  function toTicket(map: FieldMap, fetchedAt: number): IndexedTicket | null {
    const ticket = toIndexedTicket(map, {
      fetchedAt,
      source: 'ticket',
      ...(options.statusTypeOf ? { statusTypeOf: options.statusTypeOf } : {}),
    });
    // A body without a usable seq 1 is not filed at all; one naming another id is filed under that id.
    return ticket === null || ticket.id <= 0 ? null : ticket;
  }

  function setPhase(next: SyncPhase): void {
    if (phase === next) return;
    phase = next;
    notify();
  }

  function recordCompletions(count: number): void {
    const now = clock.now();
    completions.push({ at: now, count });
    while (completions.length > 0 && completions[0]!.at < now - RATE_WINDOW_MS) completions.shift();
  }

  function computeProgress(): SyncProgress {
    const meta = index.meta();
    const remaining = pendingIdCount(meta);
    const total = remaining === 0 ? 0 : Math.max(meta.walkTotal, remaining);
    const now = clock.now();
    const recent = completions.filter((c) => c.at >= now - RATE_WINDOW_MS);
    let rate: number | null = null;
    if (recent.length >= 2) {
      const span = (now - recent[0]!.at) / 1000;
      const count = recent.slice(1).reduce((sum, c) => sum + c.count, 0);
      if (span > 0) rate = count / span;
    }
    return {
      phase,
      paused,
      hidden,
      done: total - remaining,
      total,
      ratePerSecond: rate,
      secondsLeft: rate && rate > 0 && remaining > 0 ? Math.ceil(remaining / rate) : null,
      newestId: index.meta().newestId,
      requests,
      lastError,
      retryAt,
    };
  }

  async function backOff(error: unknown): Promise<void> {
    failures += 1;
    options.onError?.(error);
    lastError = error instanceof Error ? error.message : String(error);
    const base = Math.min(settings.maxBackoffMs, settings.baseBackoffMs * 2 ** (failures - 1));
    // ±20 % jitter so that many tabs do not retry in step.
    const delay = Math.round(base * (0.8 + 0.4 * random()));
    retryAt = clock.now() + delay;
    setPhase('backing-off');
    notify();
    await sleepWakeable(delay);
    retryAt = null;
  }

  function succeeded(): void {
    if (failures === 0 && lastError === null) return;
    failures = 0;
    lastError = null;
    notify();
  }

  async function sleepWakeable(ms: number): Promise<void> {
    const controller = new AbortController();
    wake = controller;
    const onStop = (): void => controller.abort();
    abort.signal.addEventListener('abort', onStop);
    try {
      await scheduler.sleep(ms, controller.signal);
    } finally {
      abort.signal.removeEventListener('abort', onStop);
      if (wake === controller) wake = null;
    }
  }

  // ------------------------------------------------------------------------------------------- probing

  interface ProbeState {
    window: number;
    hits: Map<number, IndexedTicket>;
    misses: Map<number, MissingKind>;
    probed: Set<number>;
  }

  async function probeOne(id: number, state: ProbeState): Promise<boolean> {
    if (state.probed.has(id)) return state.hits.has(id);
    const result = await attempt(id);
    if ('error' in result) throw new TransientFailure(id, result.error);
    state.probed.add(id);
    if (result.outcome.kind === 'found') {
      const ticket = toTicket(result.outcome.ticket, clock.now());
      if (ticket) {
        state.hits.set(id, ticket);
        return true;
      }
      return false;
    }
    state.misses.set(id, result.outcome.reason);
    return false;
  }

  /** The highest hit among `ids` (probed in parallel, within the bound), or null. */
  async function probeMany(ids: number[], state: ProbeState): Promise<number | null> {
    const found = await Promise.all(ids.map((id) => probeOne(id, state)));
    let best: number | null = null;
    ids.forEach((id, i) => {
      if (found[i] && (best === null || id > best)) best = id;
    });
    return best;
  }

  /**
   * How many ids after a miss must miss too before it counts as the end. A technician who sees a small share of
   * the tickets (data segregation) meets long runs of 404s, so the window grows with the share of misses seen so
   * far: long enough that a run that long has under a 0.1 % chance of being a gap (at most 64).
   */
  function gapWindow(): number {
    const tickets = index.getSnapshot().tickets;
    const seen = tickets.length;
    // Misses below the lowest ticket (ids before the first ticket ever made) say nothing about visibility.
    const lowest = tickets.at(-1)?.id ?? 0;
    let missed = 0;
    for (const id of index.missingIds().keys()) if (id > lowest) missed += 1;
    if (seen + missed < 20 || seen === 0) return settings.gapTolerance;
    const visibleShare = seen / (seen + missed);
    if (visibleShare >= 1) return settings.gapTolerance;
    const needed = Math.ceil(Math.log(0.001) / Math.log(1 - visibleShare));
    return Math.min(64, Math.max(settings.gapTolerance, needed));
  }

  /** A miss at `id` counts only when the next ids (gapWindow) miss too; returns the highest hit, or null. */
  async function hitAtOrJustAbove(id: number, state: ProbeState): Promise<number | null> {
    if (await probeOne(id, state)) return id;
    const window: number[] = [];
    for (let i = 1; i <= state.window; i++) window.push(id + i);
    return probeMany(window, state);
  }

  async function findNewestId(): Promise<{ newest: number | null; state: ProbeState }> {
    const state: ProbeState = { window: gapWindow(), hits: new Map(), misses: new Map(), probed: new Set() };
    const snapshot = index.getSnapshot();
    let lastHit = Math.max(index.meta().newestId ?? 0, snapshot.tickets[0]?.id ?? 0);
    let upper: number | null = null;
    let step = 1;
    if (lastHit === 0) {
      // Cold start: ids need not start at 1 (the emulator's start at 101) and a technician may see only some
      // groups' tickets, so each doubling probes a small window; then the first few hundred ids one by one.
      for (
        let candidate = settings.floorId;
        candidate <= settings.probeCeiling && lastHit === 0;
        candidate *= 2
      ) {
        lastHit = (await hitAtOrJustAbove(candidate, state)) ?? 0;
      }
      for (let from = settings.floorId; lastHit === 0 && from <= COLD_SCAN_IDS; from += settings.batchSize) {
        const ids: number[] = [];
        for (let id = from; id < from + settings.batchSize && id <= COLD_SCAN_IDS; id++) ids.push(id);
        lastHit = (await probeMany(ids, state)) ?? 0;
      }
      if (lastHit === 0) return { newest: null, state };
    }
    // Gallop: +1, +2, +4, ... from the last hit, until a miss that the ids just beyond confirm.
    while (upper === null) {
      const candidate = lastHit + step;
      const hit = await hitAtOrJustAbove(candidate, state);
      if (hit !== null) {
        lastHit = hit;
        step *= 2;
      } else {
        upper = candidate;
      }
    }
    // Narrow: (lastHit, upper) with upper a confirmed miss; a mid that misses is checked with its window too.
    while (upper - lastHit > 1) {
      const mid = Math.floor((lastHit + upper) / 2);
      const hit = await hitAtOrJustAbove(mid, state);
      if (hit !== null) lastHit = Math.max(lastHit, hit);
      else upper = mid;
    }
    return { newest: lastHit, state };
  }

  async function probe(): Promise<void> {
    setPhase('probing');
    const startedAt = clock.now();
    const { newest, state } = await findNewestId();
    lastProbeWindow = state.window;
    const meta = index.meta();
    const now = clock.now();
    const next: SyncMeta = { ...meta, pending: [...meta.pending], lastProbeAt: now, lastSyncedAt: now };
    const missing: MissingTicket[] = [];
    if (newest !== null) {
      next.newestId = Math.max(meta.newestId ?? 0, newest);
      // Misses above the newest id are tickets not made yet, not gaps: nothing to remember.
      for (const [id, kind] of state.misses) if (id < newest) missing.push({ id, kind, checkedAt: now });
      if (newest > meta.walkedTop) {
        const low = Math.max(settings.floorId, meta.walkedTop + 1);
        const range: IdRange = { high: newest, low, since: startedAt };
        if (next.pending.length === 0) next.walkTotal = 0;
        next.pending.unshift(range);
        next.walkTotal += newest - low + 1;
        next.walkedTop = newest;
      }
    }
    await index.apply({ put: [...state.hits.values()], missing, meta: next });
    recordCompletions(0);
  }

  // ------------------------------------------------------------------------------------------- walking

  function needsRead(id: number, since: number, now: number): boolean {
    const miss = index.getMissing(id);
    if (miss && now - miss.checkedAt < settings.missingRecheckMs) return false;
    const known = index.get(id);
    return !(known && known.source === 'ticket' && known.fetchedAt >= since);
  }

  /** One batch of the first pending range. Throws TransientFailure after recording what did succeed. */
  async function walkBatch(): Promise<void> {
    const meta = index.meta();
    const range = meta.pending[0];
    if (!range) return;
    const now = clock.now();
    const ids: number[] = [];
    let cursor = range.high;
    while (ids.length < settings.batchSize && cursor >= range.low) {
      if (needsRead(cursor, range.since, now)) ids.push(cursor);
      cursor -= 1;
    }
    const results = await Promise.all(ids.map((id) => attempt(id)));
    const fetchedAt = clock.now();
    const put: IndexedTicket[] = [];
    const missing: MissingTicket[] = [];
    const failed: { id: number; error: unknown }[] = [];
    for (const result of results) {
      if ('outcome' in result) {
        attemptsById.delete(result.id);
        if (result.outcome.kind === 'found') {
          const ticket = toTicket(result.outcome.ticket, fetchedAt);
          if (ticket) put.push(ticket);
        } else {
          missing.push({ id: result.id, kind: result.outcome.reason, checkedAt: fetchedAt });
        }
        continue;
      }
      const tries = (attemptsById.get(result.id) ?? 0) + 1;
      if (!stopped && !isNetworkError(result.error) && tries >= settings.maxAttemptsPerId) {
        // protocol-notes §4: some servers answer a deleted id with a 5xx; after a few tries it is a gap.
        attemptsById.delete(result.id);
        missing.push({ id: result.id, kind: 'error', checkedAt: fetchedAt });
      } else {
        attemptsById.set(result.id, tries);
        failed.push(result);
      }
    }
    const latest = index.meta();
    const pending = latest.pending.map((r) => ({ ...r }));
    const first = pending[0];
    if (first && first.high === range.high && first.low === range.low) {
      // Everything above the highest failure is done; the failures and below are read again.
      const highestFailed = failed.reduce((max, f) => Math.max(max, f.id), -Infinity);
      first.high = failed.length > 0 ? highestFailed : cursor;
      if (first.high < first.low) pending.shift();
    }
    const next: SyncMeta = { ...latest, pending, lastSyncedAt: fetchedAt };
    if (pending.length === 0 && latest.pending.length > 0) next.lastFullSyncAt = fetchedAt;
    const done = ids.length - failed.length;
    await index.apply({ put, missing, meta: next });
    recordCompletions(done + (range.high - cursor - ids.length));
    notify();
    if (failed.length > 0 && !stopped) throw new TransientFailure(failed[0]!.id, failed[0]!.error);
  }

  /** Once covered: asks again about a few ids that answered 404/403 more than missingRecheckMs ago. */
  async function recheckMissing(): Promise<void> {
    const now = clock.now();
    const due = [...index.missingIds().values()]
      .filter((m) => now - m.checkedAt >= settings.missingRecheckMs)
      .sort((a, b) => a.checkedAt - b.checkedAt)
      .slice(0, missingRecheckBudget);
    if (due.length === 0) return;
    setPhase('rechecking');
    const results = await Promise.all(due.map((m) => attempt(m.id)));
    const fetchedAt = clock.now();
    const put: IndexedTicket[] = [];
    const missing: MissingTicket[] = [];
    for (const result of results) {
      if ('error' in result) continue;
      if (result.outcome.kind === 'found') {
        const ticket = toTicket(result.outcome.ticket, fetchedAt);
        if (ticket) put.push(ticket);
      } else {
        missing.push({ id: result.id, kind: result.outcome.reason, checkedAt: fetchedAt });
      }
    }
    await index.apply({ put, missing });
  }

  function probeDue(): boolean {
    const meta = index.meta();
    if (meta.newestId === null || meta.lastProbeAt === null) return true;
    return clock.now() - meta.lastProbeAt >= settings.idleIntervalMs;
  }

  async function withRetries(step: () => Promise<void>): Promise<void> {
    while (!stopped) {
      try {
        await step();
        succeeded();
        return;
      } catch (error) {
        if (stopped || index.closed) return;
        await backOff(error instanceof TransientFailure ? error.failure : error);
      }
    }
  }

  /** Starts the walk over (top to floor) when the last full sync is older than fullResyncMs. */
  async function rewalkIfDue(): Promise<void> {
    const meta = index.meta();
    if (meta.pending.length > 0 || meta.lastFullSyncAt === null || meta.walkedTop < settings.floorId) return;
    const now = clock.now();
    if (now - meta.lastFullSyncAt < settings.fullResyncMs) return;
    const range: IdRange = { high: meta.walkedTop, low: settings.floorId, since: now };
    await index.apply({ meta: { ...meta, pending: [range], walkTotal: range.high - range.low + 1 } });
  }

  async function runPass(passOptions: { forceProbe?: boolean } = {}): Promise<void> {
    if (stopped || index.closed) return;
    await rewalkIfDue();
    let probeNow = passOptions.forceProbe === true || probeDue();
    // A walk teaches how many ids this technician cannot see; when that calls for a wider gap window than the
    // probe used, the newest id is looked for again at once (a few times at most).
    for (let round = 0; round < 4 && !stopped && !index.closed; round++) {
      if (probeNow) await withRetries(probe);
      while (!stopped && !index.closed && index.meta().pending.length > 0) {
        setPhase('walking');
        await withRetries(walkBatch);
        if (index.meta().pending.length > 0 && settings.batchDelayMs > 0)
          await sleepWakeable(settings.batchDelayMs);
      }
      probeNow = gapWindow() > lastProbeWindow;
      if (!probeNow) break;
    }
    if (!stopped && !index.closed) await withRetries(recheckMissing);
    if (!stopped) setPhase('idle');
  }

  return {
    getProgress() {
      progress ??= computeProgress();
      return progress;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    pause() {
      if (paused) return;
      paused = true;
      notify();
    },
    resume() {
      if (!paused) return;
      paused = false;
      openGate();
      notify();
    },
    syncNow() {
      wake?.abort();
    },
    runPass,
    start() {
      if (loop || stopped) return;
      loop = (async () => {
        let force = false;
        while (!stopped && !index.closed) {
          await runPass({ forceProbe: force });
          if (stopped) break;
          const before = clock.now();
          await sleepWakeable(settings.idleIntervalMs);
          // Woken early by syncNow(): probe even if the interval has not passed.
          force = clock.now() - before < settings.idleIntervalMs;
          await gate();
        }
      })();
    },
    async stop() {
      stopped = true;
      abort.abort();
      openGate();
      unsubscribeVisibility();
      const running = loop;
      loop = null;
      if (running) await running;
      phase = 'stopped';
      notify();
    },
  };
}
