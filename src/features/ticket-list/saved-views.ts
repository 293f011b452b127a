import { useCallback, useSyncExternalStore } from 'react';

// Personal views saved by name (issue 5), kept in this browser per technician (localStorage). A saved view is
// the list's search string: the URL holds the whole state, so a saved view and a bookmark are the same thing.

export interface SavedView {
  name: string;
  /** Search params without `?`, as list-url.ts writes them. */
  search: string;
}

const PREFIX = 'trackit-helpdesk:list-views:';
const MAX_VIEWS = 50;
const MAX_NAME = 60;

export function savedViewsKey(owner: string): string {
  return `${PREFIX}${owner}`;
}

function isSavedView(value: unknown): value is SavedView {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.name === 'string' && typeof record.search === 'string' && record.name.trim() !== '';
}

/** The saved views, in the order saved; damaged storage reads as none. */
export function readSavedViews(storage: Storage | null, owner: string): SavedView[] {
  if (!storage) return [];
  try {
    const parsed: unknown = JSON.parse(storage.getItem(savedViewsKey(owner)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isSavedView).slice(0, MAX_VIEWS) : [];
  } catch {
    return [];
  }
}

function write(storage: Storage, owner: string, views: readonly SavedView[]): void {
  storage.setItem(savedViewsKey(owner), JSON.stringify(views));
  notify();
}

export function normaliseViewName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME);
}

/** Saves (or replaces, by name, case-insensitively) a view. */
export function saveView(storage: Storage, owner: string, view: SavedView): SavedView[] {
  const name = normaliseViewName(view.name);
  if (name === '') return readSavedViews(storage, owner);
  const others = readSavedViews(storage, owner).filter((v) => v.name.toLowerCase() !== name.toLowerCase());
  const next = [...others, { name, search: view.search }].slice(-MAX_VIEWS);
  write(storage, owner, next);
  return next;
}

export function deleteSavedView(storage: Storage, owner: string, name: string): SavedView[] {
  const next = readSavedViews(storage, owner).filter((v) => v.name !== name);
  write(storage, owner, next);
  return next;
}

const listeners = new Set<() => void>();
let cache: { owner: string; raw: string | null; views: SavedView[] } | null = null;

function notify(): void {
  cache = null;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key.startsWith(PREFIX)) notify();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const NONE: SavedView[] = [];

/** The technician's saved views, with save and delete; re-renders when another tab changes them. */
export function useSavedViews(owner: string | null) {
  const views = useSyncExternalStore(subscribe, () => {
    if (owner === null) return NONE;
    const storage = browserStorage();
    const raw = storage?.getItem(savedViewsKey(owner)) ?? null;
    if (cache && cache.owner === owner && cache.raw === raw) return cache.views;
    cache = { owner, raw, views: readSavedViews(storage, owner) };
    return cache.views;
  });
  const save = useCallback(
    (view: SavedView) => {
      const storage = browserStorage();
      if (owner !== null && storage) saveView(storage, owner, view);
    },
    [owner],
  );
  const remove = useCallback(
    (name: string) => {
      const storage = browserStorage();
      if (owner !== null && storage) deleteSavedView(storage, owner, name);
    },
    [owner],
  );
  return { views, save, remove };
}
