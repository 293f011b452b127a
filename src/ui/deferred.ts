import { lazy, useEffect, type ComponentType, type LazyExoticComponent } from 'react';

// Code that a page does not need to show itself (dialogs, menus' dropdowns, the note composer) is fetched after
// the page has painted, so that it stays out of the JavaScript the page loads before it shows (issue 3 budget:
// 200 kB gzip) yet is there by the time the technician reaches for it.

/** Runs `load` when the browser is next idle (at most `timeoutMs` later); returns a cancel function. */
export function whenIdle(load: () => void, timeoutMs = 3000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(load, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(load, Math.min(timeoutMs, 1500));
  return () => window.clearTimeout(timer);
}

export interface DeferredComponent<P extends object> {
  /** Render inside a `Suspense`. */
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Starts fetching the code (once); a failed fetch is retried by the next call or by rendering. */
  preload: () => Promise<void>;
}

/**
 * `React.lazy` with a `preload` that shares its fetch: `preload()` while idle, render when asked for. A failed
 * load is forgotten, so the next attempt fetches again rather than repeating the failure.
 */
export function deferredComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): DeferredComponent<P> {
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchOnce = () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
  const Component = lazy(async () => ({ default: await fetchOnce() }));
  return {
    Component,
    preload: () =>
      fetchOnce().then(
        () => undefined,
        () => undefined,
      ),
  };
}

/** Prefetches deferred code once the page that mounts this hook has painted and the browser is idle. */
export function usePreloadWhenIdle(preload: () => Promise<void>): void {
  useEffect(
    () =>
      whenIdle(() => {
        void preload();
      }),
    [preload],
  );
}
