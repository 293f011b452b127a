/**
 * Fetches the code of the signed-in frame, the home page and the ticket detail view while the browser is idle,
 * so that what the technician sees after signing in does not wait for it: the sign-in page itself stays small (issue 3, route-level splitting).
 */
export function preloadTicketDetailWhenIdle(): () => void {
  const load = () => {
    // A failed prefetch is harmless: the route loads its code again when it is opened.
    import('./routes/signed-in-area.tsx').catch(() => undefined);
    import('./routes/ticket-detail-route.tsx').catch(() => undefined);
    import('./routes/home-route.tsx').catch(() => undefined);
  };
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(load, { timeout: 3000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(load, 1500);
  return () => window.clearTimeout(timer);
}
