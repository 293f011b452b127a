import { useCallback, useEffect, useRef, useState } from 'react';

// Drafts: what a technician typed into a form, note composer or dialog, kept until it is sent.
//
// Storage is localStorage on purpose: it is synchronous, so a draft written on `pagehide` is really on disk
// before the tab goes, and it survives a crash, a reload and a browser restart (sessionStorage does not survive
// closing the tab; IndexedDB is asynchronous and may lose the last write on unload). What goes there is only
// what the technician typed for a ticket (field values, note text), which the same person could read on the
// server anyway. Access tokens and passwords never go through this module: the session keeps tokens in
// memory. Drafts are keyed per server and technician, so a colleague signing in on the same browser does not
// see them, and they expire after `DRAFT_MAX_AGE_MS`.

/** Who and what a draft belongs to; every part goes into the storage key. */
export interface DraftScope {
  /** The Track-It! server (its API base URL), so two servers never share drafts. */
  server: string;
  /** The signed-in technician, e.g. `HELP DESK\TECH1` (compared case-insensitively). */
  technician: string;
  /** The ticket id, or `'new'` for a ticket being created. */
  ticket: string | number;
  /** The form within the ticket, e.g. `'edit'`, `'create:New Hire'`, `'note'`, `'status-note'`. */
  form: string;
}

export interface StoredDraft<T> {
  value: T;
  /** When it was saved (ms since the epoch). */
  savedAt: number;
}

export const DRAFT_KEY_PREFIX = 'helpdesk.draft.v1:';
/** Drafts older than this are dropped when read: a two-week-old half-typed note is noise, not work. */
export const DRAFT_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;
/** How long typing must pause before a draft is written. */
export const DRAFT_SAVE_DELAY_MS = 300;

/** The storage key for a scope. Parts are URI-encoded so a `|` in a name cannot collide with another scope. */
export function draftKey(scope: DraftScope): string {
  const parts = [
    scope.server.replace(/\/+$/, '').toLowerCase(),
    scope.technician.toLowerCase(),
    String(scope.ticket),
    scope.form,
  ];
  return DRAFT_KEY_PREFIX + parts.map(encodeURIComponent).join('|');
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Some browsers throw on access when storage is disabled; drafts then live only in memory.
    return null;
  }
}

/** Reads a draft; undefined when there is none, it is unreadable, or it expired (an expired one is removed). */
export function readDraft<T>(key: string, now: number = Date.now()): StoredDraft<T> | undefined {
  const store = storage();
  if (!store) return undefined;
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      'savedAt' in parsed &&
      'value' in parsed &&
      typeof parsed.savedAt === 'number'
    ) {
      if (now - parsed.savedAt > DRAFT_MAX_AGE_MS) {
        removeDraft(key);
        return undefined;
      }
      return { value: parsed.value as T, savedAt: parsed.savedAt };
    }
  } catch {
    // fall through: a corrupt entry is dropped rather than crashing the form
  }
  removeDraft(key);
  return undefined;
}

/** Writes a draft (the value must be JSON-serialisable). False when storage refused (full or disabled). */
export function writeDraft<T>(key: string, value: T, now: number = Date.now()): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify({ savedAt: now, value } satisfies StoredDraft<T>));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing to do: storage is unavailable
  }
}

/** Removes every draft whose key `match` accepts (e.g. all of a deleted ticket's drafts, with `ticketDraftFragment`). */
export function removeDrafts(match: (key: string) => boolean): void {
  const store = storage();
  if (!store) return;
  const keys: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (key?.startsWith(DRAFT_KEY_PREFIX) && match(key)) keys.push(key);
  }
  keys.forEach(removeDraft);
}

/** The storage-key fragment a ticket's drafts share, for `removeDrafts` (`key.includes(ticketDraftFragment(101))`). */
export function ticketDraftFragment(ticket: string | number): string {
  return `|${encodeURIComponent(String(ticket))}|`;
}

export interface UseDraftOptions<T> {
  /** Debounce for writes; default 300 ms. */
  delayMs?: number;
  /** When true for a value, the draft is removed instead of written (default: the value equals `initial`). */
  isEmpty?: (value: T) => boolean;
}

export interface DraftHandle<T> {
  /** The current value: the restored draft at first, then whatever `setValue` set. */
  value: T;
  /** Sets the value and schedules a save (debounced). */
  setValue: (next: T | ((previous: T) => T)) => void;
  /** Schedules a save of a value held elsewhere (e.g. an @mantine/form) without re-rendering. */
  save: (value: T) => void;
  /** The restored draft's save time, or null when the value did not come from a draft. */
  restoredAt: number | null;
  /** Removes the draft (after a successful submit, or "Discard draft") and resets the value to `initial`. */
  clear: () => void;
  /** Writes a pending save now. */
  flush: () => void;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Keeps a value in a draft under `key` (from `draftKey`); `null` key = no persistence (e.g. before sign-in).
 * Saves ~300 ms after the last change, and at once on `pagehide`, on the tab going hidden, and on unmount.
 */
export function useDraft<T>(
  key: string | null,
  initial: T,
  options: UseDraftOptions<T> = {},
): DraftHandle<T> {
  const delayMs = options.delayMs ?? DRAFT_SAVE_DELAY_MS;
  const [state, setState] = useState(() => load(key, initial));
  // A new key (another ticket or form) loads that key's draft, during render (React's "adjust state on prop change").
  if (state.key !== key) setState(load(key, initial));

  const initialRef = useRef(initial);
  initialRef.current = initial;
  const isEmptyRef = useRef(options.isEmpty);
  isEmptyRef.current = options.isEmpty;
  const pending = useRef<{ key: string; value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    const empty = isEmptyRef.current
      ? isEmptyRef.current(next.value)
      : sameJson(next.value, initialRef.current);
    if (empty) removeDraft(next.key);
    else writeDraft(next.key, next.value);
  }, []);

  const save = useCallback(
    (value: T) => {
      if (key === null) return;
      if (pending.current && pending.current.key !== key) flush();
      pending.current = { key, value };
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [key, delayMs, flush],
  );

  const valueRef = useRef(state.value);
  valueRef.current = state.value;
  const setValue = useCallback(
    (next: T | ((previous: T) => T)) => {
      const value = typeof next === 'function' ? (next as (previous: T) => T)(valueRef.current) : next;
      valueRef.current = value;
      save(value);
      setState((previous) => ({ ...previous, value }));
    },
    [save],
  );

  const clear = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    if (key !== null) removeDraft(key);
    setState({ key, value: initialRef.current, restoredAt: null });
  }, [key]);

  useEffect(() => {
    const onHide = () => flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [flush]);

  return { value: state.value, setValue, save, restoredAt: state.restoredAt, clear, flush };
}

function load<T>(
  key: string | null,
  initial: T,
): { key: string | null; value: T; restoredAt: number | null } {
  const stored = key === null ? undefined : readDraft<T>(key);
  return stored
    ? { key, value: stored.value, restoredAt: stored.savedAt }
    : { key, value: initial, restoredAt: null };
}
