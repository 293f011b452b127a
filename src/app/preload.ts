import { whenIdle } from '../ui/deferred.ts';

// Route code fetched while the browser is idle, so that what the technician sees next does not wait for it,
// while the page at hand stays small (issue 3, route-level splitting). A failed prefetch is harmless: the route
// loads its code again when it is opened.

const ignore = () => undefined;

/**
 * After the page has settled: on the technician's first key press, click or typed character, or after two
 * seconds and then when idle. Prefetched modules run when they arrive, so they stay out of the window in which
 * the page comes up and paints.
 */
function whenSettled(load: () => void): () => void {
  let cancelIdle: (() => void) | null = null;
  const events = ['keydown', 'pointerdown', 'input'] as const;
  const stop = () => {
    window.clearTimeout(timer);
    for (const type of events) window.removeEventListener(type, start, true);
  };
  const start = () => {
    stop();
    load();
  };
  const timer = window.setTimeout(() => {
    stop();
    cancelIdle = whenIdle(load);
  }, 2000);
  for (const type of events) window.addEventListener(type, start, { capture: true, passive: true });
  return () => {
    stop();
    cancelIdle?.();
  };
}

/** The ticket detail view: the page most signed-in pages lead to. */
export function preloadTicketDetailWhenIdle(): () => void {
  return whenIdle(() => {
    import('./routes/ticket-detail-route.tsx').catch(ignore);
  });
}

/**
 * On the sign-in page: the signed-in frame and the page the technician is headed to (`next`, or the home page),
 * and nothing else: a deep link to a ticket fetches the detail view, not the home page.
 */
export function preloadAfterSignInWhenSettled(next: string | null): () => void {
  return whenSettled(() => {
    import('./routes/signed-in-area.tsx').catch(ignore);
    if (next === null || next === '/') import('./routes/home-route.tsx').catch(ignore);
    else if (/^\/tickets\/\d+(?:[/?#]|$)/.test(next))
      import('./routes/ticket-detail-route.tsx').catch(ignore);
  });
}
